"""Ed25519 keys for access tokens: a `kid` per key, a JWKS for verifiers, rotation by file.

Keys are PEM files in one directory. The newest signs; all verify, so a new key can be
added and an old one removed a token lifetime later. Outside production the first key is
generated on first use; production refuses to start without one.
"""

import base64
import functools
import hashlib
import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ALGORITHM = "EdDSA"
CHECKED_TOKENS = 4096  # tokens whose signature check is remembered (a few MB at most)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _public_x(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _b64url(raw)


def _thumbprint(key: Ed25519PublicKey) -> str:
    """RFC 7638 JWK thumbprint: a stable `kid` derived from the key itself."""
    canonical = json.dumps(
        {"crv": "Ed25519", "kty": "OKP", "x": _public_x(key)}, separators=(",", ":")
    )
    return _b64url(hashlib.sha256(canonical.encode()).digest())


class InvalidAccessToken(Exception):
    pass


@dataclass(frozen=True, slots=True)
class _Key:
    kid: str
    private: Ed25519PrivateKey

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()


class SigningKeys:
    def __init__(self, keys: list[_Key]) -> None:
        if not keys:
            raise ValueError("at least one signing key is required")
        self._keys = keys
        self._by_kid = {key.kid: key for key in keys}
        # Checking a signature costs about 0.3 ms, and a member presents the same token on
        # every request of its lifetime, so the outcome of the checks that cannot change
        # (signature, audience, issuer, required claims) is remembered per token; expiry
        # is checked on every call. The memory lives and dies with these keys.
        self._checked = functools.lru_cache(maxsize=CHECKED_TOKENS)(self._check)

    @classmethod
    def from_directory(cls, directory: Path, *, create: bool) -> "SigningKeys":
        files = sorted(directory.glob("jwt-*.pem"))
        if not files:
            if not create:
                raise RuntimeError(f"no JWT signing key in {directory} (jwt-*.pem)")
            directory.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            path = directory / f"jwt-{stamp}.pem"
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            path.touch(mode=0o600)
            path.write_bytes(pem)
            files = [path]
        keys = []
        for path in files:
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
            if not isinstance(private, Ed25519PrivateKey):
                raise RuntimeError(f"{path} is not an Ed25519 private key")
            keys.append(_Key(kid=_thumbprint(private.public_key()), private=private))
        return cls(keys)

    @property
    def current(self) -> _Key:
        return self._keys[-1]

    def sign(self, claims: dict[str, Any]) -> str:
        key = self.current
        return jwt.encode(claims, key.private, algorithm=ALGORITHM, headers={"kid": key.kid})

    def verify(self, token: str, *, audience: str, issuer: str) -> dict[str, Any]:
        """The claims of a token we signed that has not expired; else `InvalidAccessToken`."""
        try:
            claims = self._checked(token, audience, issuer)
        except jwt.PyJWTError as exc:
            raise InvalidAccessToken("invalid") from exc
        expires = claims["exp"]
        if not isinstance(expires, int | float):
            raise InvalidAccessToken("invalid")
        if expires <= time.time():  # PyJWT's own rule, without leeway
            raise InvalidAccessToken("expired")
        return dict(claims)

    def _check(self, token: str, audience: str, issuer: str) -> dict[str, Any]:
        kid = jwt.get_unverified_header(token).get("kid")
        key = self._by_kid.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise InvalidAccessToken("unknown key")
        claims: dict[str, Any] = jwt.decode(
            token,
            key.public,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={"require": ["exp", "iat", "sub", "sid"], "verify_exp": False},
        )
        return claims

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        return {
            "keys": [
                {
                    "kty": "OKP",
                    "crv": "Ed25519",
                    "x": _public_x(key.public),
                    "kid": key.kid,
                    "use": "sig",
                    "alg": ALGORITHM,
                }
                for key in self._keys
            ]
        }
