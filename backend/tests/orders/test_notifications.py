"""What buyers and sellers are told as an order moves, once each, and the paid emails."""

import uuid
from datetime import timedelta

from httpx import AsyncClient
from sqlalchemy import select, update

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from reloop.models.event import Event
from reloop.models.notification import Notification
from reloop.notifications.dispatcher import dispatch_pending
from reloop.orders.capture import capture_payment
from reloop.orders.low_stock import notify_low_stock
from reloop.orders.timed import expire_unpaid
from tests.factories.commerce import checkout_body
from tests.factories.orders import Placed, place
from tests.fixtures.outbox import emails_to
from tests.orders.conftest import SignedIn, utcnow

SHIP = {"carrier": "DHL", "tracking_number": "JD1"}


async def _told(database: Database, member: SignedIn) -> list[str]:
    async with database.sessionmaker() as session:
        kinds = await session.scalars(
            select(Notification.type)
            .where(Notification.recipient_id == member.id)
            .order_by(Notification.created_at, Notification.id)
        )
        return [k.value for k in kinds]


async def test_both_sides_hear_of_payment_and_each_of_the_others_move(
    client: AsyncClient,
    database: Database,
    redis: GuardedRedis,
    buyer: SignedIn,
    seller: SignedIn,
    paid: Placed,
) -> None:
    order = f"/api/v1/orders/{paid.order_id}"
    await client.post(f"{order}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"{order}/deliver", headers=buyer.headers)
    await client.post(f"{order}/complete", headers=buyer.headers)

    await dispatch_pending(database, redis)

    assert await _told(database, buyer) == ["order_paid", "order_shipped"]
    assert await _told(database, seller) == ["order_paid", "order_delivered", "order_completed"]


async def test_a_replayed_event_notifies_nobody_twice(
    database: Database, redis: GuardedRedis, buyer: SignedIn, paid: Placed
) -> None:
    await dispatch_pending(database, redis)
    async with database.transaction() as session:
        await session.execute(update(Event).values(dispatched_at=None))

    await dispatch_pending(database, redis)

    assert await _told(database, buyer) == ["order_paid"]


async def test_a_paid_order_emails_its_confirmation_to_buyer_and_seller(
    database: Database, redis: GuardedRedis, buyer: SignedIn, seller: SignedIn, paid: Placed
) -> None:
    await dispatch_pending(database, redis)

    to_buyer = await emails_to(database, buyer.member.email)
    to_seller = await emails_to(database, seller.member.email)
    assert [e.template for e in to_buyer] == ["order_paid_buyer"]
    assert [e.template for e in to_seller] == ["order_paid_seller"]
    assert "Wool coat 0" in to_buyer[0].subject
    assert f"/orders/{paid.order_id}" in to_seller[0].text_body


async def test_a_refund_tells_the_buyer_and_a_bell_entry_links_to_the_order(
    client: AsyncClient,
    database: Database,
    redis: GuardedRedis,
    buyer: SignedIn,
    seller: SignedIn,
    paid: Placed,
) -> None:
    await client.post(f"/api/v1/orders/{paid.order_id}/cancel", headers=seller.headers)
    await dispatch_pending(database, redis)

    bell = (await client.get("/api/v1/notifications", headers=buyer.headers)).json()

    refunded = next(n for n in bell["items"] if n["type"] == "order_refunded")
    assert refunded["link"] == f"/orders/{paid.order_id}"
    assert refunded["text"] == "The order of “Wool coat 0” was refunded"


async def test_a_review_tells_the_seller(
    client: AsyncClient,
    database: Database,
    redis: GuardedRedis,
    buyer: SignedIn,
    seller: SignedIn,
    paid: Placed,
) -> None:
    order = f"/api/v1/orders/{paid.order_id}"
    await client.post(f"{order}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"{order}/deliver", headers=buyer.headers)
    await client.post(f"{order}/complete", headers=buyer.headers)
    await client.post(f"{order}/review", json={"rating": 5, "text": "Great"}, headers=buyer.headers)

    await dispatch_pending(database, redis)

    assert (await _told(database, seller))[-1] == "review_received"


async def test_an_expired_order_tells_the_buyer(
    database: Database,
    settings: Settings,
    redis: GuardedRedis,
    buyer: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0002")
    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)
    await expire_unpaid(database, utcnow() + timedelta(hours=1), cache=cache)

    await dispatch_pending(database, redis)

    assert await _told(database, buyer) == ["order_expired"]


async def test_a_listing_of_several_units_nearly_sold_out_tells_its_seller(
    database: Database, redis: GuardedRedis, seller: SignedIn, buyer: SignedIn, item: uuid.UUID
) -> None:
    await place(database, buyer.id, [(item, 2)])

    assert await notify_low_stock(database, utcnow()) == 1
    await dispatch_pending(database, redis)

    assert await _told(database, seller) == ["low_stock"]


async def test_a_listing_with_stock_to_spare_raises_no_alert(
    database: Database, seller: SignedIn, item: uuid.UUID
) -> None:
    assert await notify_low_stock(database, utcnow()) == 0


async def test_a_checkout_tells_the_seller_of_the_order_and_its_payment(
    client: AsyncClient,
    database: Database,
    redis: GuardedRedis,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
) -> None:
    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 1, 1000)]),
        headers={**buyer.headers, "Idempotency-Key": "checkout-1"},
    )
    assert response.status_code == 201, response.text

    await dispatch_pending(database, redis)

    assert await _told(database, seller) == ["order_placed", "order_paid"]
    assert await _told(database, buyer) == ["order_paid"]
