"""Redis access guarded by a circuit breaker.

When Redis is down, callers must fall back (cache misses go to the database, rate limits
fail open or closed by choice) instead of waiting on a dead server for every request. The
breaker opens after a few consecutive failures and lets one probe through after a pause,
so recovery needs no restart.
"""

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError, RedisError

T = TypeVar("T")
logger = structlog.get_logger(__name__)


class RedisUnavailable(Exception):
    """Redis could not be used for this call (it failed, or the breaker is open)."""


class CircuitBreaker:
    def __init__(self, failure_threshold: int = 3, reset_after_s: float = 2.0) -> None:
        self.failure_threshold = failure_threshold
        self.reset_after_s = reset_after_s
        self._failures = 0
        self._opened_at: float | None = None

    @property
    def is_open(self) -> bool:
        if self._opened_at is None:
            return False
        # Half-open: after the pause, let calls through to probe; one failure re-opens.
        return time.monotonic() - self._opened_at < self.reset_after_s

    def record_success(self) -> None:
        if self._opened_at is not None:
            logger.info("redis.circuit_closed")
        self._failures = 0
        self._opened_at = None

    def record_failure(self) -> None:
        self._failures += 1
        if self._failures >= self.failure_threshold:
            if self._opened_at is None:
                logger.warning("redis.circuit_opened", failures=self._failures)
            self._opened_at = time.monotonic()


def create_redis(url: str, *, timeout_s: float) -> "Redis":
    """A client with short timeouts (`RELOOP_REDIS_TIMEOUT_S`): a slow Redis must not
    stall the request path."""
    return Redis.from_url(
        url,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
        health_check_interval=15,
        # After Redis restarts, every pooled connection is dead: without a retry each one
        # fails a request once, and a few such failures in a row reopen the breaker.
        # One retry on a fresh connection, for connection errors only (a timeout still
        # fails fast).
        retry=Retry(NoBackoff(), 1, supported_errors=(ConnectionError,)),
        decode_responses=False,
    )


class GuardedRedis:
    """A Redis client plus the breaker every caller goes through."""

    def __init__(self, client: "Redis", breaker: CircuitBreaker | None = None) -> None:
        self.client = client
        self.breaker = breaker or CircuitBreaker()

    async def run(self, operation: Callable[["Redis"], Awaitable[T]]) -> T:
        """Run `operation(client)`; raise `RedisUnavailable` instead of hanging or leaking."""
        if self.breaker.is_open:
            raise RedisUnavailable("circuit open")
        try:
            result = await operation(self.client)
        except (RedisError, OSError) as exc:
            self.breaker.record_failure()
            raise RedisUnavailable(str(exc)) from exc
        self.breaker.record_success()
        return result

    async def close(self) -> None:
        await self.client.aclose()
