"""Queries on the email outbox."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select

from reloop.kit.repository import Repository
from reloop.models.mail import EmailStatus, OutboundEmail


class EmailOutboxRepository(Repository[OutboundEmail]):
    model = OutboundEmail

    async def due_ids(self, now: datetime, limit: int) -> Sequence[uuid.UUID]:
        """Pending messages whose next attempt is due, oldest first."""
        result = await self.session.execute(
            select(OutboundEmail.id)
            .where(OutboundEmail.status == EmailStatus.pending)
            .where(OutboundEmail.next_attempt_at <= now)
            .order_by(OutboundEmail.next_attempt_at)
            .limit(limit)
        )
        return result.scalars().all()

    async def lock_pending(self, id_: uuid.UUID) -> OutboundEmail | None:
        """The message locked for delivery, or `None` if another worker holds it or it is done.

        `SKIP LOCKED` lets a duplicate delivery job (a redelivery, the sweeper racing the
        original job) step aside instead of sending the same email twice.
        """
        result = await self.session.execute(
            select(OutboundEmail)
            .where(OutboundEmail.id == id_, OutboundEmail.status == EmailStatus.pending)
            .with_for_update(skip_locked=True)
        )
        return result.scalar_one_or_none()

    async def latest(self, limit: int, to_address: str | None = None) -> Sequence[OutboundEmail]:
        """Newest first; the development mailbox is small, so a plain limit suffices."""
        query = select(OutboundEmail).order_by(OutboundEmail.id.desc()).limit(limit)
        if to_address is not None:
            query = query.where(func.lower(OutboundEmail.to_address) == to_address.lower())
        result = await self.session.execute(query)
        return result.scalars().all()
