"""Timed transitions with a moved clock: expiry, unshipped refunds, auto-completion, sweeps."""

import uuid
from datetime import timedelta

from httpx import AsyncClient
from sqlalchemy import select

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.item import Item
from reloop.models.order import OrderStatus
from reloop.models.payment import PaymentStatus
from reloop.orders.capture import capture_payment
from reloop.orders.timed import (
    complete_delivered,
    expire_unpaid,
    refund_unshipped,
    retry_stuck_payments,
    run_timed_transitions,
)
from tests.factories.orders import Placed, place
from tests.orders.conftest import SignedIn, order_row, payment_row, utcnow

SHIP = {"carrier": "DHL", "tracking_number": "JD0001"}


async def test_a_declined_order_expires_when_its_reservation_lapses_and_the_stock_returns(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    placed = await place(database, buyer.id, [(item, 2)], card="sim_0002")
    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    early = await expire_unpaid(database, utcnow() + timedelta(minutes=14), cache=cache)
    late = await expire_unpaid(database, utcnow() + timedelta(minutes=16), cache=cache)

    assert (early, late) == (0, 1)
    assert (await order_row(database, placed.order_id)).status is OrderStatus.expired
    async with database.sessionmaker() as session:
        reserved = await session.scalar(select(Item.reserved).where(Item.id == item))
    assert reserved == 0


async def test_an_order_whose_capture_is_still_running_does_not_expire(
    database: Database, placed: Placed, cache: Cache
) -> None:
    moved = await expire_unpaid(database, utcnow() + timedelta(hours=1), cache=cache)

    assert moved == 0
    assert (await order_row(database, placed.order_id)).status is OrderStatus.pending_payment


async def test_a_paid_order_unshipped_past_the_deadline_is_refunded(
    database: Database, settings: Settings, paid: Placed, cache: Cache
) -> None:
    days = settings.ship_within_days

    early = await refund_unshipped(
        database, settings, utcnow() + timedelta(days=days - 1), cache=cache
    )
    late = await refund_unshipped(
        database, settings, utcnow() + timedelta(days=days, minutes=1), cache=cache
    )

    assert (early, late) == (0, 1)
    assert (await order_row(database, paid.order_id)).status is OrderStatus.refunded
    assert (await payment_row(database, paid.payment_id)).status is PaymentStatus.refunded


async def test_a_delivered_order_completes_on_its_own_after_the_wait(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    seller: SignedIn,
    buyer: SignedIn,
    paid: Placed,
    cache: Cache,
) -> None:
    await client.post(f"/api/v1/orders/{paid.order_id}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"/api/v1/orders/{paid.order_id}/deliver", headers=buyer.headers)
    days = settings.complete_after_days

    early = await complete_delivered(
        database, settings, utcnow() + timedelta(days=days - 1), cache=cache
    )
    late = await complete_delivered(
        database, settings, utcnow() + timedelta(days=days, minutes=1), cache=cache
    )

    assert (early, late) == (0, 1)
    order = await order_row(database, paid.order_id)
    assert order.status is OrderStatus.completed


async def test_a_disputed_order_does_not_complete_on_its_own(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    seller: SignedIn,
    buyer: SignedIn,
    paid: Placed,
    cache: Cache,
) -> None:
    await client.post(f"/api/v1/orders/{paid.order_id}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"/api/v1/orders/{paid.order_id}/deliver", headers=buyer.headers)
    await client.post(
        f"/api/v1/orders/{paid.order_id}/dispute", json={"reason": "Torn"}, headers=buyer.headers
    )

    moved = await run_timed_transitions(
        database, settings, utcnow() + timedelta(days=30), cache=cache
    )

    assert moved == 0
    assert (await order_row(database, paid.order_id)).status is OrderStatus.disputed


async def test_a_payment_left_pending_by_a_crash_is_queued_for_capture(
    database: Database, placed: Placed
) -> None:
    soon = await retry_stuck_payments(database, utcnow())
    later = await retry_stuck_payments(database, utcnow() + timedelta(minutes=1))

    assert (soon, later) == ([], [placed.payment_id])


async def test_a_settled_payment_is_never_swept(database: Database, paid: Placed) -> None:
    assert await retry_stuck_payments(database, utcnow() + timedelta(days=1)) == []
