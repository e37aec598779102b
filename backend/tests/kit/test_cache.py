"""Cache-aside over a real Redis."""

from httpx import AsyncClient

from reloop.kit.cache import Cache
from reloop.kit.redis import GuardedRedis


async def test_a_second_read_is_served_from_the_cache(client: AsyncClient) -> None:
    first = (await client.get("/api/v1/_probe/cached/a")).json()
    second = (await client.get("/api/v1/_probe/cached/a")).json()

    assert first == second


async def test_invalidation_makes_the_next_read_load_again(
    client: AsyncClient, redis: GuardedRedis
) -> None:
    first = (await client.get("/api/v1/_probe/cached/b")).json()
    await Cache(redis).delete("probe:b")

    second = (await client.get("/api/v1/_probe/cached/b")).json()

    assert second != first


async def test_values_expire_after_their_ttl(redis: GuardedRedis) -> None:
    cache = Cache(redis)
    await cache.set("k", {"v": 1}, ttl_s=30)

    ttl = await redis.client.ttl("cache:k")

    assert 0 < ttl <= 30
    assert await cache.get("k") == {"v": 1}
