"""Queries on the email outbox."""

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import Table, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from reloop.kit.repository import Repository
from reloop.models.mail import EmailStatus, OutboundEmail


class ClaimedEmail(NamedTuple):
    """A message claimed for one delivery attempt (its `attempts` already counts it)."""

    id: uuid.UUID
    to_address: str
    subject: str
    template: str
    text_body: str
    html_body: str
    attempts: int


class EmailOutboxRepository(Repository[OutboundEmail]):
    model = OutboundEmail

    async def claim_due(self, now: datetime, limit: int, lease: timedelta) -> list[ClaimedEmail]:
        """Up to `limit` due messages, oldest first, each leased for one attempt.

        The attempt is counted and the next one put off by `lease` in one statement, so
        once this commits no other worker or sweep takes these messages until the lease
        ends, and no row stays locked while SMTP answers. `SKIP LOCKED` lets two claims
        at the same moment take different messages.
        """
        due = (
            select(OutboundEmail.id)
            .where(
                OutboundEmail.status == EmailStatus.pending, OutboundEmail.next_attempt_at <= now
            )
            .order_by(OutboundEmail.next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        result = await self.session.execute(
            update(OutboundEmail)
            .where(OutboundEmail.id.in_(due.scalar_subquery()))
            .values(attempts=OutboundEmail.attempts + 1, next_attempt_at=now + lease)
            .returning(*(OutboundEmail.__table__.c[name] for name in ClaimedEmail._fields))
            .execution_options(synchronize_session=False)
        )
        return sorted((ClaimedEmail(*row) for row in result), key=lambda e: e.id)

    async def latest(self, limit: int, to_address: str | None = None) -> Sequence[OutboundEmail]:
        """Newest first; the development mailbox is small, so a plain limit suffices."""
        query = select(OutboundEmail).order_by(OutboundEmail.id.desc()).limit(limit)
        if to_address is not None:
            query = query.where(func.lower(OutboundEmail.to_address) == to_address.lower())
        result = await self.session.execute(query)
        return result.scalars().all()


# A message's outcome is one statement, written on a connection in autocommit: a batch
# holds no transaction (and no lock) between the SMTP conversations of its messages.
_outbox: Table = OutboundEmail.__table__  # type: ignore[assignment]


async def mark_sent(
    connection: AsyncConnection, id_: uuid.UUID, status: EmailStatus, now: datetime
) -> None:
    """The message left the outbox: accepted by SMTP (`sent`) or kept (`captured`)."""
    await connection.execute(
        update(_outbox)
        .where(_outbox.c.id == id_, _outbox.c.status == EmailStatus.pending)
        .values(status=status, sent_at=now, last_error=None)
    )


async def mark_failed(
    connection: AsyncConnection, id_: uuid.UUID, error: str, retry_at: datetime | None
) -> None:
    """A failed attempt: tried again at `retry_at`, or given up on (`None`)."""
    values: dict[str, object] = {"last_error": error[:500]}
    if retry_at is None:
        values["status"] = EmailStatus.failed
    else:
        values["next_attempt_at"] = retry_at
    await connection.execute(
        update(_outbox)
        .where(_outbox.c.id == id_, _outbox.c.status == EmailStatus.pending)
        .values(**values)
    )
