"""Sign-in sessions: access tokens, refresh-token rotation and reuse detection.

A session is one signed-in device. Its refresh tokens form a family: each use rotates the
token, and presenting an already-rotated token means it was copied, so the whole family
is revoked. A short grace period lets two tabs refresh with the same token at once.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.deps import AUDIENCE
from reloop.access.errors import CsrfFailed
from reloop.auth.errors import InvalidRefreshToken
from reloop.auth.repository import RefreshTokenRepository, SessionRepository
from reloop.auth.security_log import RequestMeta, SecurityLog
from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.kit.security.csrf import csrf_token_for, csrf_token_matches
from reloop.kit.security.jwt_keys import SigningKeys
from reloop.kit.security.tokens import hash_secret_token, new_secret_token
from reloop.models.auth import AuthSession, RefreshToken
from reloop.models.user import User


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    user: User
    session_id: uuid.UUID
    access_token: str
    refresh_token: str
    csrf_token: str
    expires_in: int
    session_max_age_s: int


class SessionIssuer:
    def __init__(self, settings: Settings, keys: SigningKeys) -> None:
        self.settings = settings
        self.keys = keys

    def _access_token(self, user: User, session_id: uuid.UUID, now: datetime) -> str:
        return self.keys.sign(
            {
                "iss": self.settings.jwt_issuer,
                "aud": AUDIENCE,
                "sub": str(user.id),
                "sid": str(session_id),
                "role": user.role.value,
                "iat": int(now.timestamp()),
                "exp": int(now.timestamp()) + self.settings.access_token_ttl_s,
                "jti": new_id().hex,
            }
        )

    def _issue(
        self, user: User, auth_session: AuthSession, refresh_token: str, now: datetime
    ) -> IssuedTokens:
        return IssuedTokens(
            user=user,
            session_id=auth_session.id,
            access_token=self._access_token(user, auth_session.id, now),
            refresh_token=refresh_token,
            csrf_token=self.csrf_token(auth_session.id),
            expires_in=self.settings.access_token_ttl_s,
            session_max_age_s=max(int((auth_session.expires_at - now).total_seconds()), 0),
        )

    def csrf_token(self, session_id: uuid.UUID) -> str:
        return csrf_token_for(self.settings.secret_key.get_secret_value(), str(session_id))

    async def _new_refresh_token(
        self,
        session: AsyncSession,
        auth_session: AuthSession,
        now: datetime,
        parent: RefreshToken | None = None,
    ) -> str:
        token = new_secret_token()
        idle_expiry = now + timedelta(seconds=self.settings.refresh_idle_ttl_s)
        session.add(
            RefreshToken(
                session_id=auth_session.id,
                token_hash=hash_secret_token(token),
                parent_id=parent.id if parent else None,
                created_at=now,
                expires_at=min(idle_expiry, auth_session.expires_at),
            )
        )
        await session.flush()
        return token

    async def start(self, session: AsyncSession, user: User, meta: RequestMeta) -> IssuedTokens:
        """A new signed-in session for `user` on the device described by `meta`."""
        now = datetime.now(UTC)
        auth_session = AuthSession(
            user_id=user.id,
            created_at=now,
            last_used_at=now,
            expires_at=now + timedelta(seconds=self.settings.session_absolute_ttl_s),
            ip=meta.ip,
            user_agent=meta.user_agent,
        )
        session.add(auth_session)
        await session.flush()
        refresh_token = await self._new_refresh_token(session, auth_session, now)
        return self._issue(user, auth_session, refresh_token, now)

    async def refresh(
        self,
        session: AsyncSession,
        db: Database,
        log: SecurityLog,
        presented: str,
        *,
        csrf_token: str | None,
        require_csrf: bool,
    ) -> IssuedTokens:
        """Rotate `presented` into a new token pair, or refuse it.

        A browser (cookie) refresh must carry its session's CSRF token, checked before
        anything changes. Reuse of a rotated token outside the grace period revokes the
        session in its own transaction, so the revocation stands although this answers 401.
        """
        now = datetime.now(UTC)
        token = await RefreshTokenRepository(session).by_hash_for_update(
            hash_secret_token(presented)
        )
        if token is None:
            raise InvalidRefreshToken()
        secret = self.settings.secret_key.get_secret_value()
        if require_csrf and not csrf_token_matches(secret, str(token.session_id), csrf_token):
            raise CsrfFailed()
        auth_session = await session.get(AuthSession, token.session_id)
        if auth_session is None or auth_session.revoked_at is not None:
            raise InvalidRefreshToken()
        if token.expires_at <= now or auth_session.expires_at <= now:
            raise InvalidRefreshToken()
        if token.rotated_at is not None:
            grace = timedelta(seconds=self.settings.refresh_reuse_grace_s)
            if now - token.rotated_at > grace:
                await self._revoke_for_reuse(db, log, auth_session)
                raise InvalidRefreshToken()
        else:
            token.rotated_at = now
        user = await session.get(User, auth_session.user_id)
        if user is None or user.is_deleted:
            raise InvalidRefreshToken()
        auth_session.last_used_at = now
        refresh_token = await self._new_refresh_token(session, auth_session, now, parent=token)
        return self._issue(user, auth_session, refresh_token, now)

    @staticmethod
    async def _revoke_for_reuse(db: Database, log: SecurityLog, auth_session: AuthSession) -> None:
        async with db.transaction() as own:
            stored = await own.get(AuthSession, auth_session.id, with_for_update=True)
            if stored is not None and stored.revoked_at is None:
                stored.revoked_at = datetime.now(UTC)
                stored.revoked_reason = "refresh_token_reused"
        await log.record_now(
            "refresh_token_reused", auth_session.user_id, session_id=str(auth_session.id)
        )

    @staticmethod
    async def revoke(session: AsyncSession, auth_session: AuthSession, reason: str) -> None:
        auth_session.revoked_at = datetime.now(UTC)
        auth_session.revoked_reason = reason
        await session.flush()

    @staticmethod
    async def revoke_all(
        session: AsyncSession, user_id: uuid.UUID, reason: str, *, keep: uuid.UUID | None = None
    ) -> None:
        await SessionRepository(session).revoke_all(user_id, datetime.now(UTC), reason, keep=keep)
