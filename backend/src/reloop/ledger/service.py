"""Postings to the ledger and the balances they make.

Amounts are signed minor units: money the platform holds is positive (`psp:*`), what it
owes is negative (`seller:*`, `platform:fees`, `buyer:*`), so every posting sums to zero.
`post` refuses an unbalanced one at once; the deferred trigger on `ledger_entries` is the
backstop at commit for any code path that bypasses it.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.ids import new_id
from reloop.models.ledger import LedgerEntry


class UnbalancedPosting(ValueError):
    """The legs of a posting do not sum to zero."""


def psp(provider: str) -> str:
    return f"psp:{provider}"


def seller_pending(seller_id: uuid.UUID) -> str:
    return f"seller:{seller_id}:pending"


def seller_available(seller_id: uuid.UUID) -> str:
    return f"seller:{seller_id}:available"


PLATFORM_FEES = "platform:fees"


def entries(
    kind: str,
    order_id: uuid.UUID | None,
    currency: str,
    legs: Sequence[tuple[str, int]],
    *,
    at: datetime | None = None,
) -> list[LedgerEntry]:
    """The rows of one balanced transaction (zero legs are left out), not yet written."""
    if sum(amount for _, amount in legs) != 0:
        raise UnbalancedPosting(f"{kind} legs sum to {sum(a for _, a in legs)}")
    transaction_id = new_id()
    rows = []
    for account, amount in legs:
        if amount == 0:
            continue
        entry = LedgerEntry(
            id=new_id(),
            transaction_id=transaction_id,
            account=account,
            amount=amount,
            currency=currency,
            order_id=order_id,
            kind=kind,
        )
        if at is not None:
            entry.created_at = at
        rows.append(entry)
    return rows


def post(
    session: AsyncSession,
    kind: str,
    order_id: uuid.UUID | None,
    currency: str,
    legs: Sequence[tuple[str, int]],
    *,
    at: datetime | None = None,
) -> None:
    """Append one balanced transaction (zero legs are left out) to `session`."""
    session.add_all(entries(kind, order_id, currency, legs, at=at))


async def balances(session: AsyncSession, accounts: Sequence[str]) -> dict[tuple[str, str], int]:
    """The sum of each (account, currency) among `accounts` that has entries."""
    rows = await session.execute(
        select(LedgerEntry.account, LedgerEntry.currency, func.sum(LedgerEntry.amount))
        .where(LedgerEntry.account.in_(accounts))
        .group_by(LedgerEntry.account, LedgerEntry.currency)
    )
    return {(account, currency): int(total) for account, currency, total in rows}
