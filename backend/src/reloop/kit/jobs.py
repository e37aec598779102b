"""Jobs enqueued during a unit of work reach the broker only after it commits.

A task that runs before its rows are visible, or for rows a rollback removed, is the
classic outbox bug; buffering on the session and dispatching after `commit()` avoids it.
Tasks stay idempotent and periodic sweepers pick up what a failed dispatch left behind.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import anyio
import structlog
from celery import Signature, Task
from sqlalchemy.ext.asyncio import AsyncSession

_JOBS_KEY = "reloop.pending_jobs"
_CALLBACKS_KEY = "reloop.on_commit"
logger = structlog.get_logger(__name__)


# A task, or a signature naming one by string (for callers below the task's domain).
Sendable = Task[Any, Any] | Signature[Any]


@dataclass(frozen=True, slots=True)
class PendingJob:
    task: Sendable
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    countdown_s: float | None = None


def enqueue_after_commit(
    session: AsyncSession,
    task: Sendable,
    *args: Any,
    countdown_s: float | None = None,
    **kwargs: Any,
) -> None:
    """Buffer `task(*args, **kwargs)` until the session's transaction commits."""
    jobs: list[PendingJob] = session.info.setdefault(_JOBS_KEY, [])
    jobs.append(PendingJob(task, args, kwargs, countdown_s))


def on_commit(session: AsyncSession, callback: Callable[[], Awaitable[Any]]) -> None:
    """Run `callback()` after the transaction commits (e.g. drop a cache entry)."""
    session.info.setdefault(_CALLBACKS_KEY, []).append(callback)


def discard_jobs(session: AsyncSession) -> None:
    session.info.pop(_JOBS_KEY, None)
    session.info.pop(_CALLBACKS_KEY, None)


def _send(job: PendingJob) -> None:
    options: dict[str, Any] = {} if job.countdown_s is None else {"countdown": job.countdown_s}
    job.task.apply_async(args=job.args, kwargs=job.kwargs, **options)


async def dispatch_jobs(session: AsyncSession) -> None:
    """Run after-commit callbacks and send buffered jobs; failures are logged, never raised."""
    callbacks: list[Callable[[], Awaitable[Any]]] = session.info.pop(_CALLBACKS_KEY, [])
    for callback in callbacks:
        try:
            await callback()
        except Exception:
            logger.exception("after_commit.failed")
    jobs: list[PendingJob] = session.info.pop(_JOBS_KEY, [])
    for job in jobs:
        try:
            await anyio.to_thread.run_sync(_send, job)
        except Exception:
            logger.exception("job.dispatch_failed", task=getattr(job.task, "name", None))
