"""A seller's earnings: balances per currency and the ledger lines behind them.

The ledger counts what the platform owes a seller as negative amounts in
`seller:{id}:pending` (paid, not yet completed) and `seller:{id}:available`; here they
are shown from the seller's side, as positive money.
"""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import Field
from sqlalchemy import select, tuple_

from reloop.access.deps import CurrentMember
from reloop.access.errors import NotAuthenticated
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.deps import SessionDep, SettingsDep
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.money import Money
from reloop.kit.schemas import MAX_PAGE_SIZE, Schema, UtcDatetime, keyset_page
from reloop.ledger import service as ledger
from reloop.models.ledger import LedgerEntry

router = APIRouter(tags=["orders"])


class Balance(Schema):
    currency: str
    pending: Money = Field(description="Paid orders not yet completed.")
    available: Money = Field(description="Completed orders: the seller's to pay out.")


class LedgerLine(Schema):
    id: uuid.UUID
    order_id: uuid.UUID | None
    kind: str = Field(description="`capture`, `completion` or `refund`.")
    bucket: Literal["pending", "available"]
    amount: int = Field(description="Signed minor units: positive adds to the seller's bucket.")
    currency: str
    created_at: UtcDatetime


class LedgerLinePage(Schema):
    items: list[LedgerLine]
    next_cursor: str | None = None


class Earnings(Schema):
    balances: list[Balance]
    entries: LedgerLinePage


@router.get(
    "/me/earnings",
    response_model=Earnings,
    summary="Your balances as a seller and the ledger lines behind them",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def my_earnings(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 24,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Earnings:
    seller = principal.user.id
    pending, available = ledger.seller_pending(seller), ledger.seller_available(seller)
    codec = CursorCodec(settings.secret_key.get_secret_value(), f"earnings:{seller}")
    after = decode_time_keyset(codec, cursor)
    totals = await ledger.balances(session, [pending, available])
    currencies = sorted({currency for _, currency in totals})
    balances = [
        Balance(
            currency=currency,
            pending=Money(amount=-totals.get((pending, currency), 0), currency=currency),
            available=Money(amount=-totals.get((available, currency), 0), currency=currency),
        )
        for currency in currencies
    ]
    statement = select(LedgerEntry).where(LedgerEntry.account.in_([pending, available]))
    if after is not None:
        statement = statement.where(tuple_(LedgerEntry.created_at, LedgerEntry.id) < tuple_(*after))
    rows = list(
        await session.scalars(
            statement.order_by(LedgerEntry.created_at.desc(), LedgerEntry.id.desc()).limit(
                limit + 1
            )
        )
    )
    page = keyset_page(
        rows,
        limit=limit,
        codec=codec,
        key=lambda e: (e.created_at, e.id),
        item=lambda e: LedgerLine(
            id=e.id,
            order_id=e.order_id,
            kind=e.kind,
            bucket="pending" if e.account == pending else "available",
            amount=-e.amount,
            currency=e.currency,
            created_at=e.created_at,
        ),
    )
    return Earnings(
        balances=balances, entries=LedgerLinePage(items=page.items, next_cursor=page.next_cursor)
    )
