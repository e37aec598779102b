"""Delivering outbox messages over SMTP, one locked row at a time."""

import uuid
from datetime import UTC, datetime, timedelta

import aiosmtplib
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.mail.transport import (
    KeptSmtpConnection,
    SmtpConfig,
    build_message,
    send_message,
)
from reloop.mail.repository import EmailOutboxRepository
from reloop.models.mail import EmailStatus

logger = structlog.get_logger(__name__)

MAX_ATTEMPTS = 12
BASE_BACKOFF_S = 30
MAX_BACKOFF_S = 3600


def backoff_s(attempts: int) -> int:
    """Seconds before retry number `attempts + 1`: exponential, capped."""
    return int(min(BASE_BACKOFF_S * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S))


async def deliver_email(
    session: AsyncSession,
    settings: Settings,
    email_id: uuid.UUID,
    connection: KeptSmtpConnection | None = None,
) -> bool:
    """Try to deliver one pending email; `True` when it left the outbox.

    Over `connection` when given (a worker keeps one), else over a connection of its own.

    Idempotent: a message already sent, captured, failed or being sent by another worker is
    left alone. A failed attempt is recorded with its error and a later due time.
    """
    email = await EmailOutboxRepository(session).lock_pending(email_id)
    if email is None:
        return False
    now = datetime.now(UTC)
    if not settings.smtp_url:
        if settings.is_production:
            raise RuntimeError("RELOOP_SMTP_URL is required in production")
        email.status = EmailStatus.captured
        email.sent_at = now
        await session.flush()
        logger.info("mail.captured", email_id=str(email.id), template=email.template)
        return True
    message = build_message(
        sender=settings.mail_from,
        to=email.to_address,
        subject=email.subject,
        text=email.text_body,
        html=email.html_body,
        message_id_domain="reloop.local",
    )
    email.attempts += 1
    try:
        if connection is not None:
            await connection.send(message)
        else:
            await send_message(SmtpConfig.from_url(settings.smtp_url), message)
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        email.last_error = f"{type(exc).__name__}: {exc}"[:500]
        if email.attempts >= MAX_ATTEMPTS:
            email.status = EmailStatus.failed
            logger.error("mail.gave_up", email_id=str(email.id), attempts=email.attempts)
        else:
            email.next_attempt_at = now + timedelta(seconds=backoff_s(email.attempts))
            logger.warning("mail.delivery_failed", email_id=str(email.id), attempts=email.attempts)
        await session.flush()
        return False
    email.status = EmailStatus.sent
    email.sent_at = now
    email.last_error = None
    await session.flush()
    logger.info("mail.sent", email_id=str(email.id), template=email.template)
    return True


async def due_email_ids(session: AsyncSession, limit: int = 200) -> list[uuid.UUID]:
    return list(await EmailOutboxRepository(session).due_ids(datetime.now(UTC), limit))
