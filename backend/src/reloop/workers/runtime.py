"""One event loop, engine and Redis client per worker process.

Celery's prefork pool forks children after the parent imported everything; an engine or
loop created before the fork must not be shared, so the runtime is built lazily in the
process that first runs a task and rebuilt if the pid changes.
"""

import asyncio
import os
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

import uvloop

from reloop.config import Settings, get_settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database, PoolSettings, create_engine
from reloop.kit.jobs import JobGate
from reloop.kit.mail.transport import KeptSmtpConnection, SmtpConfig
from reloop.kit.redis import GuardedRedis, create_redis
from reloop.kit.storage import Storage, create_storage

T = TypeVar("T")


@dataclass(slots=True)
class TaskContext:
    """What a task body needs; tests build one over the test database."""

    settings: Settings
    db: Database
    redis: GuardedRedis
    storage: Storage
    # Mail goes over one kept SMTP connection per worker process (when SMTP is set).
    smtp: KeptSmtpConnection | None = None

    @property
    def cache(self) -> Cache:
        """The cache the API reads (item pages among it), over this worker's Redis."""
        return Cache(self.redis, default_ttl_s=self.settings.cache_default_ttl_s)


@dataclass(slots=True)
class _Runtime:
    pid: int
    loop: asyncio.AbstractEventLoop
    context: TaskContext


_runtime: _Runtime | None = None


def build_context(settings: Settings) -> TaskContext:
    if not settings.database_url or not settings.redis_url:
        raise RuntimeError("RELOOP_DATABASE_URL and RELOOP_REDIS_URL must be set for workers")
    engine = create_engine(
        settings.database_url,
        PoolSettings(size=2, max_overflow=2, application_name="reloop-worker"),
    )
    redis = GuardedRedis(create_redis(settings.redis_url, timeout_s=settings.redis_timeout_s))
    return TaskContext(
        settings=settings,
        db=Database(engine, gate=JobGate(redis)),
        redis=redis,
        storage=create_storage(
            settings.storage_url,
            data_dir=settings.data_dir.resolve(),
            secret=settings.secret_key.get_secret_value(),
            media_base_url=settings.media_base_url,
        ),
        smtp=KeptSmtpConnection(SmtpConfig.from_url(settings.smtp_url))
        if settings.smtp_url
        else None,
    )


def _get_runtime() -> _Runtime:
    global _runtime
    if _runtime is None or _runtime.pid != os.getpid():
        # uvloop, as the API runs on: its C transports halve what a job spends in socket
        # writes to PostgreSQL and SMTP against asyncio's own.
        loop = uvloop.new_event_loop()
        asyncio.set_event_loop(loop)
        _runtime = _Runtime(pid=os.getpid(), loop=loop, context=build_context(get_settings()))
    return _runtime


def run_in_worker(coro_fn: "Any", *args: Any, **kwargs: Any) -> Any:
    """Run `coro_fn(context, *args, **kwargs)` on this process's loop."""
    runtime = _get_runtime()
    coro: Coroutine[Any, Any, Any] = coro_fn(runtime.context, *args, **kwargs)
    return runtime.loop.run_until_complete(coro)


def shutdown_runtime() -> None:
    global _runtime
    if _runtime is None or _runtime.pid != os.getpid():
        return
    runtime, _runtime = _runtime, None
    runtime.loop.run_until_complete(runtime.context.db.dispose())
    runtime.loop.run_until_complete(runtime.context.redis.close())
    if runtime.context.smtp is not None:
        runtime.loop.run_until_complete(runtime.context.smtp.close())
    runtime.loop.close()
