"""Checkout through the app: one order per seller, stock held, the card charged once."""

from httpx import AsyncClient
from sqlalchemy import func, select

from reloop.kit.db import Database
from reloop.models.event import Event
from reloop.models.order import Order, OrderEvent, OrderItem
from reloop.models.payment import Payment
from tests.checkout.conftest import Market, key
from tests.factories.commerce import (
    assert_books_balance,
    checkout_body,
    make_listing,
    stock_of,
)


async def test_a_checkout_makes_a_paid_order_with_its_amounts(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(price=2500, quantity=3)
    buyer = market.buyers[0]

    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 2, 2500)]),
        headers={**buyer.headers, **key()},
    )

    assert response.status_code == 201, response.text
    body = response.json()
    # items 5000, shipping 399, fee 70 + 5% of 5000 = 320
    assert body["totals"] == {
        "items": {"amount": 5000, "currency": "EUR"},
        "shipping": {"amount": 399, "currency": "EUR"},
        "fees": {"amount": 320, "currency": "EUR"},
        "total": {"amount": 5719, "currency": "EUR"},
    }
    assert body["payment"]["status"] == "succeeded"
    assert body["payment"]["amount"] == {"amount": 5719, "currency": "EUR"}
    [order] = body["orders"]
    assert order["status"] == "paid"
    assert order["counterpart"]["id"] == str(market.seller.id)
    assert order["items"][0]["title"] == "Wool coat"
    stock = await stock_of(database, item)
    assert (stock.reserved, stock.sold_quantity) == (0, 2)
    await assert_books_balance(database)


async def test_a_checkout_across_sellers_makes_one_order_each_and_one_payment(
    client: AsyncClient, market: Market, database: Database
) -> None:
    other_seller = market.buyers[1]
    first = await market.listing(price=1000)
    second = await make_listing(database, market.choice, other_seller.id, price=3000)

    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(first, 1, 1000), (second, 1, 3000)]),
        headers={**market.buyers[0].headers, **key()},
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert {o["counterpart"]["id"] for o in body["orders"]} == {
        str(market.seller.id),
        str(other_seller.id),
    }
    # per order: fee 70 + 5% (50 and 150), shipping 399 each
    assert body["totals"]["total"]["amount"] == 1000 + 3000 + 2 * 399 + 120 + 220
    async with database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Payment)) == 1
        assert await session.scalar(select(func.count()).select_from(Order)) == 2
        placed = await session.scalar(select(func.count()).where(Event.type == "order.placed"))
        assert placed == 2
        timeline = await session.scalars(select(OrderEvent.type).order_by(OrderEvent.created_at))
        assert "pending_payment" in list(timeline)


async def test_the_order_keeps_a_snapshot_of_the_title(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(title="Linen dress")

    await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 1, 2500)]),
        headers={**market.buyers[0].headers, **key()},
    )

    async with database.sessionmaker() as session:
        assert await session.scalar(select(OrderItem.title)) == "Linen dress"
