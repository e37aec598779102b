"""Holding, releasing and consuming stock, in both locking modes."""

from datetime import UTC, datetime, timedelta
from typing import Literal, cast

import pytest
from sqlalchemy import select, update

from reloop.inventory import service as inventory
from reloop.inventory.errors import (
    ItemUnavailable,
    PriceChanged,
    QuantityUnavailable,
    ReservationLapsed,
)
from reloop.inventory.service import StockRequest
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.event import Event
from reloop.models.inventory import Reservation, ReservationState
from reloop.models.item import Item, ItemStatus
from tests.factories.commerce import make_listing, stock_of
from tests.inventory.conftest import Parties

Mode = Literal["pessimistic", "optimistic"]


def _soon(minutes: int = 15) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


async def _reserve(
    database: Database,
    parties: Parties,
    mode: str,
    cache: Cache,
    *requests: StockRequest,
    minutes: int = 15,
) -> None:
    async with database.transaction() as session:
        await inventory.reserve(
            session,
            list(requests),
            buyer_id=parties.buyer_id,
            expires_at=_soon(minutes),
            mode=cast(Mode, mode),
            cache=cache,
        )


async def test_reserving_holds_the_units_and_records_the_reservation(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=5)
    order = await parties.order(database)

    await _reserve(database, parties, mode, cache, StockRequest(item, order, 3))

    stock = await stock_of(database, item)
    assert (stock.reserved, stock.sold_quantity) == (3, 0)
    assert stock.reserved_until is not None
    assert stock.reserved_until > datetime.now(UTC)
    assert stock.version == 2
    async with database.sessionmaker() as session:
        held = (await session.scalars(select(Reservation).where(Reservation.item_id == item))).all()
    assert [(r.quantity, r.state, r.order_id) for r in held] == [(3, ReservationState.held, order)]


async def test_reserving_more_than_is_available_is_refused_with_what_is_left(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=5)
    await _reserve(
        database, parties, mode, cache, StockRequest(item, await parties.order(database), 4)
    )

    with pytest.raises(QuantityUnavailable) as refused:
        await _reserve(
            database, parties, mode, cache, StockRequest(item, await parties.order(database), 2)
        )

    assert refused.value.details == {"item_id": str(item), "available": 1}
    assert (await stock_of(database, item)).reserved == 4


async def test_a_fully_held_listing_is_unavailable_as_reserved_until_its_holds_lapse(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=1)
    await _reserve(
        database, parties, mode, cache, StockRequest(item, await parties.order(database), 1)
    )

    with pytest.raises(ItemUnavailable) as refused:
        await _reserve(
            database, parties, mode, cache, StockRequest(item, await parties.order(database), 1)
        )

    assert refused.value.details is not None
    assert refused.value.details["reason"] == "reserved"
    assert "reserved_until" in refused.value.details


async def test_a_hidden_listing_cannot_be_reserved(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, status=ItemStatus.hidden)

    with pytest.raises(ItemUnavailable) as refused:
        await _reserve(
            database, parties, mode, cache, StockRequest(item, await parties.order(database), 1)
        )

    assert refused.value.details == {"item_id": str(item), "reason": "hidden"}


async def test_a_price_other_than_the_agreed_one_refuses_the_hold(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, price=2500)
    order = await parties.order(database)

    with pytest.raises(PriceChanged) as refused:
        await _reserve(
            database,
            parties,
            mode,
            cache,
            StockRequest(item, order, 1, unit_price_amount=2000, currency="EUR"),
        )

    assert refused.value.details == {
        "item_id": str(item),
        "current_price": {"amount": 2500, "currency": "EUR"},
    }


async def test_a_lapsed_hold_is_released_lazily_by_the_next_reservation(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=1)
    first = await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, first, 1), minutes=-1)

    second = await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, second, 1))

    stock = await stock_of(database, item)
    assert stock.reserved == 1
    async with database.sessionmaker() as session:
        states = dict(
            (
                await session.execute(
                    select(Reservation.order_id, Reservation.state).where(
                        Reservation.item_id == item
                    )
                )
            ).all()
        )
    assert states == {first: ReservationState.released, second: ReservationState.held}


async def test_releasing_an_order_puts_its_units_back_once(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=3)
    order = await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, order, 2))

    async with database.transaction() as session:
        assert await inventory.release(session, order, cache=cache) == [item]
    async with database.transaction() as session:
        assert await inventory.release(session, order, cache=cache) == []

    stock = await stock_of(database, item)
    assert (stock.reserved, stock.reserved_until) == (0, None)


async def test_consuming_the_last_units_sells_the_listing_and_says_so(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=2)
    order = await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, order, 2))

    async with database.transaction() as session:
        assert await inventory.consume(session, order, cache=cache) == [item]

    stock = await stock_of(database, item)
    assert (stock.reserved, stock.sold_quantity, stock.status) == (0, 2, ItemStatus.sold)
    async with database.sessionmaker() as session:
        sold = await session.scalar(
            select(Event).where(Event.type == "item.sold", Event.aggregate_id == item)
        )
    assert sold is not None


async def test_consuming_part_of_the_stock_leaves_the_listing_on_sale(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=3)
    order = await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, order, 1))

    async with database.transaction() as session:
        assert await inventory.consume(session, order, cache=cache) == []

    stock = await stock_of(database, item)
    assert (stock.reserved, stock.sold_quantity, stock.status) == (0, 1, ItemStatus.active)


async def test_consuming_a_hold_that_was_released_is_refused(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=1)
    order = await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, order, 1))
    async with database.transaction() as session:
        await inventory.release(session, order, cache=cache)

    with pytest.raises(ReservationLapsed):
        async with database.transaction() as session:
            await inventory.consume(session, order, cache=cache)


async def test_the_sweep_releases_only_lapsed_holds(
    database: Database, parties: Parties, mode: str, cache: Cache
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=3)
    lapsed, live = await parties.order(database), await parties.order(database)
    await _reserve(database, parties, mode, cache, StockRequest(item, lapsed, 1))
    await _reserve(database, parties, mode, cache, StockRequest(item, live, 1))
    async with database.transaction() as session:
        await session.execute(
            update(Reservation)
            .where(Reservation.order_id == lapsed)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )

    async with database.transaction() as session:
        assert await inventory.release_lapsed(session, datetime.now(UTC), cache=cache) == [item]

    stock = await stock_of(database, item)
    assert stock.reserved == 1
    assert stock.reserved_until is not None
    assert stock.reserved_until > datetime.now(UTC)


async def test_the_database_refuses_an_oversell_whatever_the_code_does(
    database: Database, parties: Parties
) -> None:
    item = await make_listing(database, parties.choice, parties.seller_id, quantity=1)

    with pytest.raises(Exception, match="stock_within_quantity"):
        async with database.transaction() as session:
            await session.execute(update(Item).where(Item.id == item).values(reserved=2))
