"""A small double-entry ledger: every cent a payment moves is in two accounts at once.

Each ledger transaction is several rows sharing `transaction_id` whose amounts sum to
zero per currency; a balance is the sum of an account's rows. Rows are only appended.
"""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity


class LedgerEntry(Entity):
    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ix_ledger_entries_account_created", "account", "created_at", "id"),
        Index("ix_ledger_entries_transaction", "transaction_id"),
        Index("ix_ledger_entries_order", "order_id"),
    )

    transaction_id: Mapped[uuid.UUID]
    account: Mapped[str] = mapped_column(String(80))
    amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
