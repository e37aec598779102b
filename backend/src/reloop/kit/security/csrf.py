"""CSRF tokens for cookie-authenticated writes: an HMAC of the session id.

The token is bound to the sign-in session, so it changes when the session does and cannot
be reused across accounts; a cross-site page can neither read it nor compute it.
"""

import base64
import hashlib
import hmac


def csrf_token_for(secret: str, session_id: str) -> str:
    digest = hmac.new(secret.encode(), f"csrf:{session_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def csrf_token_matches(secret: str, session_id: str, presented: str | None) -> bool:
    if not presented:
        return False
    return hmac.compare_digest(csrf_token_for(secret, session_id), presented)
