"""From `POST /checkout` to a review, and a declined card until its reservation lapses."""

import uuid
from datetime import timedelta
from typing import Any

from httpx import AsyncClient

from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.orders.timed import expire_unpaid
from tests.factories.commerce import assert_books_balance, checkout_body, stock_of
from tests.orders.conftest import SignedIn, utcnow

SHIP = {"carrier": "Colissimo", "tracking_number": "8R0001"}
DECLINED = "4000 0000 0000 0002"


async def _checkout(
    client: AsyncClient, buyer: SignedIn, item: uuid.UUID, card: str
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 1, 1000)], card=card),
        headers={**buyer.headers, "Idempotency-Key": new_id().hex},
    )
    assert response.status_code in {201, 402}, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_an_order_bought_at_checkout_goes_all_the_way_to_a_review(
    client: AsyncClient, database: Database, buyer: SignedIn, seller: SignedIn, item: uuid.UUID
) -> None:
    order_id = (await _checkout(client, buyer, item, "4242 4242 4242 4242"))["orders"][0]["id"]
    order = f"/api/v1/orders/{order_id}"

    assert (
        await client.post(f"{order}/ship", json=SHIP, headers=seller.headers)
    ).status_code == 200
    assert (await client.post(f"{order}/deliver", headers=buyer.headers)).status_code == 200
    assert (await client.post(f"{order}/complete", headers=buyer.headers)).status_code == 200
    review = await client.post(
        f"{order}/review", json={"rating": 5, "text": "Perfect"}, headers=buyer.headers
    )

    assert review.status_code == 201
    detail = (await client.get(order, headers=buyer.headers)).json()
    assert [e["type"] for e in detail["timeline"]][-4:] == [
        "paid",
        "shipped",
        "delivered",
        "completed",
    ]
    earnings = (await client.get("/api/v1/me/earnings", headers=seller.headers)).json()
    assert earnings["balances"][0]["available"] == {"amount": 1399, "currency": "EUR"}
    await assert_books_balance(database)


async def test_a_declined_card_holds_the_stock_until_the_reservation_lapses(
    client: AsyncClient, database: Database, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    body = await _checkout(client, buyer, item, DECLINED)

    assert body["error"]["code"] == "payment_declined"
    assert body["error"]["details"]["reason"] == "card_declined"
    assert (await stock_of(database, item)).reserved == 1
    [order_id] = body["error"]["details"]["order_ids"]
    await expire_unpaid(database, utcnow() + timedelta(minutes=16), cache=cache)

    detail = (await client.get(f"/api/v1/orders/{order_id}", headers=buyer.headers)).json()
    assert detail["status"] == "expired"
    assert (await stock_of(database, item)).reserved == 0


async def test_a_declined_checkout_is_paid_again_from_its_order(
    client: AsyncClient, database: Database, buyer: SignedIn, item: uuid.UUID
) -> None:
    body = await _checkout(client, buyer, item, DECLINED)
    [order_id] = body["error"]["details"]["order_ids"]

    paid = await client.post(
        f"/api/v1/orders/{order_id}/pay",
        json={"payment_method": "4242 4242 4242 4242"},
        headers={**buyer.headers, "Idempotency-Key": "retry-1"},
    )

    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "paid"
    stock = await stock_of(database, item)
    assert (stock.reserved, stock.sold_quantity) == (0, 1)
    await assert_books_balance(database)
