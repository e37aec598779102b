"""Live notifications: Redis pub/sub carries "something changed" to every API instance.

The message is only a nudge: each open stream then reads its member's unread count and
newest notifications from PostgreSQL, so a lost message costs a delay, never a wrong
count, and Redis never holds anything that matters.
"""

import asyncio
import contextlib
import uuid
from collections.abc import Iterable

import structlog
from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

from reloop.kit.redis import GuardedRedis, RedisUnavailable

logger = structlog.get_logger(__name__)
_PUBLISH_CHUNK = 1000


def channel_of(user_id: uuid.UUID) -> str:
    return f"notifications:{user_id}"


async def publish_changes(redis: GuardedRedis, recipients: Iterable[uuid.UUID]) -> None:
    """Nudge each recipient's open streams; a Redis outage only delays them to the next poll."""
    pending = [channel_of(r) for r in recipients]
    try:
        for start in range(0, len(pending), _PUBLISH_CHUNK):
            chunk = pending[start : start + _PUBLISH_CHUNK]

            async def publish(r: Redis, chunk: list[str] = chunk) -> None:
                async with r.pipeline(transaction=False) as pipe:
                    for channel in chunk:
                        pipe.publish(channel, b"1")
                    await pipe.execute()

            await redis.run(publish)
    except RedisUnavailable:
        logger.warning("notifications.publish_skipped", recipients=len(pending))


class LiveHub:
    """One Redis subscription per API process, shared by all of its open streams.

    Streams register a queue per member; the hub subscribes to a member's channel while
    at least one of their streams is open here. If Redis fails, every stream is told to
    end (the browser reconnects with `Last-Event-ID` and polls meanwhile) and the next
    stream to open starts a fresh subscription.
    """

    def __init__(self, redis_url: str) -> None:
        self._url = redis_url
        self._client: Redis | None = None
        self._pubsub: PubSub | None = None
        self._reader: asyncio.Task[None] | None = None
        self._queues: dict[str, set[asyncio.Queue[bool]]] = {}
        self._lock = asyncio.Lock()

    async def _ensure_running(self) -> PubSub:
        if self._pubsub is None or self._reader is None or self._reader.done():
            # No read timeout: the reader waits for messages as long as it takes.
            self._client = Redis.from_url(self._url, socket_connect_timeout=1.0)
            await self._client.ping()
            self._pubsub = self._client.pubsub(ignore_subscribe_messages=True)
            self._reader = asyncio.create_task(self._read(self._pubsub))
        return self._pubsub

    async def _read(self, pubsub: PubSub) -> None:
        try:
            while True:
                if not pubsub.subscribed:
                    await asyncio.sleep(0.05)
                    continue
                message = await pubsub.get_message(timeout=None)
                if message is None or message.get("type") != "message":
                    continue
                raw = message["channel"]
                channel = raw.decode() if isinstance(raw, bytes) else str(raw)
                for queue in list(self._queues.get(channel, ())):
                    queue.put_nowait(True)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.warning("notifications.live_hub_lost_redis", exc_info=True)
            for queues in self._queues.values():
                for queue in queues:
                    queue.put_nowait(False)

    async def subscribe(self, user_id: uuid.UUID) -> "asyncio.Queue[bool]":
        """A queue that receives True for each change and False when the hub broke.

        Raises `RedisUnavailable` when Redis cannot be reached now.
        """
        channel = channel_of(user_id)
        queue: asyncio.Queue[bool] = asyncio.Queue()
        async with self._lock:
            try:
                pubsub = await self._ensure_running()
                if channel not in self._queues:
                    await pubsub.subscribe(channel)
            except (RedisError, OSError) as exc:
                await self._reset()
                raise RedisUnavailable(str(exc)) from exc
            self._queues.setdefault(channel, set()).add(queue)
        return queue

    async def unsubscribe(self, user_id: uuid.UUID, queue: "asyncio.Queue[bool]") -> None:
        channel = channel_of(user_id)
        async with self._lock:
            queues = self._queues.get(channel)
            if queues is None:
                return
            queues.discard(queue)
            if queues:
                return
            del self._queues[channel]
            if self._pubsub is not None and self._reader is not None and not self._reader.done():
                try:
                    await self._pubsub.unsubscribe(channel)
                except (RedisError, OSError):
                    await self._reset()

    async def _reset(self) -> None:
        reader, pubsub, client = self._reader, self._pubsub, self._client
        self._reader = self._pubsub = self._client = None
        if reader is not None:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader
        for closeable in (pubsub, client):
            if closeable is not None:
                with contextlib.suppress(Exception):
                    await closeable.aclose()

    async def close(self) -> None:
        async with self._lock:
            await self._reset()
