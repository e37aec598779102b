"""The SQL of stock: locking item rows, holding, releasing and consuming units.

Every path that changes `items.reserved` or `sold_quantity` locks (or conditionally
updates) the item rows in item-id order before it touches their reservations, so two
checkouts, a cancel and beat's sweep always queue in the same order and never deadlock.

The statements name the tables, not the mapped classes: they load no entities, and an
ORM-enabled `UPDATE` costs its caller a pass over the session's identity map (to
synchronise loaded objects) on every call, which checkout pays on each order. Those that
checkout runs are built once, with bound parameters (ids as one array), so SQLAlchemy
finds them compiled instead of building and keying a new statement per call.
"""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    BindParameter,
    Case,
    DateTime,
    Integer,
    Table,
    Uuid,
    any_,
    bindparam,
    case,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.driver_statement import DriverStatement
from reloop.models.base import Base, insert_entities
from reloop.models.inventory import Reservation, ReservationState
from reloop.models.item import Item, ItemStatus

_items: Table = Item.__table__  # type: ignore[assignment]
_holds: Table = Reservation.__table__  # type: ignore[assignment]


class StockRow(NamedTuple):
    id: uuid.UUID
    status: ItemStatus
    quantity: int
    reserved: int
    sold_quantity: int
    reserved_until: datetime | None
    price_amount: int
    version: int


_STOCK_COLUMNS = tuple(_items.c[name] for name in StockRow._fields)


def _latest_hold() -> object:
    """The latest expiry among an item's held reservations (null when none is held)."""
    return (
        select(func.max(_holds.c.expires_at))
        .where(_holds.c.item_id == _items.c.id, _holds.c.state == ReservationState.held)
        .scalar_subquery()
    )


def _extended(until: datetime | BindParameter[datetime]) -> Case[datetime]:
    """The new latest hold: `until`, or a later hold that has not lapsed yet.

    If the old `reserved_until` has passed, every earlier hold lapsed (and was just
    released), so `until` is the latest; otherwise the later of the two.
    """
    return case(
        (_items.c.reserved_until > func.now(), func.greatest(_items.c.reserved_until, until)),
        else_=until,
    )


def _units(rows: Iterable[Any]) -> dict[uuid.UUID, int]:
    units: dict[uuid.UUID, int] = {}
    for item_id, quantity in rows:
        units[item_id] = units.get(item_id, 0) + quantity
    return units


_LOCK = DriverStatement(
    select(*_STOCK_COLUMNS)
    .where(_items.c.id == any_(bindparam("ids", type_=ARRAY(Uuid))))
    .order_by(_items.c.id)
    .with_for_update(key_share=True)  # FOR NO KEY UPDATE
)
_HOLD = DriverStatement(
    update(_items)
    .where(_items.c.id == bindparam("the_item"))
    .values(
        reserved=_items.c.reserved + bindparam("added", type_=Integer),
        reserved_until=_extended(bindparam("until", type_=DateTime(timezone=True))),
        version=_items.c.version + 1,
    )
)
# An order's reservations with their items locked, in item-id order, in one statement:
# `FOR NO KEY UPDATE OF items` locks the rows as they leave the sort.
_LOCK_OF_ORDER = DriverStatement(
    select(_holds.c.item_id, _holds.c.state)
    .join(_items, _items.c.id == _holds.c.item_id)
    .where(_holds.c.order_id == bindparam("order_id", type_=Uuid))
    .order_by(_items.c.id)
    .with_for_update(of=_items, key_share=True)
)
_CLOSE_ORDER = DriverStatement(
    update(_holds)
    .where(_holds.c.state == ReservationState.held, _holds.c.order_id == bindparam("of_order"))
    .values(state=bindparam("new_state"), closed_at=bindparam("now"))
    .returning(_holds.c.item_id, _holds.c.quantity)
)
_UNHOLDING = (
    update(_items)
    .where(_items.c.id == bindparam("the_item"))
    .values(
        reserved=_items.c.reserved - bindparam("count", type_=Integer),
        reserved_until=_latest_hold(),
        version=_items.c.version + 1,
    )
    .returning(_items.c.status)
)
_UNHOLD = DriverStatement(_UNHOLDING)
_SELL = DriverStatement(
    _UNHOLDING.values(
        sold_quantity=_items.c.sold_quantity + bindparam("count", type_=Integer),
        status=case(
            (
                _items.c.sold_quantity + bindparam("count", type_=Integer) >= _items.c.quantity,
                ItemStatus.sold,
            ),
            else_=_items.c.status,
        ),
    )
)


class StockRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock(self, item_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, StockRow]:
        """Lock the rows in id order, in one statement.

        `FOR NO KEY UPDATE`, not `FOR UPDATE`: the order items a checkout inserted just
        before hold `KEY SHARE` locks on the same rows (their foreign key), which
        `FOR UPDATE` would wait on — two checkouts of the same two items would deadlock.
        """
        rows = await _LOCK.rows(self.session, {"ids": sorted(set(item_ids))})
        return {row[0]: StockRow(*row) for row in rows}

    async def read(self, item_id: uuid.UUID) -> StockRow | None:
        row = (
            await self.session.execute(select(*_STOCK_COLUMNS).where(_items.c.id == item_id))
        ).first()
        return StockRow(*row) if row else None

    async def release_lapsed_of(
        self, item_ids: Sequence[uuid.UUID], now: datetime
    ) -> dict[uuid.UUID, int]:
        """Release the lapsed holds of these items; the units freed per item.

        `SKIP LOCKED`: a hold another transaction is releasing right now is its to count.
        """
        lapsed = (
            select(_holds.c.id)
            .where(
                _holds.c.item_id.in_(item_ids),
                _holds.c.state == ReservationState.held,
                _holds.c.expires_at <= now,
            )
            .with_for_update(skip_locked=True)
        )
        result = await self.session.execute(
            update(_holds)
            .where(_holds.c.id.in_(lapsed.scalar_subquery()))
            .values(state=ReservationState.released, closed_at=now)
            .returning(_holds.c.item_id, _holds.c.quantity)
        )
        freed: dict[uuid.UUID, int] = {}
        for item_id, quantity in result:
            freed[item_id] = freed.get(item_id, 0) + quantity
        return freed

    async def hold(self, item_id: uuid.UUID, units: int, freed: int, until: datetime) -> None:
        """Add `units` held (less `freed` lapsed units) to a row this transaction locked."""
        await _HOLD.rows(
            self.session, {"the_item": item_id, "added": units - freed, "until": until}
        )

    async def hold_if_version(self, row: StockRow, units: int, freed: int, until: datetime) -> bool:
        """The optimistic hold: applies only if nobody changed the row since `row` was read."""
        result = await self.session.execute(
            update(_items)
            .where(_items.c.id == row.id, _items.c.version == row.version)
            .values(
                reserved=_items.c.reserved - freed + units,
                reserved_until=_extended(until),
                version=_items.c.version + 1,
            )
            .returning(_items.c.id)
        )
        return result.first() is not None

    async def add_holds(
        self,
        holds: Sequence[tuple[uuid.UUID, uuid.UUID, int]],
        *,
        buyer_id: uuid.UUID,
        expires_at: datetime,
        along: Sequence[Sequence[Base]] = (),
    ) -> None:
        """Insert a held reservation per (item, order, quantity), and the rows `along`, in
        one statement."""
        await insert_entities(
            self.session,
            [
                Reservation(
                    item_id=item_id,
                    order_id=order_id,
                    buyer_id=buyer_id,
                    quantity=quantity,
                    expires_at=expires_at,
                    state=ReservationState.held,
                )
                for item_id, order_id, quantity in holds
            ],
            *along,
        )

    async def lock_of_order(self, order_id: uuid.UUID) -> list[tuple[uuid.UUID, ReservationState]]:
        """The order's reservations (item, state), their items locked as `lock` locks them.

        The states are read as the statement started: a hold released while it waited
        for a lock shows up when `close_held` finds fewer held than it was told.
        """
        rows = await _LOCK_OF_ORDER.rows(self.session, {"order_id": order_id})
        return [(row[0], row[1]) for row in rows]

    async def close_held(
        self,
        *,
        state: ReservationState,
        now: datetime,
        order_id: uuid.UUID | None = None,
        item_ids: Sequence[uuid.UUID] | None = None,
        lapsed_by: datetime | None = None,
    ) -> dict[uuid.UUID, int]:
        """Move held reservations (of an order, or lapsed ones of items) to `state`."""
        if order_id is not None and item_ids is None and lapsed_by is None:
            rows = await _CLOSE_ORDER.rows(
                self.session, {"of_order": order_id, "new_state": state, "now": now}
            )
            return _units(rows)
        statement = update(_holds).where(_holds.c.state == ReservationState.held)
        if order_id is not None:
            statement = statement.where(_holds.c.order_id == order_id)
        if item_ids is not None:
            statement = statement.where(_holds.c.item_id.in_(item_ids))
        if lapsed_by is not None:
            statement = statement.where(_holds.c.expires_at <= lapsed_by)
        result = await self.session.execute(
            statement.values(state=state, closed_at=now).returning(
                _holds.c.item_id, _holds.c.quantity
            )
        )
        return _units(result)

    async def unhold(self, units: Mapping[uuid.UUID, int], *, sold: bool) -> list[uuid.UUID]:
        """Take units off `reserved` (and onto `sold_quantity` when `sold`); rows locked.

        Returns the items that this sold out.
        """
        sold_out = []
        for item_id in sorted(units):
            [(status,)] = await (_SELL if sold else _UNHOLD).rows(
                self.session, {"the_item": item_id, "count": units[item_id]}
            )
            if sold and status == ItemStatus.sold:
                sold_out.append(item_id)
        return sold_out

    async def lapsed_items(self, now: datetime, limit: int) -> list[uuid.UUID]:
        """Items with a lapsed hold, oldest lapse first (beat's sweep, in batches)."""
        lapsed = (
            select(_holds.c.item_id, func.min(_holds.c.expires_at).label("first"))
            .where(_holds.c.state == ReservationState.held, _holds.c.expires_at <= now)
            .group_by(_holds.c.item_id)
            .order_by("first")
            .limit(limit)
        )
        return [row[0] for row in await self.session.execute(lapsed)]
