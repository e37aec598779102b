"""Queries on sessions, refresh tokens, email tokens and security events."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update

from reloop.kit.repository import Repository
from reloop.models.auth import AuthSession, AuthToken, RefreshToken, TokenPurpose


class SessionRepository(Repository[AuthSession]):
    model = AuthSession

    async def active_for_user(self, user_id: uuid.UUID, now: datetime) -> Sequence[AuthSession]:
        result = await self.session.execute(
            select(AuthSession)
            .where(
                AuthSession.user_id == user_id,
                AuthSession.revoked_at.is_(None),
                AuthSession.expires_at > now,
            )
            .order_by(AuthSession.last_used_at.desc())
        )
        return result.scalars().all()

    async def owned(self, session_id: uuid.UUID, user_id: uuid.UUID) -> AuthSession | None:
        """Another member's session is indistinguishable from a missing one."""
        result = await self.session.execute(
            select(AuthSession).where(
                AuthSession.id == session_id,
                AuthSession.user_id == user_id,
                AuthSession.revoked_at.is_(None),
            )
        )
        return result.scalar_one_or_none()

    async def revoke_all(
        self, user_id: uuid.UUID, now: datetime, reason: str, *, keep: uuid.UUID | None = None
    ) -> None:
        statement = (
            update(AuthSession)
            .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )
        if keep is not None:
            statement = statement.where(AuthSession.id != keep)
        await self.session.execute(statement)


class RefreshTokenRepository(Repository[RefreshToken]):
    model = RefreshToken

    async def by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        """Locked, so two concurrent refreshes with one token are decided one at a time."""
        result = await self.session.execute(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
        )
        return result.scalar_one_or_none()


class AuthTokenRepository(Repository[AuthToken]):
    model = AuthToken

    async def by_hash_for_update(self, token_hash: str) -> AuthToken | None:
        result = await self.session.execute(
            select(AuthToken).where(AuthToken.token_hash == token_hash).with_for_update()
        )
        return result.scalar_one_or_none()

    async def retire_unused(self, user_id: uuid.UUID, purpose: TokenPurpose, now: datetime) -> None:
        """A new link makes the older ones of the same purpose useless."""
        await self.session.execute(
            update(AuthToken)
            .where(
                AuthToken.user_id == user_id,
                AuthToken.purpose == purpose,
                AuthToken.used_at.is_(None),
            )
            .values(used_at=now)
        )
