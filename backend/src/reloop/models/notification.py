"""Notifications: what members are told, how they want to be told, and what was told.

`notification_receipts` records each (event, recipient) pair the dispatcher has handled,
in the same transaction as the notification it wrote: replaying an event (a crashed batch,
a redelivered task) finds the receipt and writes nothing, so each is shown exactly once.
"""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Base, Entity


class NotificationType(StrEnum):
    follow = "follow"
    like = "like"
    comment = "comment"
    reply = "reply"
    mention = "mention"
    price_drop = "price_drop"
    item_sold = "item_sold"
    saved_search = "saved_search"
    digest = "digest"
    order_placed = "order_placed"
    order_paid = "order_paid"
    order_shipped = "order_shipped"
    order_delivered = "order_delivered"
    order_completed = "order_completed"
    order_cancelled = "order_cancelled"
    order_expired = "order_expired"
    order_refunded = "order_refunded"
    order_disputed = "order_disputed"
    review_received = "review_received"
    low_stock = "low_stock"


class Channel(StrEnum):
    in_app = "in_app"
    email = "email"
    off = "off"


class Notification(Entity):
    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_recipient_updated", "recipient_id", "updated_at", "id"),
        Index(
            "ix_notifications_recipient_unread",
            "recipient_id",
            postgresql_where="read_at IS NULL",
        ),
        # Grouping: while unread, another like of the same item joins the same row.
        Index(
            "uq_notifications_open_group",
            "recipient_id",
            "group_key",
            unique=True,
            postgresql_where="read_at IS NULL AND group_key IS NOT NULL",
        ),
    )

    recipient_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    type: Mapped[NotificationType] = mapped_column(
        Enum(NotificationType, name="notification_type", native_enum=False, length=20)
    )
    group_key: Mapped[str | None] = mapped_column(String(80))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_count: Mapped[int] = mapped_column(default=1)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    comment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE")
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    read_at: Mapped[datetime | None]


class NotificationReceipt(Base):
    __tablename__ = "notification_receipts"

    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    recipient_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class NotificationPreference(Base):
    """A member's choice for one type; types without a row use the default channel."""

    __tablename__ = "notification_preferences"
    __table_args__ = (
        CheckConstraint("channel IN ('in_app', 'email', 'off')", name="channel_known"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    type: Mapped[NotificationType] = mapped_column(
        Enum(NotificationType, name="notification_type", native_enum=False, length=20),
        primary_key=True,
    )
    channel: Mapped[Channel] = mapped_column(
        Enum(Channel, name="notification_channel", native_enum=False, length=10)
    )


class DigestDelivery(Base):
    """One row per member and day a digest went out: the daily job is safe to rerun."""

    __tablename__ = "digest_deliveries"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    item_count: Mapped[int]
