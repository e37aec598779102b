"""The transactional outbox of domain events (DESIGN.md §5.8).

An event is appended in the same transaction as the change it describes, so it exists
exactly when the change does; a dispatcher fans events out later.
"""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity


class Event(Entity):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_undispatched", "id", postgresql_where="dispatched_at IS NULL"),
        Index("ix_events_aggregate", "aggregate_id", "id"),
    )

    type: Mapped[str] = mapped_column(String(60))
    aggregate_id: Mapped[uuid.UUID]
    actor_id: Mapped[uuid.UUID | None]
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    created_at: Mapped[datetime]
    dispatched_at: Mapped[datetime | None]
