"""Fault drills across the broker: a worker killed mid-task, SMTP down, while members browse.

A real `reloop worker` process does the work; the API keeps serving concurrent clients
through the fault, and must not notice it (the worker's failures are not the request
path's). Each drill reports what it measured; the bounds only guard against hangs.
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psutil
import pytest
from httpx import AsyncClient
from sqlalchemy import func, select, update

from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from reloop.mail.tasks import flush_outbox_task
from reloop.models.mail import EmailStatus, OutboundEmail
from reloop.models.order import OrderEvent
from reloop.models.payment import Payment, PaymentStatus, SimulatedCharge
from reloop.orders.tasks import retry_capture_task
from reloop.runtime.embedded import free_port
from tests.factories.items import choices
from tests.factories.orders import place, set_stock
from tests.factories.social import insert_items
from tests.factories.users import make_member
from tests.fixtures.processes import stop_worker
from tests.fixtures.smtp import SmtpRecorder
from tests.ops.conftest import Report
from tests.ops.traffic import Call, Traffic, scenery, summary, until, unwanted

DRILL_QUEUE = "ops-drill"


@contextmanager
def _worker(queues: str, **env: str) -> Iterator[subprocess.Popen[bytes]]:
    """A `reloop worker` of one pool process on `queues`, stopped (or killed) after."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reloop", "worker", "--queues", queues],
        env={**os.environ, "RELOOP_WORKER_CONCURRENCY": "1", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process
    finally:
        stop_worker(process)


async def _pool_started(worker: subprocess.Popen[bytes]) -> bool:
    return bool(psutil.Process(worker.pid).children())


async def _count(database: Database, statement: object) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(statement) or 0)  # type: ignore[call-overload]


@pytest.mark.timeout(240)
async def test_worker_killed_mid_task_under_traffic(
    client: AsyncClient, database: Database, drill_report: Report
) -> None:
    scene = await scenery(client, database)
    seller = await make_member(database)
    item = (await insert_items(database, await choices(database), seller.user.id, 1))[0]
    await set_stock(database, item, 3)
    buyer = await make_member(database)
    # The slow card: the provider books the charge, then answers after the worker gave up.
    placed = await place(database, buyer.user.id, [(item, 1)], card="sim_0259")
    charges = select(func.count()).select_from(SimulatedCharge)
    paid = select(func.count()).select_from(OrderEvent).where(OrderEvent.type == "paid")

    async def charged() -> bool:
        return await _count(database, charges) == 1

    async def settled() -> bool:
        async with database.sessionmaker() as session:
            payment = await session.get(Payment, placed.payment_id)
            return payment is not None and payment.status is PaymentStatus.succeeded

    with _worker(DRILL_QUEUE, RELOOP_PAYMENT_TIMEOUT_S="5") as worker:
        await until(lambda: _pool_started(worker), 60, "the worker's pool")
        async with Traffic(client, scene.browsing()) as traffic:
            sent = time.monotonic()
            retry_capture_task.apply_async(args=(str(placed.payment_id),), queue=DRILL_QUEUE)
            await until(charged, 60, "the provider to book the charge")
            child = psutil.Process(worker.pid).children()[0]
            child.send_signal(signal.SIGKILL)
            killed = time.monotonic()
            done = await until(settled, 90, "the redelivered task to record the charge")

    assert not child.is_running()
    assert await _count(database, charges) == 1
    assert await _count(database, paid) == 1
    async with database.sessionmaker() as session:
        payment = await session.get(Payment, placed.payment_id)
        assert payment is not None
        assert payment.attempts == 2
    assert unwanted(traffic.samples, allowed_503=set()) == []
    assert [s.status for s in traffic.samples if s.status != 200] == []
    drill_report(
        {
            **summary(traffic.samples),
            "killed_after_s": round(killed - sent, 2),
            "redelivered_and_settled_s": round(done - killed, 2),
            "charges": 1,
            "paid_events": 1,
            "capture_attempts": payment.attempts,
        }
    )


@pytest.mark.timeout(240)
async def test_smtp_down_under_traffic_mail_is_kept_and_delivered_later(
    client: AsyncClient, database: Database, redis: GuardedRedis, drill_report: Report
) -> None:
    scene = await scenery(client, database)
    smtp = SmtpRecorder(port=free_port())  # not started: the server is down
    mail = Call("POST", "/api/v1/_probe/emails", json=lambda n: {"to": f"drill{n}@example.com"})
    pending = (
        select(func.count())
        .select_from(OutboundEmail)
        .where(OutboundEmail.status == EmailStatus.pending, OutboundEmail.attempts >= 1)
    )
    sent = (
        select(func.count())
        .select_from(OutboundEmail)
        .where(OutboundEmail.status == EmailStatus.sent)
    )
    await redis.client.delete("notifications")

    with _worker("notifications", RELOOP_SMTP_URL=smtp.url) as worker:
        await until(lambda: _pool_started(worker), 60, "the worker's pool")
        async with Traffic(client, [mail, *scene.browsing()]) as traffic:

            async def some_queued() -> bool:
                return sum(1 for s in traffic.samples if s.call.path == mail.path) >= 6

            await until(some_queued, 60, "emails requested under traffic")
            await asyncio.sleep(1)
        queued = sum(1 for s in traffic.samples if s.call.path == mail.path and s.status == 202)

        async def all_tried() -> bool:
            return await _count(database, pending) == queued

        await until(all_tried, 60, "every email to fail once and stay in the outbox")
        smtp.start()
        try:
            returned = time.monotonic()
            # What the every-minute sweep does once the backoff has passed, without the wait.
            async with database.transaction() as session:
                await session.execute(update(OutboundEmail).values(next_attempt_at=func.now()))
            flush_outbox_task.apply_async()

            async def all_sent() -> bool:
                return await _count(database, sent) == queued

            delivered = await until(all_sent, 60, "the kept emails to be delivered")
            received = [str(message["To"]) for message in smtp.handler.messages]
        finally:
            smtp.stop()

    assert queued > 0
    assert sorted(received) == sorted(set(received))
    assert len(received) == queued
    assert unwanted(traffic.samples, allowed_503=set()) == []
    assert [s.status for s in traffic.samples if s.status not in (200, 202)] == []
    drill_report(
        {
            **summary(traffic.samples),
            "emails_queued_while_down": queued,
            "emails_delivered_after_return": len(received),
            "duplicates": len(received) - len(set(received)),
            "delivered_after_return_s": round(delivered - returned, 2),
        }
    )
