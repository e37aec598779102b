"""Jobs reach the broker only after the transaction that queued them commits (or later, held)."""

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.events.service import DISPATCH_PENDING_KEY, DISPATCH_TASK
from reloop.kit.db import Database
from reloop.kit.jobs import JobGate, enqueue_after_commit, jobs_held
from reloop.kit.redis import GuardedRedis, create_redis
from reloop.models import OutboundEmail
from reloop.workers.app import celery_app

QUEUE = "notifications"


async def test_a_committed_request_sends_its_job(
    client: AsyncClient, redis: GuardedRedis, session: AsyncSession
) -> None:
    await redis.client.delete(QUEUE)

    response = await client.post("/api/v1/_probe/emails", json={"to": "ana@example.com"})

    assert response.status_code == 202
    assert await redis.client.llen(QUEUE) == 1
    assert await session.scalar(select(func.count()).select_from(OutboundEmail)) == 1


async def test_a_rolled_back_request_sends_nothing_and_writes_nothing(
    client: AsyncClient, redis: GuardedRedis, session: AsyncSession
) -> None:
    await redis.client.delete(QUEUE)

    response = await client.post(
        "/api/v1/_probe/emails", json={"to": "ana@example.com", "fail_after_queueing": True}
    )

    assert response.status_code == 409
    assert await redis.client.llen(QUEUE) == 0
    assert await session.scalar(select(func.count()).select_from(OutboundEmail)) == 0


async def test_held_jobs_leave_only_when_the_block_ends(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE)

    async with jobs_held():
        async with database.transaction() as session:
            enqueue_after_commit(session, celery_app.signature(DISPATCH_TASK))
        waiting = await redis.client.llen(QUEUE)

    assert waiting == 0
    assert await redis.client.llen(QUEUE) == 1


async def test_identical_held_jobs_of_several_transactions_are_sent_once(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE)

    async with jobs_held():
        for _ in range(3):
            async with database.transaction() as session:
                enqueue_after_commit(session, celery_app.signature(DISPATCH_TASK))
        async with database.transaction() as session:
            enqueue_after_commit(session, celery_app.signature("mail.deliver"), "an-email")

    assert await redis.client.llen(QUEUE) == 2


async def test_held_jobs_of_committed_transactions_are_sent_when_the_block_raises(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE)

    async def commit_then_fail() -> None:
        async with jobs_held():
            async with database.transaction() as session:
                enqueue_after_commit(session, celery_app.signature(DISPATCH_TASK))
            raise LookupError("after the commit")

    with pytest.raises(LookupError):
        await commit_then_fail()

    assert await redis.client.llen(QUEUE) == 1


async def test_a_gated_job_is_left_out_while_one_of_its_key_is_waiting(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE)
    gated = Database(database.engine, gate=JobGate(redis))

    for _ in range(3):
        async with gated.transaction() as session:
            enqueue_after_commit(
                session, celery_app.signature(DISPATCH_TASK), pending_key=DISPATCH_PENDING_KEY
            )

    assert await redis.client.llen(QUEUE) == 1


class CountingGate(JobGate):
    def __init__(self, redis: GuardedRedis) -> None:
        super().__init__(redis)
        self.asked = 0

    async def admit(self, key: str) -> bool:
        self.asked += 1
        return await super().admit(key)


async def test_held_gated_jobs_ask_their_gate_once_when_the_block_ends(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE, DISPATCH_PENDING_KEY)
    gate = CountingGate(redis)
    gated = Database(database.engine, gate=gate)

    async with jobs_held():
        for _ in range(2):
            async with gated.transaction() as session:
                enqueue_after_commit(
                    session, celery_app.signature(DISPATCH_TASK), pending_key=DISPATCH_PENDING_KEY
                )
        asked_inside = gate.asked

    assert (asked_inside, gate.asked) == (0, 1)
    assert await redis.client.llen(QUEUE) == 1


async def test_a_reopened_gate_lets_the_next_job_through(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE)
    gate = JobGate(redis)
    gated = Database(database.engine, gate=gate)

    for _ in range(2):
        async with gated.transaction() as session:
            enqueue_after_commit(
                session, celery_app.signature(DISPATCH_TASK), pending_key=DISPATCH_PENDING_KEY
            )
        await gate.reopen(DISPATCH_PENDING_KEY)

    assert await redis.client.llen(QUEUE) == 2


async def test_with_redis_unreachable_every_gated_job_is_sent(
    database: Database, redis: GuardedRedis
) -> None:
    await redis.client.delete(QUEUE)
    unreachable = GuardedRedis(create_redis("redis://127.0.0.1:1/0", timeout_s=0.2))
    gated = Database(database.engine, gate=JobGate(unreachable))

    try:
        for _ in range(2):
            async with gated.transaction() as session:
                enqueue_after_commit(
                    session, celery_app.signature(DISPATCH_TASK), pending_key=DISPATCH_PENDING_KEY
                )
    finally:
        await unreachable.close()

    assert await redis.client.llen(QUEUE) == 2
