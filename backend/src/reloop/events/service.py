"""Appending domain events to the outbox, in the caller's transaction."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.ids import new_id
from reloop.kit.jobs import enqueue_after_commit
from reloop.models.event import Event
from reloop.workers.app import celery_app

DISPATCH_TASK = "notifications.dispatch"
# One dispatcher job waiting covers every event committed before it runs (`JobGate`).
DISPATCH_PENDING_KEY = "jobs:pending:notifications.dispatch"
_DISPATCH_SCHEDULED = "reloop.dispatch_scheduled"


def new_event(
    session: AsyncSession,
    event_type: str,
    aggregate_id: uuid.UUID,
    *,
    actor_id: uuid.UUID | None = None,
    **payload: Any,
) -> Event:
    """The event row for `event_type`, not yet written, with the dispatcher scheduled.

    For callers that write their rows themselves (`models.base.insert_entities`); the
    event must be written in `session`'s transaction. The first event of a transaction
    schedules the dispatcher for after the commit (by task name: the notifications domain
    sits above this one), unless a dispatcher job is already waiting: that one will read
    this event too.
    """
    if not session.info.get(_DISPATCH_SCHEDULED):
        session.info[_DISPATCH_SCHEDULED] = True
        enqueue_after_commit(
            session, celery_app.signature(DISPATCH_TASK), pending_key=DISPATCH_PENDING_KEY
        )
    return Event(
        id=new_id(),
        type=event_type,
        aggregate_id=aggregate_id,
        actor_id=actor_id,
        payload=payload,
        created_at=datetime.now(UTC),
    )


def append_event(
    session: AsyncSession,
    event_type: str,
    aggregate_id: uuid.UUID,
    *,
    actor_id: uuid.UUID | None = None,
    **payload: Any,
) -> None:
    """Record `event_type` (e.g. `item.published`); it commits or rolls back with the change."""
    session.add(new_event(session, event_type, aggregate_id, actor_id=actor_id, **payload))
