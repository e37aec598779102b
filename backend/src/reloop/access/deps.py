"""Who is asking: dependencies that authenticate, authorise, or fail.

`CurrentMember` loads the member and their live session in one statement (so a revoked
session or a deleted account stops working at once, not when the access token expires)
and, for cookie-authenticated writes, checks the CSRF token. `VerifiedMember` and
`require_role()` build on it. Bearer clients need no CSRF token: no browser attaches
their credentials automatically. `optional_reader` makes the same checks for the hottest
reads (the feeds, the item page), which need the member's id and not their entities.

This sits below every domain that has routes, so any of them can ask who is asking; the
account flows that create sessions live above it, in `reloop.auth`.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, NamedTuple

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
from reloop.kit.db import Database, Reads
from reloop.kit.deps import READ_METHODS, SessionDep, SettingsDep
from reloop.kit.driver_select import DriverSelect
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


# Who may still use an access token: its session is live and its account not deleted.
_LIVE_CONDITIONS = (
    AuthSession.id == bindparam("session_id", type_=Uuid),
    User.id == bindparam("user_id", type_=Uuid),
    AuthSession.revoked_at.is_(None),
    AuthSession.expires_at > bindparam("now", type_=DateTime(timezone=True)),
    User.deleted_at.is_(None),
)
# Built once: every member's request runs it, and building it (with its cache key) cost
# about 0.3 ms a request.
_LIVE_SESSION = (
    select(User, AuthSession)
    .join(AuthSession, AuthSession.user_id == User.id)
    .where(*_LIVE_CONDITIONS)
)


def _presented_claims(
    request: Request, settings: Settings
) -> tuple[uuid.UUID, uuid.UUID, Literal["cookie", "bearer"]] | None:
    """The member and session a valid access token names, and how it came; None without one."""
    presented = _presented_token(request)
    if presented is None:
        return None
    token, via = presented
    try:
        claims = signing_keys(request).verify(token, audience=AUDIENCE, issuer=settings.jwt_issuer)
        return uuid.UUID(claims["sub"]), uuid.UUID(claims["sid"]), via
    except jwt_keys.InvalidAccessToken as exc:
        raise (AccessTokenExpired() if str(exc) == "expired" else InvalidAccessToken()) from exc
    except ValueError as exc:
        raise InvalidAccessToken() from exc


def _live_session_params(user_id: uuid.UUID, session_id: uuid.UUID) -> dict[str, Any]:
    return {"session_id": session_id, "user_id": user_id, "now": datetime.now(UTC)}


def _admitted(
    request: Request,
    settings: Settings,
    user_id: uuid.UUID,
    session_id: uuid.UUID,
    via: Literal["cookie", "bearer"],
) -> None:
    if via == "cookie":
        _check_csrf(request, settings, session_id)
    request.scope["state"]["user_id"] = str(user_id)


async def optional_principal(
    request: Request, session: SessionDep, settings: SettingsDep
) -> Principal | None:
    claimed = _presented_claims(request, settings)
    if claimed is None:
        return None
    user_id, session_id, via = claimed
    params = _live_session_params(user_id, session_id)
    row = (await session.execute(_LIVE_SESSION, params)).first()
    if row is None:
        raise SessionEnded()
    user, auth_session = row[0], row[1]
    _admitted(request, settings, user.id, auth_session.id, via)
    return Principal(user=user, session=auth_session, via=via)


class Reader(NamedTuple):
    """A signed-in member as the hottest reads need them: checked exactly as
    `optional_principal` checks, without loading the member and session as entities."""

    user_id: uuid.UUID
    session_id: uuid.UUID
    following_count: int


# The same live-session check as `_LIVE_SESSION`, for two columns, on the driver in reads
# (`kit.driver_select`): loading both entities through the ORM was a tenth of the API's
# CPU on a home feed page.
_LIVE_READER = DriverSelect(
    select(User.following_count)
    .join(AuthSession, AuthSession.user_id == User.id)
    .where(*_LIVE_CONDITIONS)
)


async def optional_reader(request: Request, reads: Reads, settings: Settings) -> Reader | None:
    """Who is reading (None for a visitor), for the feeds and the item page: the same
    token, session, account and CSRF checks as `optional_principal`, and its errors."""
    claimed = _presented_claims(request, settings)
    if claimed is None:
        return None
    user_id, session_id, via = claimed
    rows = await _LIVE_READER.rows(reads, _live_session_params(user_id, session_id))
    if not rows:
        raise SessionEnded()
    _admitted(request, settings, user_id, session_id, via)
    return Reader(user_id, session_id, rows[0][0])


# The live-session check for a write that needs only who is asking (checkout, paying): whether
# their email is verified, without loading the member and session as entities, on a read
# connection (no `BEGIN`, no `COMMIT`) that goes back to the pool before the work starts.
_LIVE_VERIFIED = DriverSelect(
    select(User.email_verified_at.is_not(None))
    .join(AuthSession, AuthSession.user_id == User.id)
    .where(*_LIVE_CONDITIONS)
)


async def verified_member_id(request: Request, settings: SettingsDep) -> uuid.UUID:
    """The signed-in, verified member's id: the checks and errors of `VerifiedMember`."""
    claimed = _presented_claims(request, settings)
    if claimed is None:
        raise NotAuthenticated()
    user_id, session_id, via = claimed
    database: Database = request.app.state.db
    async with database.selecting() as reads:
        rows = await _LIVE_VERIFIED.rows(reads, _live_session_params(user_id, session_id))
    if not rows:
        raise SessionEnded()
    _admitted(request, settings, user_id, session_id, via)
    if not rows[0][0]:
        raise EmailNotVerified()
    return user_id


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
VerifiedMemberId = Annotated[uuid.UUID, Depends(verified_member_id)]
