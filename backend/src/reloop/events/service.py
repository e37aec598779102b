"""Appending domain events to the outbox, in the caller's transaction."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.models.event import Event


def append_event(
    session: AsyncSession,
    event_type: str,
    aggregate_id: uuid.UUID,
    *,
    actor_id: uuid.UUID | None = None,
    **payload: Any,
) -> None:
    """Record `event_type` (e.g. `item.published`); it commits or rolls back with the change."""
    session.add(
        Event(
            type=event_type,
            aggregate_id=aggregate_id,
            actor_id=actor_id,
            payload=payload,
            created_at=datetime.now(UTC),
        )
    )
