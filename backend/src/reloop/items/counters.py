"""View counts, buffered in Redis and written to PostgreSQL in batches by beat.

Counting a view is one HINCRBY, never a row update on a hot listing. Every minute the
buffer is renamed (atomically, so new views go to a fresh hash) and applied in one UPDATE.
A crash between the UPDATE and the DEL of the renamed hash can count that minute twice;
views are a popularity signal, so at-least-once is the right trade.
"""

import time
import uuid

import structlog
from redis.asyncio import Redis
from sqlalchemy import bindparam, text

from reloop.items.keys import item_cache_key
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis, RedisUnavailable

PENDING = "views:pending"
_APPLY = text(
    "UPDATE items SET view_count = view_count + v.n "
    "FROM unnest(CAST(:ids AS uuid[]), CAST(:views AS bigint[])) AS v(id, n) "
    "WHERE items.id = v.id"
).bindparams(bindparam("ids"), bindparam("views"))
_FLUSHING_PREFIX = "views:flushing:"
logger = structlog.get_logger(__name__)


async def record_view(redis: GuardedRedis, item_id: uuid.UUID) -> None:
    try:
        await redis.run(lambda r: r.hincrby(PENDING, str(item_id), 1))
    except RedisUnavailable:
        return


# The reads of the item page as one command each: a script that counts and fetches costs
# the API about a third of the CPU of the same two commands pipelined (320 → 220 µs).
_PAGE_COUNTING_VIEW = (
    "redis.call('HINCRBY', KEYS[2], ARGV[1], 1)\nreturn redis.call('GET', KEYS[1])"
)
# A member's view of their own listing is not counted; the cached entry names its seller.
_PAGE_COUNTING_MEMBERS_VIEW = """
local page = redis.call('GET', KEYS[1])
if page and cjson.decode(page)['seller_id'] ~= ARGV[2] then
  redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
end
return page
"""


async def cached_page_counting_view(
    cache: Cache, item_id: uuid.UUID, viewer: uuid.UUID | None = None
) -> bytes | None:
    """The cached page entry of `item_id` and the view counted, in one round trip.

    A visitor's view is counted even on a cache miss (the page is then rendered from the
    database), so visitors are counted exactly once either way. A member's is counted
    only on a hit, and not on their own listing: on a miss the rendering counts it.
    """
    key = cache.prefix + item_cache_key(item_id)

    async def read(r: Redis) -> object:
        if viewer is None:
            return await r.eval(_PAGE_COUNTING_VIEW, 2, key, PENDING, str(item_id))
        return await r.eval(_PAGE_COUNTING_MEMBERS_VIEW, 2, key, PENDING, str(item_id), str(viewer))

    try:
        page = await cache.redis.run(read)
    except RedisUnavailable:
        return None
    return page if isinstance(page, bytes) else None


async def flush_views(db: Database, redis: GuardedRedis) -> int:
    """Apply buffered views (and any batch a crashed run left behind); views applied.

    Runs in a worker where Redis being down should fail the run loudly (beat retries it a
    minute later), so it uses the client directly rather than the breaker.
    """
    client = redis.client
    batch = f"{_FLUSHING_PREFIX}{int(time.time() * 1000)}"
    if await client.exists(PENDING):
        await client.rename(PENDING, batch)
    applied = 0
    async for key in client.scan_iter(match=f"{_FLUSHING_PREFIX}*"):
        counts = await client.hgetall(key)
        ids = [uuid.UUID(item.decode() if isinstance(item, bytes) else item) for item in counts]
        views = [int(n) for n in counts.values()]
        if ids:
            async with db.transaction() as session:
                await session.execute(_APPLY.bindparams(ids=ids, views=views))
            applied += sum(views)
        await client.delete(key)
    return applied
