"""Stock: holding units for checkouts, and releasing or consuming the holds.

The guarantee against overselling is PostgreSQL's: either the item rows are locked in
id order (`pessimistic`, the default) or each row is updated only if its `version` is
the one read (`optimistic`, with bounded, jittered retries), and in both modes
`CHECK (reserved + sold_quantity <= quantity)` refuses whatever a code path gets wrong.
The Redis locks of `reloop.inventory.locks` only shed load in front of this.

Holds lapse at `expires_at`. Nothing needs to run for a lapsed hold to stop counting —
readers treat `reserved` as 0 past `items.reserved_until` — and the units are written back
lazily by the next `reserve` of the item and every minute by beat (`release_lapsed`).

Every function that changes stock takes the item-page `cache` (required, so no caller can
forget it): the listings it changed are dropped after the commit, since their availability
and ETag changed. A Redis outage only logs (`Cache.delete`); the stock change stands.
"""

import asyncio
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.events.service import append_event
from reloop.inventory.errors import (
    CheckoutBusy,
    ItemUnavailable,
    PriceChanged,
    QuantityUnavailable,
    ReservationLapsed,
)
from reloop.inventory.repository import StockRepository, StockRow
from reloop.items.keys import item_cache_key
from reloop.kit.cache import Cache
from reloop.kit.jobs import on_commit
from reloop.kit.money import Money
from reloop.models.base import Base
from reloop.models.inventory import ReservationState
from reloop.models.item import ItemStatus

LockingMode = Literal["pessimistic", "optimistic"]
_BUYABLE = (ItemStatus.active, ItemStatus.reserved)
# A lost optimistic race means another checkout took units of the item; an item of
# quantity q can be lost at most q times before it is sold out, so this covers the
# bursts the tests and the bench drive and stays bounded for pathological ones.
OPTIMISTIC_ATTEMPTS = 16
_BACKOFF_BASE_S = 0.002
_BACKOFF_CAP_S = 0.05


@dataclass(frozen=True, slots=True)
class StockRequest:
    """Hold `quantity` units of `item_id` for `order_id`.

    With `unit_price_amount` set, a listing whose price is no longer that refuses the hold
    (`price_changed`): the buyer agreed to a price, checked again under the lock.
    """

    item_id: uuid.UUID
    order_id: uuid.UUID
    quantity: int
    unit_price_amount: int | None = None
    currency: str | None = None


def _forget(session: AsyncSession, cache: Cache, item_ids: Sequence[uuid.UUID]) -> None:
    if not item_ids:
        return
    keys = [item_cache_key(item_id) for item_id in item_ids]
    on_commit(session, lambda: cache.delete(*keys))


def check_available(row: StockRow | None, request: StockRequest, freed: int) -> None:
    """Raise the 409 that explains why `request` cannot be held on `row` (locked or read)."""
    if row is None or row.status not in _BUYABLE:
        reason = row.status.value if row is not None else "deleted"
        raise ItemUnavailable(details={"item_id": str(request.item_id), "reason": reason})
    held = row.reserved - freed
    available = row.quantity - held - row.sold_quantity
    if available <= 0:
        sold_out = row.quantity - row.sold_quantity <= 0
        details: dict[str, object] = {
            "item_id": str(request.item_id),
            "reason": "sold" if sold_out else "reserved",
        }
        if not sold_out and row.reserved_until is not None:
            details["reserved_until"] = row.reserved_until.isoformat().replace("+00:00", "Z")
        raise ItemUnavailable(details=details)
    if request.unit_price_amount is not None and request.unit_price_amount != row.price_amount:
        current = Money(amount=row.price_amount, currency=request.currency or "EUR")
        raise PriceChanged(
            details={"item_id": str(request.item_id), "current_price": current.model_dump()}
        )
    if request.quantity > available:
        raise QuantityUnavailable(details={"item_id": str(request.item_id), "available": available})


async def _backoff(attempt: int) -> None:
    # Full jitter: losers of one race spread out instead of colliding again in step.
    ceiling = min(_BACKOFF_CAP_S, _BACKOFF_BASE_S * 2**attempt)
    await asyncio.sleep(random.uniform(0, ceiling))  # noqa: S311 (not a secret)


async def _hold_optimistically(
    stock: StockRepository, request: StockRequest, freed: int, expires_at: datetime
) -> None:
    for attempt in range(OPTIMISTIC_ATTEMPTS):
        row = await stock.read(request.item_id)
        check_available(row, request, freed)
        assert row is not None
        if await stock.hold_if_version(row, request.quantity, freed, expires_at):
            return
        await _backoff(attempt)
    raise CheckoutBusy()


async def reserve(
    session: AsyncSession,
    requests: Sequence[StockRequest],
    *,
    buyer_id: uuid.UUID,
    expires_at: datetime,
    mode: LockingMode,
    cache: Cache,
    along: Sequence[Sequence[Base]] = (),
) -> None:
    """Hold the units of `requests` (one per item) until `expires_at`, or raise a 409.

    Items are handled in id order in both modes; lapsed holds of these items are released
    first so their units count. Raises `ItemUnavailable`, `PriceChanged`,
    `QuantityUnavailable` or (optimistic, retries exhausted) `CheckoutBusy`. `along`: the
    caller's new rows, written in the statement that writes the reservations (checkout's
    payment and events), one round trip for both.
    """
    ordered = sorted(requests, key=lambda r: r.item_id)
    item_ids = [r.item_id for r in ordered]
    if len(set(item_ids)) != len(item_ids):
        raise ValueError("one request per item")
    now = datetime.now(UTC)
    stock = StockRepository(session)
    if mode == "pessimistic":
        rows = await stock.lock(item_ids)
        # `reserved` is the sum of the held reservations (every path keeps it so, on the
        # locked row): a row with none held has nothing lapsed to release.
        holding = [item_id for item_id, row in rows.items() if row.reserved > 0]
        freed = await stock.release_lapsed_of(holding, now) if holding else {}
        for request in ordered:
            check_available(rows.get(request.item_id), request, freed.get(request.item_id, 0))
        for request in ordered:
            await stock.hold(
                request.item_id, request.quantity, freed.get(request.item_id, 0), expires_at
            )
    else:
        freed = await stock.release_lapsed_of(item_ids, now)
        for request in ordered:
            await _hold_optimistically(stock, request, freed.get(request.item_id, 0), expires_at)
    await stock.add_holds(
        [(r.item_id, r.order_id, r.quantity) for r in ordered],
        buyer_id=buyer_id,
        expires_at=expires_at,
        along=along,
    )
    _forget(session, cache, item_ids)


async def release(session: AsyncSession, order_id: uuid.UUID, *, cache: Cache) -> list[uuid.UUID]:
    """Held → released for the order's reservations, units back on sale (idempotent).

    For a cancel, an expiry, a decline past the window. Returns the items touched.
    """
    stock = StockRepository(session)
    held = [
        item
        for item, state in await stock.lock_of_order(order_id)
        if state == ReservationState.held
    ]
    if not held:
        return []
    units = await stock.close_held(
        state=ReservationState.released, now=datetime.now(UTC), order_id=order_id
    )
    await stock.unhold(units, sold=False)
    _forget(session, cache, list(units))
    return sorted(units)


async def consume(session: AsyncSession, order_id: uuid.UUID, *, cache: Cache) -> list[uuid.UUID]:
    """Held → consumed once the order is paid: `reserved -= q`, `sold_quantity += q`.

    A listing with nothing left becomes `sold` (event `item.sold`); returns those.
    Consuming an order again does nothing. If a hold already lapsed and was released, the
    units may be someone else's now: `ReservationLapsed` (the caller refunds).
    """
    stock = StockRepository(session)
    reservations = await stock.lock_of_order(order_id)
    if any(state == ReservationState.released for _, state in reservations):
        raise ReservationLapsed(details={"order_id": str(order_id)})
    held = [item for item, state in reservations if state == ReservationState.held]
    if not held:
        return []
    units = await stock.close_held(
        state=ReservationState.consumed, now=datetime.now(UTC), order_id=order_id
    )
    if len(units) != len(held):
        # A sweep released one between the read and the lock.
        raise ReservationLapsed(details={"order_id": str(order_id)})
    sold_out = await stock.unhold(units, sold=True)
    for item_id in sold_out:
        append_event(session, "item.sold", item_id, order_id=str(order_id))
    _forget(session, cache, list(units))
    return sold_out


async def release_lapsed(
    session: AsyncSession, now: datetime, *, cache: Cache, batch: int = 500
) -> list[uuid.UUID]:
    """Beat's sweep: release every hold lapsed by `now` (up to `batch` items); their ids."""
    stock = StockRepository(session)
    item_ids = await stock.lapsed_items(now, batch)
    if not item_ids:
        return []
    await stock.lock(item_ids)
    units = await stock.close_held(
        state=ReservationState.released, now=now, item_ids=item_ids, lapsed_by=now
    )
    await stock.unhold(units, sold=False)
    _forget(session, cache, list(units))
    return sorted(units)
