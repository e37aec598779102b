"""Jobs enqueued during a unit of work reach the broker only after it commits.

A task that runs before its rows are visible, or for rows a rollback removed, is the
classic outbox bug; buffering on the session and dispatching after `commit()` avoids it.
Tasks stay idempotent and periodic sweepers pick up what a failed dispatch left behind.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import anyio
import structlog
from celery import Signature, Task
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.redis import GuardedRedis, RedisUnavailable

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
    # Jobs with the same `pending_key` are sent only while none is waiting (`JobGate`).
    pending_key: str | None = None

    def identity(self) -> tuple[str, str, str, float | None]:
        """Two jobs with the same identity do the same work: sending one is enough."""
        name = self.task["task"] if isinstance(self.task, Signature) else self.task.name
        return (str(name), repr(self.args), repr(sorted(self.kwargs.items())), self.countdown_s)


# Jobs of committed transactions waiting for the end of a `jobs_held()` block, each with
# the gate it must pass.
_held: ContextVar[list[tuple[PendingJob, "JobGate | None"]] | None] = ContextVar(
    "reloop_held_jobs", default=None
)


class JobGate:
    """Lets a job with a `pending_key` through only while no job of that key is waiting.

    A job that does "everything pending" (the events dispatcher) needs sending once per
    burst of commits, not after each: the first commit sets the key in Redis (`SET NX`,
    with a lifetime in case the job is lost) and sends the job; later commits see the key
    and send nothing. The job deletes the key (`reopen`) before it reads what is pending,
    so a commit after that sends a new job, and one before it is read by this one. With
    Redis unavailable every job is sent, as it would be without a gate.
    """

    def __init__(self, redis: GuardedRedis, *, lifetime_s: int = 30) -> None:
        self._redis = redis
        self._lifetime_s = lifetime_s

    async def admit(self, key: str) -> bool:
        try:
            return bool(
                await self._redis.run(lambda c: c.set(key, "1", nx=True, ex=self._lifetime_s))
            )
        except RedisUnavailable:
            return True

    async def reopen(self, key: str) -> None:
        try:
            await self._redis.run(lambda c: c.delete(key))
        except RedisUnavailable:
            logger.info("jobs.gate_not_reopened", key=key)


def enqueue_after_commit(
    session: AsyncSession,
    task: Sendable,
    *args: Any,
    countdown_s: float | None = None,
    pending_key: str | None = None,
    **kwargs: Any,
) -> None:
    """Buffer `task(*args, **kwargs)` until the session's transaction commits.

    With a `pending_key`, the job is left out while another of that key is waiting
    (`JobGate`): for jobs whose one run does all the work pending.
    """
    jobs: list[PendingJob] = session.info.setdefault(_JOBS_KEY, [])
    jobs.append(PendingJob(task, args, kwargs, countdown_s, pending_key))


def on_commit(session: AsyncSession, callback: Callable[[], Awaitable[Any]]) -> None:
    """Run `callback()` after the transaction commits (e.g. drop a cache entry)."""
    session.info.setdefault(_CALLBACKS_KEY, []).append(callback)


def discard_jobs(session: AsyncSession) -> None:
    session.info.pop(_JOBS_KEY, None)
    session.info.pop(_CALLBACKS_KEY, None)


def _send(job: PendingJob) -> None:
    options: dict[str, Any] = {} if job.countdown_s is None else {"countdown": job.countdown_s}
    job.task.apply_async(args=job.args, kwargs=job.kwargs, **options)


async def dispatch_jobs(session: AsyncSession, gate: JobGate | None = None) -> None:
    """Run after-commit callbacks and send buffered jobs; failures are logged, never raised.

    Without a `gate`, jobs with a `pending_key` are sent like any other.
    """
    callbacks: list[Callable[[], Awaitable[Any]]] = session.info.pop(_CALLBACKS_KEY, [])
    for callback in callbacks:
        try:
            await callback()
        except Exception:
            logger.exception("after_commit.failed")
    jobs: list[PendingJob] = session.info.pop(_JOBS_KEY, [])
    held = _held.get()
    if held is not None:
        held.extend((job, gate) for job in jobs)
        return
    await _send_all([job for job in jobs if await _admitted(job, gate)])


async def _admitted(job: PendingJob, gate: "JobGate | None") -> bool:
    """Whether `job` may leave: ungated, or its gate lets it through."""
    return gate is None or job.pending_key is None or await gate.admit(job.pending_key)


async def _send_all(jobs: list[PendingJob]) -> None:
    for job in jobs:
        try:
            await anyio.to_thread.run_sync(_send, job)
        except Exception:
            logger.exception("job.dispatch_failed", task=getattr(job.task, "name", None))


@asynccontextmanager
async def jobs_held() -> AsyncIterator[None]:
    """Hold the jobs of the transactions committed inside; send each distinct one at the end.

    A request that commits several transactions in a row (checkout: the orders, then the
    captured payment) would send a dispatcher job after each, though the first dispatch
    finds the events of both. Held, the jobs still leave only after their commits, and
    identical ones (same task, arguments and countdown) leave once, after one pass of
    their gate. The jobs are sent even when the block raises or the request is
    cancelled: their transactions committed.
    """
    held: list[tuple[PendingJob, JobGate | None]] = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
        distinct = {job.identity(): (job, gate) for job, gate in held}.values()
        with anyio.CancelScope(shield=True):
            await _send_all([job for job, gate in distinct if await _admitted(job, gate)])
