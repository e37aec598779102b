"""Demo trade: orders in several stages and reviews, through the real checkout, once."""

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select

from reloop.config import Settings
from reloop.demo.seed import MEMBERS, load_demo_data
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.order import Order, OrderStatus
from reloop.models.review import Review
from reloop.models.user import User
from tests.factories.commerce import assert_books_balance


async def test_the_demo_has_orders_to_act_on_and_sellers_with_ratings(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings, cache: Cache
) -> None:
    report = await load_demo_data(
        database, app.state.storage, cache, settings, sellers=4, listings_per_seller=2
    )

    async with database.sessionmaker() as session:
        orders = list(await session.scalars(select(Order)))
        reviews = list(await session.scalars(select(Review)))
    assert report.commerce.orders == len(orders) == 4
    assert report.commerce.reviews == len(reviews) == 2
    assert {OrderStatus.paid, OrderStatus.shipped, OrderStatus.completed} <= {
        order.status for order in orders
    }
    await assert_books_balance(database)
    profiles = [
        (await client.get(f"/api/v1/users/{member.username}")).json() for member in MEMBERS[:4]
    ]
    assert sum(profile["review_count"] for profile in profiles) == 2
    assert all(p["rating"] is None or 3 <= p["rating"] <= 5 for p in profiles)


async def test_the_first_demo_member_has_a_sale_to_ship_and_a_purchase_on_its_way(
    app: FastAPI, database: Database, settings: Settings, cache: Cache
) -> None:
    await load_demo_data(
        database, app.state.storage, cache, settings, sellers=3, listings_per_seller=2
    )

    async with database.sessionmaker() as session:
        first = await session.scalar(select(User).where(User.username == MEMBERS[0].username))
        assert first is not None
        sold = await session.scalars(select(Order.status).where(Order.seller_id == first.id))
        bought = await session.scalars(select(Order.status).where(Order.buyer_id == first.id))
        assert list(sold) == [OrderStatus.paid]
        assert list(bought) == [OrderStatus.shipped]


async def test_loading_the_demo_again_adds_no_orders(
    app: FastAPI, database: Database, settings: Settings, cache: Cache
) -> None:
    await load_demo_data(
        database, app.state.storage, cache, settings, sellers=3, listings_per_seller=1
    )

    again = await load_demo_data(
        database, app.state.storage, cache, settings, sellers=3, listings_per_seller=1
    )

    async with database.sessionmaker() as session:
        count = await session.scalar(select(func.count()).select_from(Order))
    assert again.commerce.orders == 0
    assert count == 3
