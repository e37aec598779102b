"""Jobs reach the broker only after the transaction that queued them commits."""

from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.redis import GuardedRedis
from reloop.models import OutboundEmail

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
