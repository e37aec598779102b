"""Stock held by checkouts: a reservation per (order, item) until it is paid or lapses.

`items.reserved` is the sum of the `held` quantities and `CHECK (reserved <= quantity)` on
items is the backstop: whatever a code path gets wrong, the database refuses an oversell.
"""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, func
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity


class ReservationState(StrEnum):
    held = "held"
    consumed = "consumed"
    released = "released"


class Reservation(Entity):
    __tablename__ = "reservations"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        Index("ix_reservations_order", "order_id"),
        Index("ix_reservations_item_held", "item_id", postgresql_where="state = 'held'"),
        Index("ix_reservations_held_expiry", "expires_at", postgresql_where="state = 'held'"),
    )

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    buyer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    quantity: Mapped[int]
    expires_at: Mapped[datetime]
    state: Mapped[ReservationState] = mapped_column(
        Enum(ReservationState, name="reservation_state", native_enum=False, length=16),
        default=ReservationState.held,
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    closed_at: Mapped[datetime | None]
