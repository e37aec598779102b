"""The account emails: links carry single-use tokens; only hashes are stored."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.auth.repository import AuthTokenRepository
from reloop.config import Settings
from reloop.kit.security.tokens import hash_secret_token, new_secret_token
from reloop.mail.service import queue_email
from reloop.models.auth import AuthToken, TokenPurpose
from reloop.models.user import User


async def _new_link_token(
    session: AsyncSession,
    user: User,
    purpose: TokenPurpose,
    ttl_s: int,
    new_email: str | None = None,
) -> str:
    now = datetime.now(UTC)
    repository = AuthTokenRepository(session)
    await repository.retire_unused(user.id, purpose, now)
    token = new_secret_token()
    await repository.add(
        AuthToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=hash_secret_token(token),
            new_email=new_email,
            created_at=now,
            expires_at=now + timedelta(seconds=ttl_s),
        )
    )
    return token


async def send_verification(
    session: AsyncSession, settings: Settings, app_url: str, user: User
) -> None:
    token = await _new_link_token(
        session, user, TokenPurpose.verify_email, settings.verify_email_ttl_s
    )
    await queue_email(
        session,
        to=user.email,
        template="verify_email",
        context={
            "name": user.display_name,
            "url": f"{app_url}/verify-email?token={token}",
            "hours": settings.verify_email_ttl_s // 3600,
        },
    )


async def send_email_change_verification(
    session: AsyncSession, settings: Settings, app_url: str, user: User, new_email: str
) -> None:
    token = await _new_link_token(
        session, user, TokenPurpose.change_email, settings.verify_email_ttl_s, new_email
    )
    await queue_email(
        session,
        to=new_email,
        template="confirm_new_email",
        context={
            "name": user.display_name,
            "url": f"{app_url}/verify-email?token={token}",
            "hours": settings.verify_email_ttl_s // 3600,
        },
    )
    await queue_email(
        session,
        to=user.email,
        template="email_change_requested",
        context={"name": user.display_name, "new_email": new_email},
    )


async def send_password_reset(
    session: AsyncSession, settings: Settings, app_url: str, user: User
) -> None:
    token = await _new_link_token(
        session, user, TokenPurpose.reset_password, settings.reset_password_ttl_s
    )
    await queue_email(
        session,
        to=user.email,
        template="reset_password",
        context={
            "name": user.display_name,
            "url": f"{app_url}/reset-password?token={token}",
            "minutes": settings.reset_password_ttl_s // 60,
        },
    )


async def send_password_changed(session: AsyncSession, app_url: str, user: User) -> None:
    await queue_email(
        session,
        to=user.email,
        template="password_changed",
        context={"name": user.display_name, "url": f"{app_url}/forgot-password"},
    )
