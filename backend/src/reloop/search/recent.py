"""A member's recent searches: the last ten, newest first, in a Redis list.

Only members have them; without Redis there are none to show, and searching still works.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

import orjson
import structlog
from redis.asyncio import Redis

from reloop.kit.redis import GuardedRedis, RedisUnavailable
from reloop.search.describe import describe
from reloop.search.schemas import RecentSearch, SearchQuery
from reloop.taxonomy.snapshot import Taxonomy

logger = structlog.get_logger(__name__)
KEEP = 10
TTL_S = 90 * 86400


def _key(member_id: uuid.UUID) -> str:
    return f"search:recent:{member_id}"


async def remember(redis: GuardedRedis, member_id: uuid.UUID, query: SearchQuery) -> None:
    """Put `query` first; an identical earlier search moves up rather than repeating."""
    key = _key(member_id)
    entry = orjson.dumps(query.model_dump(mode="json", exclude_defaults=True)).decode()
    at = datetime.now(UTC).isoformat()

    async def write(client: Redis) -> None:
        current: list[Any] = await client.lrange(key, 0, KEEP)
        async with client.pipeline(transaction=True) as pipe:
            for raw in current:
                if orjson.loads(raw)["query"] == entry:
                    pipe.lrem(key, 0, raw)
            pipe.lpush(key, orjson.dumps({"query": entry, "at": at}))
            pipe.ltrim(key, 0, KEEP - 1)
            pipe.expire(key, TTL_S)
            await pipe.execute()

    try:
        await redis.run(write)
    except RedisUnavailable:
        logger.warning("search.recent_unavailable")


async def recent(
    redis: GuardedRedis, member_id: uuid.UUID, taxonomy: Taxonomy
) -> list[RecentSearch]:
    try:
        raw: list[Any] = await redis.run(lambda r: r.lrange(_key(member_id), 0, KEEP - 1))
    except RedisUnavailable:
        return []
    found = []
    for item in raw:
        entry = orjson.loads(item)
        query = SearchQuery.model_validate_json(entry["query"])
        found.append(
            RecentSearch(
                query=query,
                summary=describe(query, taxonomy),
                searched_at=datetime.fromisoformat(entry["at"]),
            )
        )
    return found


async def clear(redis: GuardedRedis, member_id: uuid.UUID) -> None:
    try:
        await redis.run(lambda r: r.delete(_key(member_id)))
    except RedisUnavailable:
        logger.warning("search.recent_unavailable")
