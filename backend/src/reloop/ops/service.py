"""Readiness checks: each dependency probed concurrently, each with its own timeout."""

import asyncio
import time
from collections.abc import Awaitable, Callable

import anyio
from kombu import Connection
from sqlalchemy import text

from reloop import __version__
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from reloop.ops.schemas import DependencyCheck, Readiness


async def _timed(probe: Callable[[], Awaitable[object]], timeout_s: float) -> DependencyCheck:
    start = time.perf_counter()
    try:
        await asyncio.wait_for(probe(), timeout_s)
    except TimeoutError:
        error: str | None = f"no answer within {timeout_s:g}s"
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:300]
    else:
        error = None
    return DependencyCheck(
        ok=error is None, latency_ms=round((time.perf_counter() - start) * 1000, 2), error=error
    )


def _probe_broker(url: str, timeout_s: float) -> None:
    with Connection(url, connect_timeout=timeout_s, transport_options={"max_retries": 0}) as conn:
        conn.ensure_connection(max_retries=1, timeout=max(int(timeout_s), 1))


async def check_readiness(
    db: Database, redis: GuardedRedis, broker_url: str | None, timeout_s: float
) -> Readiness:
    """Database, Redis and the Celery broker, each answering or named as down."""

    async def database() -> None:
        async with db.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def cache() -> None:
        # Straight to the client: readiness must see Redis even while the breaker is open.
        await redis.client.ping()

    async def broker() -> None:
        if not broker_url:
            raise RuntimeError("no broker configured")
        await anyio.to_thread.run_sync(_probe_broker, broker_url, timeout_s, abandon_on_cancel=True)

    results = await asyncio.gather(
        _timed(database, timeout_s), _timed(cache, timeout_s), _timed(broker, timeout_s)
    )
    checks = dict(zip(("database", "redis", "broker"), results, strict=True))
    return Readiness(
        status="ok" if all(c.ok for c in checks.values()) else "unavailable",
        checks=checks,
        version=__version__,
    )
