"""Orders: what a checkout bought from each seller, and what happened to it since.

A checkout is one buyer's purchase across sellers; it makes one order per seller and one
payment for all of them. Orders are a state machine (`reloop.orders.state`); each move is
an `order_events` row, which is the order's timeline.
"""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Enum, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Base, Entity, TimestampMixin


class OrderStatus(StrEnum):
    pending_payment = "pending_payment"
    paid = "paid"
    shipped = "shipped"
    delivered = "delivered"
    completed = "completed"
    cancelled = "cancelled"
    expired = "expired"
    refunded = "refunded"
    disputed = "disputed"


class OrderActor(StrEnum):
    buyer = "buyer"
    seller = "seller"
    system = "system"
    moderator = "moderator"


def _money() -> Mapped[int]:
    return mapped_column(BigInteger)


class Checkout(Entity):
    __tablename__ = "checkouts"
    __table_args__ = (Index("ix_checkouts_buyer_created", "buyer_id", "created_at"),)

    buyer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(String(3))
    items_total: Mapped[int] = _money()
    shipping_total: Mapped[int] = _money()
    fee_total: Mapped[int] = _money()
    total: Mapped[int] = _money()
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JSONB)
    reserved_until: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Order(TimestampMixin, Entity):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending_payment', 'paid', 'shipped', 'delivered', 'completed', "
            "'cancelled', 'expired', 'refunded', 'disputed')",
            name="status_known",
        ),
        CheckConstraint(
            "total_amount = items_amount + shipping_amount + fee_amount", name="total_adds_up"
        ),
        CheckConstraint("buyer_id <> seller_id", name="not_own"),
        Index("ix_orders_buyer_created", "buyer_id", "created_at", "id"),
        Index("ix_orders_seller_created", "seller_id", "created_at", "id"),
        Index("ix_orders_checkout", "checkout_id"),
        # The timed transitions of beat each walk one small partial index.
        Index(
            "ix_orders_unpaid_deadline",
            "reserved_until",
            postgresql_where="status = 'pending_payment'",
        ),
        Index("ix_orders_paid_at", "paid_at", postgresql_where="status = 'paid'"),
        Index("ix_orders_delivered_at", "delivered_at", postgresql_where="status = 'delivered'"),
    )

    checkout_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checkouts.id", ondelete="CASCADE"))
    buyer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    seller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[OrderStatus] = mapped_column(
        Enum(OrderStatus, name="order_status", native_enum=False, length=20),
        default=OrderStatus.pending_payment,
    )
    currency: Mapped[str] = mapped_column(String(3))
    items_amount: Mapped[int] = _money()
    shipping_amount: Mapped[int] = _money()
    fee_amount: Mapped[int] = _money()
    total_amount: Mapped[int] = _money()
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JSONB)
    carrier: Mapped[str | None] = mapped_column(String(60))
    tracking_number: Mapped[str | None] = mapped_column(String(80))
    reserved_until: Mapped[datetime]
    paid_at: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    dispute_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)


class OrderItem(Base):
    __tablename__ = "order_items"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        Index("ix_order_items_item", "item_id"),
    )

    order_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True
    )
    quantity: Mapped[int]
    unit_price_amount: Mapped[int] = _money()
    # Snapshots: what was bought stays readable when the listing changes or goes.
    title: Mapped[str] = mapped_column(String(80))
    cover_image_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("images.id", ondelete="SET NULL")
    )


class OrderEvent(Entity):
    __tablename__ = "order_events"
    __table_args__ = (Index("ix_order_events_order_created", "order_id", "created_at"),)

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(30))
    actor: Mapped[OrderActor] = mapped_column(
        Enum(OrderActor, name="order_actor", native_enum=False, length=16)
    )
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
