"""Who is asking: dependencies that authenticate, authorise, or fail.

`CurrentMember` loads the member and their live session in one statement (so a revoked
session or a deleted account stops working at once, not when the access token expires)
and, for cookie-authenticated writes, checks the CSRF token. `VerifiedMember` and
`require_role()` build on it. Bearer clients need no CSRF token: no browser attaches
their credentials automatically.

This sits below every domain that has routes, so any of them can ask who is asking; the
account flows that create sessions live above it, in `reloop.auth`.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from sqlalchemy import DateTime, Uuid, bindparam, select

from reloop.access.errors import (
    AccessTokenExpired,
    CsrfFailed,
    EmailNotVerified,
    InvalidAccessToken,
    NotAuthenticated,
    RoleRequired,
    SessionEnded,
)
from reloop.config import Settings
from reloop.kit.deps import READ_METHODS, SessionDep, SettingsDep
from reloop.kit.security import jwt_keys
from reloop.kit.security.csrf import csrf_token_matches
from reloop.kit.security.jwt_keys import SigningKeys
from reloop.models.auth import AuthSession
from reloop.models.user import Role, User

ACCESS_COOKIE = "reloop_access"
AUDIENCE = "reloop-api"


@dataclass(frozen=True, slots=True)
class Principal:
    user: User
    session: AuthSession
    via: Literal["cookie", "bearer"]

    @property
    def session_id(self) -> uuid.UUID:
        return self.session.id


def signing_keys(request: Request) -> SigningKeys:
    keys: SigningKeys = request.app.state.signing_keys
    return keys


def presents_credentials(request: Request) -> bool:
    """Whether the request carries a token at all (so a visitor's read can skip auth)."""
    return "authorization" in request.headers or ACCESS_COOKIE in request.cookies


def _presented_token(request: Request) -> tuple[str, Literal["cookie", "bearer"]] | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise InvalidAccessToken()
        return token.strip(), "bearer"
    cookie = request.cookies.get(ACCESS_COOKIE)
    return (cookie, "cookie") if cookie else None


def _check_csrf(request: Request, settings: Settings, session_id: uuid.UUID) -> None:
    if request.method in READ_METHODS:
        return
    presented = request.headers.get("x-csrf-token")
    if not csrf_token_matches(settings.secret_key.get_secret_value(), str(session_id), presented):
        raise CsrfFailed()


# Built once: every member's request runs it, and building it (with its cache key) cost
# about 0.3 ms a request.
_LIVE_SESSION = (
    select(User, AuthSession)
    .join(AuthSession, AuthSession.user_id == User.id)
    .where(
        AuthSession.id == bindparam("session_id", type_=Uuid),
        User.id == bindparam("user_id", type_=Uuid),
        AuthSession.revoked_at.is_(None),
        AuthSession.expires_at > bindparam("now", type_=DateTime(timezone=True)),
        User.deleted_at.is_(None),
    )
)


async def optional_principal(
    request: Request, session: SessionDep, settings: SettingsDep
) -> Principal | None:
    presented = _presented_token(request)
    if presented is None:
        return None
    token, via = presented
    try:
        claims = signing_keys(request).verify(token, audience=AUDIENCE, issuer=settings.jwt_issuer)
        user_id, session_id = uuid.UUID(claims["sub"]), uuid.UUID(claims["sid"])
    except jwt_keys.InvalidAccessToken as exc:
        raise (AccessTokenExpired() if str(exc) == "expired" else InvalidAccessToken()) from exc
    except ValueError as exc:
        raise InvalidAccessToken() from exc
    row = (
        await session.execute(
            _LIVE_SESSION,
            {"session_id": session_id, "user_id": user_id, "now": datetime.now(UTC)},
        )
    ).first()
    if row is None:
        raise SessionEnded()
    user, auth_session = row[0], row[1]
    if via == "cookie":
        _check_csrf(request, settings, auth_session.id)
    request.scope["state"]["user_id"] = str(user.id)
    return Principal(user=user, session=auth_session, via=via)


async def current_principal(
    principal: Annotated[Principal | None, Depends(optional_principal)],
) -> Principal:
    if principal is None:
        raise NotAuthenticated()
    return principal


async def verified_principal(
    principal: Annotated[Principal, Depends(current_principal)],
) -> Principal:
    if not principal.user.is_verified:
        raise EmailNotVerified()
    return principal


def require_role(*roles: Role) -> Any:
    """A dependency admitting only members with one of `roles` (admins always)."""
    allowed = {*roles, Role.admin}

    async def dependency(
        principal: Annotated[Principal, Depends(current_principal)],
    ) -> Principal:
        if principal.user.role not in allowed:
            raise RoleRequired()
        return principal

    return Depends(dependency)


OptionalMember = Annotated[Principal | None, Depends(optional_principal)]
CurrentMember = Annotated[Principal, Depends(current_principal)]
VerifiedMember = Annotated[Principal, Depends(verified_principal)]
