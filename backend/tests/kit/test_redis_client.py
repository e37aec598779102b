"""The Redis client every process builds (`create_redis`), against a server we restart."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from reloop.kit.redis import GuardedRedis, create_redis
from reloop.runtime.embedded import EmbeddedRedis


@pytest.fixture
def restartable(tmp_path: Path) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(tmp_path)
    server.start()
    yield server
    server.stop()


async def test_pooled_connections_from_before_a_restart_fail_no_request(
    restartable: EmbeddedRedis,
) -> None:
    redis = GuardedRedis(create_redis(restartable.start(), timeout_s=0.5))
    try:
        # Four connections in the pool, all opened before the restart.
        await asyncio.gather(*(redis.run(lambda c: c.ping()) for _ in range(4)))
        await asyncio.to_thread(restartable.stop)
        await asyncio.to_thread(restartable.start)

        answers = await asyncio.gather(*(redis.run(lambda c: c.ping()) for _ in range(4)))
    finally:
        await redis.client.aclose()

    assert answers == [True] * 4
    assert not redis.breaker.is_open
