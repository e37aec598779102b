"""The dispatcher in a real worker: after-commit jobs, and a worker killed mid-batch."""

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from typing import Any

import psutil
from httpx import AsyncClient
from sqlalchemy import func, select, text

from reloop.kit.db import Database
from reloop.models.notification import NotificationReceipt
from reloop.notifications.tasks import dispatch_task
from tests.fixtures.processes import stop_worker
from tests.social.conftest import SignedIn, signed_in


async def _until(condition: Any, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not await condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_a_follow_reaches_the_bell_through_the_worker(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, celery_worker: subprocess.Popen[bytes]
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)

    async def notified() -> bool:
        response = await client.get("/api/v1/notifications/unread-count", headers=ana.headers)
        return bool(response.json()["count"] == 1)

    await _until(notified, 60, "the worker to dispatch the follow")


async def _worker_waiting_on_lock(database: Database) -> bool:
    async with database.sessionmaker() as session:
        waiting = await session.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE application_name = 'reloop-worker' AND wait_event_type = 'Lock'"
            )
        )
        return bool(waiting)


async def _worker_sessions_gone(database: Database) -> bool:
    async with database.sessionmaker() as session:
        open_transactions = await session.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'reloop-worker' "
                "AND (wait_event_type = 'Lock' OR state LIKE 'idle in transaction%')"
            )
        )
        return not open_transactions


async def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(
    client: AsyncClient, database: Database, ana: SignedIn, anas_item: uuid.UUID
) -> None:
    others = [await signed_in(client, database) for _ in range(3)]
    for other in others:
        await client.put("/api/v1/users/ana/follow", headers=other.headers)
    await client.post(
        f"/api/v1/items/{anas_item}/comments",
        json={"body": "Still here?"},
        headers=others[0].headers,
    )
    for other in others[1:]:
        await client.put(f"/api/v1/items/{anas_item}/like", headers=other.headers)

    # Hold the comments table so the dispatcher stops at the comment, with the follows
    # already written inside its open transaction, and kill it there.
    holder = await database.engine.connect()
    transaction = await holder.begin()
    await holder.execute(text("LOCK TABLE comments IN ACCESS EXCLUSIVE MODE"))
    worker = subprocess.Popen(  # noqa: ASYNC220 (the test's own worker process)
        [sys.executable, "-m", "reloop", "worker", "--queues", "notifications"],
        env={**os.environ, "RELOOP_WORKER_CONCURRENCY": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        dispatch_task.apply_async(queue="notifications")
        await _until(lambda: _worker_waiting_on_lock(database), 60, "the dispatcher to block")
        for child in psutil.Process(worker.pid).children():
            child.send_signal(signal.SIGKILL)
        await transaction.rollback()
        await holder.close()
        await _until(lambda: _worker_sessions_gone(database), 30, "the killed batch to end")

        # The beat sweep (or the redelivered job) dispatches again.
        dispatch_task.apply_async(queue="notifications")

        async def all_receipts() -> bool:
            async with database.sessionmaker() as session:
                count = await session.scalar(select(func.count()).select_from(NotificationReceipt))
                return count == 6

        await _until(all_receipts, 60, "the events to be dispatched again")
    finally:
        stop_worker(worker)
        if not holder.closed:
            await holder.close()

    notes = (await client.get("/api/v1/notifications", headers=ana.headers)).json()["items"]
    assert sorted((n["type"], n["actor_count"]) for n in notes) == [
        ("comment", 1),
        ("follow", 3),
        ("like", 2),
    ]
