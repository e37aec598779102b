"""Cache-aside over Redis: read through, write on miss, invalidate on change.

Values are JSON bytes (orjson). Every Redis failure degrades to a miss, so a request that
can be answered from the database is answered while Redis is away.
"""

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import orjson
import structlog

from reloop.kit.redis import GuardedRedis, RedisUnavailable

T = TypeVar("T")
logger = structlog.get_logger(__name__)

# A field set into a group (a hash) that has no lifetime yet gives the group one: the
# group's fields then all expire together, `ttl` seconds after the first was written.
_SET_FIELD = """
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('TTL', KEYS[1]) < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
end
return 1
"""


class Cache:
    def __init__(self, redis: GuardedRedis, *, prefix: str = "cache:", default_ttl_s: int = 60):
        self.redis = redis
        self.prefix = prefix
        self.default_ttl_s = default_ttl_s

    def _key(self, key: str) -> str:
        return self.prefix + key

    async def get(self, key: str) -> Any:
        """The cached JSON value, or `None` on a miss or when Redis is unavailable."""
        try:
            raw = await self.redis.run(lambda r: r.get(self._key(key)))
        except RedisUnavailable:
            return None
        return None if raw is None else orjson.loads(raw)

    async def set(self, key: str, value: Any, ttl_s: int | None = None) -> None:
        payload = orjson.dumps(value)
        try:
            await self.redis.run(
                lambda r: r.set(self._key(key), payload, ex=ttl_s or self.default_ttl_s)
            )
        except RedisUnavailable:
            logger.debug("cache.set_skipped", key=key)

    async def get_bytes(self, key: str) -> bytes | None:
        """The cached bytes as stored (for bodies served without re-encoding)."""
        try:
            raw = await self.redis.run(lambda r: r.get(self._key(key)))
        except RedisUnavailable:
            return None
        return raw if isinstance(raw, bytes) else None

    async def set_bytes(self, key: str, payload: bytes, ttl_s: int | None = None) -> None:
        try:
            await self.redis.run(
                lambda r: r.set(self._key(key), payload, ex=ttl_s or self.default_ttl_s)
            )
        except RedisUnavailable:
            logger.debug("cache.set_skipped", key=key)

    async def get_field(self, group: str, field: str) -> bytes | None:
        """Bytes stored under `field` of a group written by `set_field`."""
        try:
            raw = await self.redis.run(lambda r: r.hget(self._key(group), field))
        except RedisUnavailable:
            return None
        return raw if isinstance(raw, bytes) else None

    async def set_field(self, group: str, field: str, payload: bytes, ttl_s: int) -> None:
        """Store `payload` in a group whose fields all expire `ttl_s` after the first one
        was written; `delete(group)` drops them all at once."""
        key = self._key(group)
        try:
            await self.redis.run(lambda r: r.eval(_SET_FIELD, 1, key, field, payload, str(ttl_s)))
        except RedisUnavailable:
            logger.debug("cache.set_skipped", key=group)

    async def delete(self, *keys: str) -> None:
        if not keys:
            return
        names = [self._key(k) for k in keys]
        try:
            await self.redis.run(lambda r: r.delete(*names))
        except RedisUnavailable:
            # A stale entry outlives its TTL at most; the write itself already committed.
            logger.warning("cache.invalidate_failed", keys=list(keys))

    async def get_or_load(
        self,
        key: str,
        loader: Callable[[], Awaitable[T]],
        *,
        ttl_s: int | None = None,
        dump: Callable[[T], Any] = lambda v: v,
        load: Callable[[Any], T] = lambda v: v,
    ) -> T:
        """Cache-aside read: the cached value, or `loader()` stored for next time."""
        cached = await self.get(key)
        if cached is not None:
            return load(cached)
        value = await loader()
        if value is not None:
            await self.set(key, dump(value), ttl_s)
        return value
