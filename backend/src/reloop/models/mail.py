"""The email outbox: every message is a row first, written in the sender's transaction."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Enum, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity, TimestampMixin


class EmailStatus(StrEnum):
    pending = "pending"  # waiting for (another) delivery attempt
    sent = "sent"  # accepted by the SMTP server
    captured = "captured"  # development without SMTP: kept for /dev/mail only
    failed = "failed"  # gave up after the last attempt


class OutboundEmail(TimestampMixin, Entity):
    __tablename__ = "email_outbox"
    __table_args__ = (
        Index("ix_email_outbox_due", "next_attempt_at", postgresql_where="status = 'pending'"),
        CheckConstraint("attempts >= 0", name="attempts_non_negative"),
        CheckConstraint("status IN ('pending', 'sent', 'captured', 'failed')", name="status_known"),
    )

    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(80))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    status: Mapped[EmailStatus] = mapped_column(
        Enum(EmailStatus, name="email_status", native_enum=False, length=16),
        default=EmailStatus.pending,
    )
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.now())
    sent_at: Mapped[datetime | None]
