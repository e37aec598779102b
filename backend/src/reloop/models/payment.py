"""Payments: one per checkout, captured through a provider at most once.

Every attempt of one payment sends the provider the same idempotency key, so a retry
after a lost answer finds the first capture instead of making a second one.
`simulated_charges` is the simulated provider's own book: it stands for a provider's
servers, so it is written in its own transactions, never in ours.
"""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Enum, ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity, TimestampMixin


class PaymentStatus(StrEnum):
    pending = "pending"
    processing = "processing"
    succeeded = "succeeded"
    failed = "failed"
    refunded = "refunded"
    partially_refunded = "partially_refunded"


class Payment(TimestampMixin, Entity):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'processing', 'succeeded', 'failed', 'refunded', "
            "'partially_refunded')",
            name="status_known",
        ),
        CheckConstraint("refunded_amount BETWEEN 0 AND amount", name="refund_within_amount"),
        Index("ix_payments_checkout", "checkout_id"),
        Index("ix_payments_provider_ref", "provider", "provider_ref", unique=True),
        Index("ix_payments_processing", "updated_at", postgresql_where="status = 'processing'"),
    )

    checkout_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checkouts.id", ondelete="CASCADE"))
    buyer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(20))
    provider_ref: Mapped[str | None] = mapped_column(String(255))
    # A provider's token for the card (never a card number): `sim_4242`, a Stripe `pm_…`.
    payment_method_ref: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[PaymentStatus] = mapped_column(
        Enum(PaymentStatus, name="payment_status", native_enum=False, length=20),
        default=PaymentStatus.pending,
    )
    amount: Mapped[int] = mapped_column(BigInteger)
    refunded_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3))
    attempts: Mapped[int] = mapped_column(default=0)
    failure_code: Mapped[str | None] = mapped_column(String(60))
    failure_message: Mapped[str | None] = mapped_column(String(255))


class SimulatedCharge(Entity):
    __tablename__ = "simulated_charges"

    idempotency_key: Mapped[str] = mapped_column(String(255), unique=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    refunded_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3))
    payment_method_ref: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
