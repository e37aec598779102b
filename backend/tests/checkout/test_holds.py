"""Holds over time (lapsing, lazily and by beat) and checkout with Redis gone."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from sqlalchemy import select, update

from reloop.app import create_app
from reloop.config import Settings
from reloop.inventory.tasks import release_all_lapsed
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from reloop.models.inventory import Reservation, ReservationState
from reloop.models.item import Item
from reloop.runtime.embedded import EmbeddedRedis
from reloop.workers.app import celery_app
from reloop.workers.runtime import TaskContext
from reloop.workers.schedule import beat_schedule
from tests.checkout.conftest import Market, key
from tests.factories.commerce import (
    assert_books_balance,
    checkout_body,
    count_orders,
    stock_of,
)

DECLINED = "4000 0000 0000 0002"


async def _hold(client: AsyncClient, market: Market, item: uuid.UUID, buyer: int = 0) -> None:
    """A declined checkout: its order stays unpaid and holds the unit."""
    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 1, 2500)], card=DECLINED),
        headers={**market.buyers[buyer].headers, **key()},
    )
    assert response.status_code == 402, response.text


async def _lapse(database: Database, item: uuid.UUID) -> None:
    past = datetime.now(UTC) - timedelta(seconds=1)
    async with database.transaction() as session:
        await session.execute(
            update(Reservation).where(Reservation.item_id == item).values(expires_at=past)
        )
        await session.execute(update(Item).where(Item.id == item).values(reserved_until=past))


async def test_a_listing_fully_held_shows_until_when_on_its_page(
    client: AsyncClient, market: Market
) -> None:
    item = await market.listing()
    await _hold(client, market, item)

    page = (await client.get(f"/api/v1/items/{item}", headers=market.buyers[1].headers)).json()

    assert page["available"] == 0
    assert page["reserved_until"] is not None


async def test_a_fully_held_listing_shows_until_when_on_its_card(
    client: AsyncClient, market: Market
) -> None:
    held, free = await market.listing(), await market.listing(quantity=2)
    await _hold(client, market, held)
    await _hold(client, market, free)

    grid = await client.get(
        f"/api/v1/users/{market.seller.username}/items", headers=market.buyers[1].headers
    )

    until = {card["id"]: card["reserved_until"] for card in grid.json()["items"]}
    assert until[str(held)] is not None
    assert until[str(free)] is None


async def test_a_lapsed_hold_is_released_by_the_next_checkout_of_the_listing(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    await _hold(client, market, item)
    await _lapse(database, item)

    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 1, 2500)]),
        headers={**market.buyers[1].headers, **key()},
    )

    assert response.status_code == 201, response.text
    async with database.sessionmaker() as session:
        states = (
            await session.scalars(select(Reservation.state).order_by(Reservation.created_at))
        ).all()
    assert states == [ReservationState.released, ReservationState.consumed]
    stock = await stock_of(database, item)
    assert (stock.reserved, stock.sold_quantity) == (0, 1)
    await assert_books_balance(database)


async def test_beat_releases_lapsed_holds_every_minute(
    app: FastAPI,
    client: AsyncClient,
    market: Market,
    database: Database,
    settings: Settings,
    redis: GuardedRedis,
) -> None:
    item = await market.listing()
    await _hold(client, market, item)
    await _lapse(database, item)

    context = TaskContext(settings=settings, db=database, redis=redis, storage=app.state.storage)
    assert await release_all_lapsed(context) == 1

    stock = await stock_of(database, item)
    assert (stock.reserved, stock.reserved_until) == (0, None)
    entry = beat_schedule()["inventory-release-lapsed"]
    assert entry["schedule"] == 60.0
    assert entry["task"] in celery_app.tasks


@pytest.fixture
async def client_on_own_redis(
    settings: Settings, database: Database, own_redis: EmbeddedRedis
) -> AsyncIterator[AsyncClient]:
    app = create_app(settings.model_copy(update={"redis_url": own_redis.start()}))
    async with LifespanManager(app):
        transport = ASGITransport(app=app, raise_app_exceptions=False)
        async with AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_without_redis_the_cart_is_unavailable_but_checkout_sells_exactly_the_stock(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis, market: Market, database: Database
) -> None:
    client = client_on_own_redis
    item = await market.listing(quantity=2)
    own_redis.stop()

    cart = await client.get("/api/v1/cart", headers=market.buyers[0].headers)
    responses = await asyncio.gather(
        *(
            client.post(
                "/api/v1/checkout",
                json=checkout_body([(item, 1, 2500)]),
                headers={**buyer.headers, **key()},
            )
            for buyer in market.buyers
        )
    )

    assert cart.status_code == 503
    assert cart.json()["error"]["code"] == "cart_unavailable"
    assert sorted(r.status_code for r in responses) == [201, 201, 409]
    assert await count_orders(database, item) == 2
    await assert_books_balance(database)
