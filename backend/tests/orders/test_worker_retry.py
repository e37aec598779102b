"""Captures that cross the broker: the retry task and the sweep, run by a real worker."""

import asyncio
import subprocess
import time
import uuid
from datetime import timedelta

from httpx import AsyncClient

from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.models.payment import Payment, PaymentStatus
from reloop.orders.timed import retry_stuck_payments
from tests.factories.commerce import checkout_body
from tests.factories.orders import place
from tests.orders.conftest import SignedIn, order_row, utcnow


async def _settled(database: Database, payment_id: uuid.UUID, timeout_s: float = 60) -> Payment:
    deadline = time.monotonic() + timeout_s
    while True:
        async with database.sessionmaker() as session:
            payment = await session.get(Payment, payment_id)
            assert payment is not None
            if payment.status is PaymentStatus.succeeded:
                return payment
        assert time.monotonic() < deadline, f"payment still {payment.status}"
        await asyncio.sleep(0.1)


async def test_a_lost_answer_at_checkout_is_retried_by_the_worker_until_paid(
    client: AsyncClient,
    database: Database,
    celery_worker: subprocess.Popen[bytes],
    buyer: SignedIn,
    item: uuid.UUID,
) -> None:
    response = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(item, 1, 1000)], card="4000 0000 0000 0119"),
        headers={**buyer.headers, "Idempotency-Key": new_id().hex},
    )
    assert response.status_code == 201, response.text
    assert response.json()["payment"]["status"] == "processing"

    payment = await _settled(database, uuid.UUID(response.json()["payment"]["id"]))

    assert payment.attempts == 2
    order_id = uuid.UUID(response.json()["orders"][0]["id"])
    assert (await order_row(database, order_id)).status.value == "paid"


async def test_a_payment_left_pending_by_a_crash_is_captured_by_the_sweep(
    database: Database, celery_worker: subprocess.Popen[bytes], buyer: SignedIn, item: uuid.UUID
) -> None:
    placed = await place(database, buyer.id, [(item, 1)])

    assert await retry_stuck_payments(database, utcnow() + timedelta(minutes=1)) == [
        placed.payment_id
    ]

    await _settled(database, placed.payment_id)
    assert (await order_row(database, placed.order_id)).status.value == "paid"
