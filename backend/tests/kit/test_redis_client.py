"""The Redis client every process builds (`create_redis`), against a server we restart."""

import asyncio

from reloop.kit.redis import GuardedRedis, create_redis
from reloop.runtime.embedded import EmbeddedRedis


async def test_pooled_connections_from_before_a_restart_fail_no_request(
    own_redis: EmbeddedRedis,
) -> None:
    redis = GuardedRedis(create_redis(own_redis.start(), timeout_s=0.5))
    try:
        # Four connections in the pool, all opened before the restart.
        await asyncio.gather(*(redis.run(lambda c: c.ping()) for _ in range(4)))
        await asyncio.to_thread(own_redis.stop)
        await asyncio.to_thread(own_redis.start)

        answers = await asyncio.gather(*(redis.run(lambda c: c.ping()) for _ in range(4)))
    finally:
        await redis.client.aclose()

    assert answers == [True] * 4
    assert not redis.breaker.is_open
