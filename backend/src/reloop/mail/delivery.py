"""Delivering outbox messages over SMTP: claimed by lease, sent, each outcome recorded.

No transaction stays open while SMTP answers: a batch of due messages is claimed in one
statement that counts the attempt and leases them (`next_attempt_at` moves past the time
the batch can take), then each is sent and its outcome written in a statement of its own.
A worker that dies mid-batch leaves its unsent messages to come due again when the lease
ends; the one it may have handed over just before dying is the only one sent twice, as
with any delivery that records what it did after doing it.
"""

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiosmtplib
import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.mail.transport import (
    KeptSmtpConnection,
    SmtpConfig,
    build_message,
    send_message,
)
from reloop.mail.repository import ClaimedEmail, EmailOutboxRepository, mark_failed, mark_sent
from reloop.models.mail import EmailStatus

logger = structlog.get_logger(__name__)

MAX_ATTEMPTS = 12
BASE_BACKOFF_S = 30
MAX_BACKOFF_S = 3600
CLAIM_BATCH = 20
LEASE = timedelta(minutes=5)
# The longest one message can take: connecting and each SMTP command may each wait the
# client's timeout (10 s). A message is sent only while this much of its lease is left,
# so no other worker can claim it again while it is still being handed over.
SEND_BOUND = timedelta(minutes=1)


def backoff_s(attempts: int) -> int:
    """Seconds before retry number `attempts + 1`: exponential, capped."""
    return int(min(BASE_BACKOFF_S * 2 ** max(attempts - 1, 0), MAX_BACKOFF_S))


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one claim did: how many messages it took, and how many left the outbox."""

    claimed: int
    sent: int


async def _attempt(
    settings: Settings, email: ClaimedEmail, connection: KeptSmtpConnection | None
) -> None:
    message = build_message(
        sender=settings.mail_from,
        to=email.to_address,
        subject=email.subject,
        text=email.text_body,
        html=email.html_body,
        message_id_domain="reloop.local",
    )
    if connection is not None:
        await connection.send(message)
    else:
        assert settings.smtp_url is not None
        await send_message(SmtpConfig.from_url(settings.smtp_url), message)


async def _record_failure(outcomes: AsyncConnection, email: ClaimedEmail, error: Exception) -> None:
    now = datetime.now(UTC)
    gave_up = email.attempts >= MAX_ATTEMPTS
    retry_at = None if gave_up else now + timedelta(seconds=backoff_s(email.attempts))
    await mark_failed(outcomes, email.id, f"{type(error).__name__}: {error}", retry_at)
    if gave_up:
        logger.error("mail.gave_up", email_id=str(email.id), attempts=email.attempts)
    else:
        logger.warning("mail.delivery_failed", email_id=str(email.id), attempts=email.attempts)


async def deliver_due(
    database: Database,
    settings: Settings,
    connection: KeptSmtpConnection | None = None,
    limit: int = CLAIM_BATCH,
    *,
    lease: timedelta = LEASE,
) -> Delivery:
    """Claim up to `limit` due messages for `lease` and try each once.

    Over `connection` when given (a worker keeps one), else over a connection per message.
    With no SMTP configured outside production, messages are marked `captured` instead.
    A failed attempt records its error and a later due time (exponential backoff), or
    `failed` after `MAX_ATTEMPTS`. Messages left when less than `SEND_BOUND` of the lease
    remains (a slow SMTP server) are not tried: they come due again when it ends.
    """
    if not settings.smtp_url and settings.is_production:
        raise RuntimeError("RELOOP_SMTP_URL is required in production")
    send_until = time.monotonic() + (lease - SEND_BOUND).total_seconds()
    async with database.transaction() as session:
        claimed = await EmailOutboxRepository(session).claim_due(datetime.now(UTC), limit, lease)
    if not claimed:
        return Delivery(claimed=0, sent=0)
    status = EmailStatus.sent if settings.smtp_url else EmailStatus.captured
    sent = 0
    # Each outcome is one statement in autocommit: one round trip, not a transaction's
    # three, and nothing held open while the next message is handed over.
    async with database.engine.connect() as outcomes:
        await outcomes.execution_options(isolation_level="AUTOCOMMIT")
        for index, email in enumerate(claimed):
            if time.monotonic() >= send_until:
                logger.warning("mail.lease_running_out", left=len(claimed) - index)
                break
            if settings.smtp_url:
                try:
                    await _attempt(settings, email, connection)
                except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
                    await _record_failure(outcomes, email, exc)
                    continue
            await mark_sent(outcomes, email.id, status, datetime.now(UTC))
            sent += 1
            logger.info(f"mail.{status.value}", email_id=str(email.id), template=email.template)
    return Delivery(claimed=len(claimed), sent=sent)
