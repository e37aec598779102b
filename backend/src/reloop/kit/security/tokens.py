"""Opaque secrets for links and refresh tokens: random, and stored only as hashes."""

import hashlib
import secrets


def new_secret_token() -> str:
    """256 bits of randomness, URL-safe."""
    return secrets.token_urlsafe(32)


def hash_secret_token(token: str) -> str:
    """SHA-256 is enough here: the input is random and long, not a password."""
    return hashlib.sha256(token.encode()).hexdigest()
