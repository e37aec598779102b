"""Paying again after a decline, with an idempotency key, while the stock is held."""

import uuid

from httpx import AsyncClient, Response
from sqlalchemy import func, select

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.order import OrderStatus
from reloop.models.payment import Payment, SimulatedCharge
from reloop.orders.capture import capture_payment
from tests.factories.orders import Placed, place
from tests.orders.conftest import SignedIn, lapse_reservation, order_row

GOOD = "4242 4242 4242 4242"


async def _declined(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> Placed:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0002")
    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)
    return placed


async def _pay(
    client: AsyncClient, who: SignedIn, order_id: uuid.UUID, card: str, key: str = "k1"
) -> Response:
    return await client.post(
        f"/api/v1/orders/{order_id}/pay",
        json={"payment_method": card},
        headers={**who.headers, "Idempotency-Key": key},
    )


async def test_a_declined_order_is_paid_with_another_card(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)
    before = (await client.get(f"/api/v1/orders/{placed.order_id}", headers=buyer.headers)).json()
    assert "pay" in before["actions"]

    response = await _pay(client, buyer, placed.order_id, GOOD)

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "paid"
    assert response.json()["payment"]["status"] == "succeeded"


async def test_a_second_decline_answers_402_with_the_reason(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)

    response = await _pay(client, buyer, placed.order_id, "4000 0000 0000 9995")

    assert response.status_code == 402
    error = response.json()["error"]
    assert error["code"] == "insufficient_funds"
    assert error["details"]["reason"] == "insufficient_funds"
    assert error["details"]["order_ids"] == [str(placed.order_id)]


async def test_the_same_key_replays_the_first_answer_and_charges_once(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)

    first = await _pay(client, buyer, placed.order_id, GOOD)
    again = await _pay(client, buyer, placed.order_id, GOOD)

    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    async with database.sessionmaker() as session:
        succeeded = await session.scalar(
            select(func.count())
            .select_from(SimulatedCharge)
            .where(SimulatedCharge.status == "succeeded")
        )
        payments = await session.scalar(select(func.count()).select_from(Payment))
    assert (succeeded, payments) == (1, 2)


async def test_paying_needs_an_idempotency_key(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)

    response = await client.post(
        f"/api/v1/orders/{placed.order_id}/pay",
        json={"payment_method": GOOD},
        headers=buyer.headers,
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "idempotency_key_missing"


async def test_a_card_number_that_is_not_one_is_refused(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)

    response = await _pay(client, buyer, placed.order_id, "4242 4242 4242 4241")

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_payment_method"


async def test_after_the_reservation_lapsed_paying_is_refused(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)
    await lapse_reservation(database, placed.order_id)

    response = await _pay(client, buyer, placed.order_id, GOOD)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "payment_window_closed"
    assert (await order_row(database, placed.order_id)).status is OrderStatus.expired


async def test_a_paid_order_cannot_be_paid_again(
    client: AsyncClient, buyer: SignedIn, paid: Placed
) -> None:
    response = await _pay(client, buyer, paid.order_id, GOOD)

    assert response.status_code == 409
    assert response.json()["error"]["details"] == {"status": "paid", "action": "pay"}


async def test_the_seller_cannot_pay_the_buyers_order(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await _declined(database, settings, buyer, item, cache)

    response = await _pay(client, seller, placed.order_id, GOOD)

    assert response.status_code == 404
