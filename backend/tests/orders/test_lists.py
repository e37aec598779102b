"""Listing orders by side and status, page by page, in constant statements."""

import uuid
from datetime import timedelta

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.orders.capture import capture_payment
from tests.factories.orders import place, set_stock
from tests.fixtures.sql import count_statements
from tests.orders.conftest import SignedIn, utcnow


async def _orders(
    database: Database, buyer: SignedIn, item: uuid.UUID, count: int
) -> list[uuid.UUID]:
    start = utcnow() - timedelta(hours=1)
    placed = [
        await place(
            database,
            buyer.id,
            [(item, 1)],
            now=start + timedelta(minutes=n),
            hold=timedelta(hours=2),
        )
        for n in range(count)
    ]
    return [p.order_id for p in reversed(placed)]


async def test_the_buyer_lists_their_orders_newest_first(
    client: AsyncClient, database: Database, buyer: SignedIn, item: uuid.UUID
) -> None:
    ids = await _orders(database, buyer, item, 3)

    body = (await client.get("/api/v1/orders?role=buyer", headers=buyer.headers)).json()

    assert [o["id"] for o in body["items"]] == [str(i) for i in ids]
    assert body["items"][0]["role"] == "buyer"
    assert body["items"][0]["counterpart"]["username"] == "sophie"


async def test_the_seller_sees_the_same_orders_from_their_side(
    client: AsyncClient, database: Database, buyer: SignedIn, seller: SignedIn, item: uuid.UUID
) -> None:
    await _orders(database, buyer, item, 2)

    mine = (await client.get("/api/v1/orders?role=seller", headers=seller.headers)).json()
    bought = (await client.get("/api/v1/orders?role=buyer", headers=seller.headers)).json()

    assert [o["counterpart"]["username"] for o in mine["items"]] == ["ben", "ben"]
    assert bought["items"] == []


async def test_orders_page_with_a_cursor_without_gaps_or_repeats(
    client: AsyncClient, database: Database, buyer: SignedIn, item: uuid.UUID
) -> None:
    ids = await _orders(database, buyer, item, 3)

    first = (await client.get("/api/v1/orders?limit=2", headers=buyer.headers)).json()
    second = (
        await client.get(
            f"/api/v1/orders?limit=2&cursor={first['next_cursor']}", headers=buyer.headers
        )
    ).json()

    assert [o["id"] for o in first["items"] + second["items"]] == [str(i) for i in ids]
    assert second["next_cursor"] is None


async def test_orders_filter_by_status(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    unpaid = await place(database, buyer.id, [(item, 1)])
    paid = await place(database, buyer.id, [(item, 1)])
    await capture_payment(database, paid.payment_id, settings=settings, cache=cache)

    body = (await client.get("/api/v1/orders?status=paid", headers=buyer.headers)).json()

    assert [o["id"] for o in body["items"]] == [str(paid.order_id)]
    assert unpaid.order_id not in {o["id"] for o in body["items"]}


async def test_a_forged_cursor_is_refused(client: AsyncClient, buyer: SignedIn) -> None:
    response = await client.get("/api/v1/orders?cursor=forged", headers=buyer.headers)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


async def test_an_unknown_role_or_status_is_a_validation_error(
    client: AsyncClient, buyer: SignedIn
) -> None:
    role = await client.get("/api/v1/orders?role=admin", headers=buyer.headers)
    status = await client.get("/api/v1/orders?status=lost", headers=buyer.headers)

    assert (role.status_code, status.status_code) == (422, 422)


async def test_listing_orders_needs_a_signed_in_member(client: AsyncClient) -> None:
    assert (await client.get("/api/v1/orders")).status_code == 401


async def test_a_page_of_fifty_orders_runs_as_many_statements_as_a_page_of_one(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
) -> None:
    await set_stock(database, item, 60)
    await _orders(database, buyer, item, 1)
    with count_statements(app) as one:
        await client.get("/api/v1/orders", headers=buyer.headers)
    await _orders(database, buyer, item, 49)
    with count_statements(app) as fifty:
        response = await client.get("/api/v1/orders?limit=50", headers=buyer.headers)

    assert len(response.json()["items"]) == 50
    assert len(fifty) == len(one)


async def test_earnings_page_through_the_sellers_ledger_lines(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    for _ in range(3):
        placed = await place(database, buyer.id, [(item, 1)])
        await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    first = (await client.get("/api/v1/me/earnings?limit=2", headers=seller.headers)).json()
    rest = (
        await client.get(
            f"/api/v1/me/earnings?limit=2&cursor={first['entries']['next_cursor']}",
            headers=seller.headers,
        )
    ).json()

    assert first["balances"][0]["pending"] == {"amount": 3 * 1399, "currency": "EUR"}
    assert len(first["entries"]["items"]) + len(rest["entries"]["items"]) == 3
    assert rest["entries"]["next_cursor"] is None
    assert {line["amount"] for line in first["entries"]["items"]} == {1399}


async def test_a_member_who_sold_nothing_has_no_balances(
    client: AsyncClient, buyer: SignedIn
) -> None:
    body = (await client.get("/api/v1/me/earnings", headers=buyer.headers)).json()

    assert body == {"balances": [], "entries": {"items": [], "next_cursor": None}}


async def test_earnings_need_a_signed_in_member(client: AsyncClient) -> None:
    assert (await client.get("/api/v1/me/earnings")).status_code == 401
