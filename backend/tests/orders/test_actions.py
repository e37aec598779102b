"""Buyers and sellers moving orders through the API: allowed, refused, and what follows."""

import uuid
from datetime import timedelta

from httpx import AsyncClient, Response
from sqlalchemy import select, update

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.item import Item
from reloop.models.order import Order, OrderStatus
from reloop.models.payment import Payment, PaymentStatus, SimulatedCharge
from reloop.orders.capture import capture_payment
from reloop.orders.refunds import send_refund
from tests.factories.orders import Placed
from tests.orders.conftest import SignedIn, lapse_reservation, order_row, payment_row, utcnow

SHIP = {"carrier": "La Poste", "tracking_number": "6A123456789"}


async def _post(
    client: AsyncClient, who: SignedIn, order_id: uuid.UUID, action: str, **body: object
) -> Response:
    return await client.post(
        f"/api/v1/orders/{order_id}/{action}", json=body or None, headers=who.headers
    )


async def _stock(database: Database, item_id: uuid.UUID) -> tuple[int, int]:
    async with database.sessionmaker() as session:
        item = await session.get(Item, item_id)
        assert item is not None
        return item.reserved, item.sold_quantity


async def test_the_buyer_cancels_an_unpaid_order_and_the_stock_is_released(
    client: AsyncClient, database: Database, buyer: SignedIn, placed: Placed, item: uuid.UUID
) -> None:
    await _capture_declined(database, placed)

    response = await _post(client, buyer, placed.order_id, "cancel", reason="Changed my mind")

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "cancelled"
    assert response.json()["timeline"][-1]["details"] == {"reason": "Changed my mind"}
    assert await _stock(database, item) == (0, 0)


async def _capture_declined(database: Database, placed: Placed) -> None:
    """Settle the checkout's payment as declined, as a failed card leaves it."""
    async with database.transaction() as session:
        await session.execute(
            update(Payment)
            .where(Payment.id == placed.payment_id)
            .values(status=PaymentStatus.failed, failure_code="card_declined")
        )


async def test_an_unpaid_order_cannot_be_cancelled_while_its_payment_is_in_flight(
    client: AsyncClient, buyer: SignedIn, placed: Placed
) -> None:
    response = await _post(client, buyer, placed.order_id, "cancel")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "payment_in_progress"


async def test_the_seller_cannot_cancel_an_unpaid_order(
    client: AsyncClient, seller: SignedIn, placed: Placed
) -> None:
    response = await _post(client, seller, placed.order_id, "cancel")

    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "order_transition_not_allowed",
        "message": "This order cannot do that now.",
        "details": {"status": "pending_payment", "action": "cancel"},
        "request_id": response.json()["error"]["request_id"],
    }


async def test_the_seller_ships_a_paid_order_with_carrier_and_tracking(
    client: AsyncClient, seller: SignedIn, paid: Placed
) -> None:
    response = await _post(client, seller, paid.order_id, "ship", **SHIP)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["carrier"], body["tracking_number"]) == (
        "shipped",
        "La Poste",
        "6A123456789",
    )
    assert body["actions"] == []


async def test_the_buyer_cannot_ship(client: AsyncClient, buyer: SignedIn, paid: Placed) -> None:
    response = await _post(client, buyer, paid.order_id, "ship", **SHIP)

    assert response.status_code == 409


async def test_shipping_needs_a_carrier_and_a_tracking_number(
    client: AsyncClient, seller: SignedIn, paid: Placed
) -> None:
    response = await _post(client, seller, paid.order_id, "ship", carrier=" ")

    assert response.status_code == 422
    assert (await client.get(f"/api/v1/orders/{paid.order_id}", headers=seller.headers)).json()[
        "status"
    ] == "paid"


async def test_delivery_then_completion_makes_the_sellers_money_available(
    client: AsyncClient, seller: SignedIn, buyer: SignedIn, paid: Placed
) -> None:
    await _post(client, seller, paid.order_id, "ship", **SHIP)
    delivered = await _post(client, buyer, paid.order_id, "deliver")
    assert delivered.json()["actions"] == ["complete", "dispute"]

    completed = await _post(client, buyer, paid.order_id, "complete")

    assert completed.json()["status"] == "completed"
    assert completed.json()["actions"] == ["review"]
    earnings = (await client.get("/api/v1/me/earnings", headers=seller.headers)).json()
    assert earnings["balances"] == [
        {
            "currency": "EUR",
            "pending": {"amount": 0, "currency": "EUR"},
            "available": {"amount": 1000 + 399, "currency": "EUR"},
        }
    ]
    assert [e["kind"] for e in earnings["entries"]["items"]] == [
        "completion",
        "completion",
        "capture",
    ]


async def test_the_seller_cancelling_a_paid_order_refunds_the_buyer_once(
    client: AsyncClient, database: Database, settings: Settings, seller: SignedIn, paid: Placed
) -> None:
    response = await _post(client, seller, paid.order_id, "cancel", reason="Damaged")

    assert response.json()["status"] == "refunded"
    payment = await payment_row(database, paid.payment_id)
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.refunded, paid.total)
    assert await send_refund(database, settings, paid.order_id)
    assert await send_refund(database, settings, paid.order_id)
    async with database.sessionmaker() as session:
        charge = await session.scalar(
            select(SimulatedCharge).where(SimulatedCharge.status == "succeeded")
        )
        assert charge is not None
        assert charge.refunded_amount == paid.total


async def test_the_buyer_may_dispute_a_shipped_order(
    client: AsyncClient, seller: SignedIn, buyer: SignedIn, paid: Placed
) -> None:
    await _post(client, seller, paid.order_id, "ship", **SHIP)

    response = await _post(client, buyer, paid.order_id, "dispute", reason="Never arrived")

    assert response.json()["status"] == "disputed"


async def test_a_dispute_needs_a_reason(
    client: AsyncClient, seller: SignedIn, buyer: SignedIn, paid: Placed
) -> None:
    await _post(client, seller, paid.order_id, "ship", **SHIP)

    assert (await _post(client, buyer, paid.order_id, "dispute")).status_code == 422


async def test_the_dispute_window_closes_after_delivery(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    seller: SignedIn,
    buyer: SignedIn,
    paid: Placed,
) -> None:
    await _post(client, seller, paid.order_id, "ship", **SHIP)
    await _post(client, buyer, paid.order_id, "deliver")
    async with database.transaction() as session:
        await session.execute(
            update(Order)
            .where(Order.id == paid.order_id)
            .values(delivered_at=utcnow() - timedelta(days=settings.dispute_window_days, hours=1))
        )

    response = await _post(client, buyer, paid.order_id, "dispute", reason="Torn")

    assert response.status_code == 409
    assert response.json()["error"]["details"] == {"status": "delivered", "action": "dispute"}


async def test_someone_else_cannot_see_or_move_the_order(
    client: AsyncClient, stranger: SignedIn, paid: Placed
) -> None:
    seen = await client.get(f"/api/v1/orders/{paid.order_id}", headers=stranger.headers)
    moved = await _post(client, stranger, paid.order_id, "ship", **SHIP)

    assert (seen.status_code, moved.status_code) == (404, 404)
    assert seen.json()["error"]["code"] == "order_not_found"


async def test_the_seller_sees_the_address_only_once_paid(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    seller: SignedIn,
    placed: Placed,
    cache: Cache,
) -> None:
    before = await client.get(f"/api/v1/orders/{placed.order_id}", headers=seller.headers)
    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)
    after = await client.get(f"/api/v1/orders/{placed.order_id}", headers=seller.headers)

    assert before.json()["shipping_address"] is None
    assert after.json()["shipping_address"]["city"] == "Lyon"


async def test_the_buyer_sees_what_the_order_is_and_may_do(
    client: AsyncClient, buyer: SignedIn, placed: Placed
) -> None:
    body = (await client.get(f"/api/v1/orders/{placed.order_id}", headers=buyer.headers)).json()

    assert body["role"] == "buyer"
    assert body["counterpart"]["username"] == "sophie"
    assert body["items"][0]["title"] == "Wool coat 0"
    assert body["amounts"]["total"] == {"amount": placed.total, "currency": "EUR"}
    assert body["payment"]["status"] == "pending"
    assert body["deadlines"]["pay_by"] is not None
    assert body["actions"] == []


async def test_an_unpaid_order_read_after_its_reservation_lapsed_is_expired(
    client: AsyncClient, database: Database, buyer: SignedIn, placed: Placed, item: uuid.UUID
) -> None:
    await _capture_declined(database, placed)
    await lapse_reservation(database, placed.order_id)

    body = (await client.get(f"/api/v1/orders/{placed.order_id}", headers=buyer.headers)).json()

    assert body["status"] == "expired"
    assert await _stock(database, item) == (0, 0)
    assert (await order_row(database, placed.order_id)).status is OrderStatus.expired


async def test_a_move_on_a_lapsed_unpaid_order_is_refused_and_the_order_stays_expired(
    client: AsyncClient, database: Database, buyer: SignedIn, placed: Placed, item: uuid.UUID
) -> None:
    await _capture_declined(database, placed)
    await lapse_reservation(database, placed.order_id)

    response = await _post(client, buyer, placed.order_id, "cancel")

    assert response.status_code == 409
    assert response.json()["error"]["details"] == {"status": "expired", "action": "cancel"}
    assert (await order_row(database, placed.order_id)).status is OrderStatus.expired
    assert await _stock(database, item) == (0, 0)


async def test_an_unknown_order_is_not_found(client: AsyncClient, buyer: SignedIn) -> None:
    response = await client.get(f"/api/v1/orders/{uuid.uuid4()}", headers=buyer.headers)

    assert response.status_code == 404


async def test_a_malformed_order_id_is_a_validation_error(
    client: AsyncClient, buyer: SignedIn
) -> None:
    response = await client.get("/api/v1/orders/not-a-uuid", headers=buyer.headers)

    assert response.status_code == 422
