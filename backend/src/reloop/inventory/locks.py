"""Per-item Redis locks in front of checkout: they shed load, they guarantee nothing.

During a burst on one listing (a drop, a bargain), hundreds of checkouts would otherwise
each hold a database connection and a transaction while queueing on the item's row lock.
Waiting here instead, on `lock:item:{id}` (`SET NX PX` with a random token, taken in
item-id order, released by a compare-and-delete Lua script), keeps those waiters off the
pool; the ones that get through find the stock already decided.

Why this is not the guarantee: a lock can expire while its holder still works (a GC
pause, a slow statement past the TTL), a Redis failover can lose a key that was just set,
and a client can believe it holds a lock the server no longer has. Any of these lets two
checkouts through at once. The database row lock (or the version check) and
`CHECK (reserved + sold_quantity <= quantity)` are what make overselling impossible, so a
lock that cannot be had within `wait_s` (a quarter second), or a Redis that is down,
only means the checkout proceeds without it.
"""

import asyncio
import random
import secrets
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import structlog

from reloop.kit.redis import GuardedRedis, RedisUnavailable

logger = structlog.get_logger(__name__)

# Deletes the key only if it still holds our token: never someone else's lock.
_RELEASE = """
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
end
return 0
"""


def lock_key(item_id: uuid.UUID) -> str:
    return f"lock:item:{item_id}"


class ItemLocks:
    def __init__(self, redis: GuardedRedis, *, ttl_ms: int = 3000, wait_s: float = 0.25) -> None:
        self.redis = redis
        self.ttl_ms = ttl_ms
        self.wait_s = wait_s

    async def _acquire(self, key: str, token: str, deadline: float) -> bool:
        loop = asyncio.get_running_loop()
        ttl_ms = self.ttl_ms
        attempt = 0
        while True:
            taken = await self.redis.run(lambda c: c.set(key, token, nx=True, px=ttl_ms))
            if taken:
                return True
            if loop.time() >= deadline:
                return False
            # Growing, jittered pauses: a crowd of waiters must not become a crowd of
            # Redis calls (the burst this is meant to smooth).
            pause = min(0.005 * 2**attempt, 0.05) * random.uniform(0.5, 1.5)  # noqa: S311
            attempt += 1
            await asyncio.sleep(min(pause, max(deadline - loop.time(), 0)))

    async def _release(self, keys: list[str], token: str) -> None:
        for key in reversed(keys):
            try:
                await self.redis.run(lambda c, k=key: c.eval(_RELEASE, 1, k, token))  # type: ignore[misc]
            except RedisUnavailable:
                return  # the TTL frees it

    @asynccontextmanager
    async def holding(self, item_ids: Iterable[uuid.UUID]) -> AsyncIterator[bool]:
        """Hold the locks of `item_ids` while the block runs; yields whether it got them."""
        token = secrets.token_hex(16)
        held: list[str] = []
        deadline = asyncio.get_running_loop().time() + self.wait_s
        complete = True
        try:
            for item_id in sorted(set(item_ids)):
                key = lock_key(item_id)
                if not await self._acquire(key, token, deadline):
                    complete = False
                    break
                held.append(key)
        except RedisUnavailable:
            complete = False
        if not complete:
            await self._release(held, token)
            held = []
            logger.info("inventory.lock_skipped")
        try:
            yield complete
        finally:
            await self._release(held, token)
