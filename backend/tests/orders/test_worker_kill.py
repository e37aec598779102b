"""A worker killed while a payment retry waits on the provider: one capture, recorded once.

The retry task is acknowledged late, so the killed pool process puts it back on the queue.
The provider had already booked the charge under `payment:{id}:capture`; the redelivered
task sends the same key, finds that charge and records it: one charge, one `paid`.
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid

import psutil
from sqlalchemy import func, select

from reloop.kit.db import Database
from reloop.models.order import OrderEvent
from reloop.models.payment import Payment, PaymentStatus, SimulatedCharge
from reloop.orders.tasks import retry_capture_task
from tests.factories.orders import place
from tests.fixtures.environment import ServiceEnvironment
from tests.fixtures.processes import stop_worker
from tests.orders.conftest import SignedIn

QUEUE = "orders-redelivery-test"


async def _until(condition: object, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not await condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


async def _count(database: Database, statement: object) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(statement) or 0)  # type: ignore[call-overload]


async def test_a_worker_killed_during_a_payment_retry_captures_exactly_once(
    database: Database, test_environment: ServiceEnvironment, buyer: SignedIn, item: uuid.UUID
) -> None:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0259")
    charges = select(func.count()).select_from(SimulatedCharge)
    worker = subprocess.Popen(  # noqa: ASYNC220 (the test's own worker process)
        [sys.executable, "-m", "reloop", "worker", "--queues", QUEUE],
        env={**os.environ, "RELOOP_WORKER_CONCURRENCY": "1", "RELOOP_PAYMENT_TIMEOUT_S": "5"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        await _until(
            lambda: asyncio.sleep(0, bool(psutil.Process(worker.pid).children())), 60, "the pool"
        )
        retry_capture_task.apply_async(args=(str(placed.payment_id),), queue=QUEUE)

        async def charged() -> bool:
            return await _count(database, charges) == 1

        await _until(charged, 60, "the provider to book the charge")
        child = psutil.Process(worker.pid).children()[0]
        child.send_signal(signal.SIGKILL)

        async def settled() -> bool:
            async with database.sessionmaker() as session:
                payment = await session.get(Payment, placed.payment_id)
                return payment is not None and payment.status is PaymentStatus.succeeded

        await _until(settled, 90, "the redelivered retry to record the charge")
    finally:
        stop_worker(worker)

    assert not child.is_running()
    assert await _count(database, charges) == 1
    paid = select(func.count()).select_from(OrderEvent).where(OrderEvent.type == "paid")
    assert await _count(database, paid) == 1
    async with database.sessionmaker() as session:
        payment = await session.get(Payment, placed.payment_id)
        assert payment is not None
        assert payment.attempts == 2
