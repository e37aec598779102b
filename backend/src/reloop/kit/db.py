"""Database engine and sessions.

One `AsyncSession` per request and per task. Services and repositories only `flush()`;
the boundary (`transaction()`) commits on success, rolls back on error, and only then
hands the jobs buffered during the unit of work to the broker (see `kit.jobs`).
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from reloop.kit.errors import AppError
from reloop.kit.jobs import JobGate, discard_jobs, dispatch_jobs


def async_database_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use the asyncpg driver for them."""
    parsed = make_url(url)
    if parsed.drivername in {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}:
        parsed = parsed.set(drivername="postgresql+asyncpg")
    return parsed.render_as_string(hide_password=False)


def _json_text(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


@dataclass(frozen=True, slots=True)
class PoolSettings:
    size: int = 10
    max_overflow: int = 10
    timeout_s: float = 5.0
    statement_timeout_ms: int = 15_000
    application_name: str = "reloop"


def create_engine(url: str, pool: PoolSettings | None = None) -> AsyncEngine:
    """An engine whose pool pings connections before use, so a killed backend is replaced."""
    pool = pool or PoolSettings()
    return create_async_engine(
        async_database_url(url),
        pool_pre_ping=True,
        pool_size=pool.size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.timeout_s,
        pool_recycle=1800,
        # JSON columns (event payloads, order addresses, stored answers) in orjson: the
        # standard library's encoder was a visible share of checkout's profile.
        json_serializer=_json_text,
        json_deserializer=orjson.loads,
        connect_args={
            "timeout": pool.timeout_s,
            # No statement timeout (0, as migrations use) means no client timeout either.
            "command_timeout": max(pool.statement_timeout_ms / 1000 + 5, 10)
            if pool.statement_timeout_ms
            else None,
            "server_settings": {
                "application_name": pool.application_name,
                "statement_timeout": str(pool.statement_timeout_ms),
                "idle_in_transaction_session_timeout": "60000",
            },
        },
    )


class Database:
    """An engine and its session factory, owned by the app's lifespan or a worker process."""

    def __init__(self, engine: AsyncEngine, *, gate: JobGate | None = None) -> None:
        self.engine = engine
        self.gate = gate
        self.sessionmaker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commit on success, roll back on error, then send its jobs.

        An `AppError` raised with `keep_changes=True` commits like a success and is raised
        once the jobs are sent.
        """
        refusal: AppError | None = None
        async with self.sessionmaker() as session:
            try:
                yield session
                # Many reads are served without touching the database (cache hits):
                # with no transaction begun there is nothing to commit.
                if session.in_transaction():
                    await session.commit()
            except AppError as error:
                if not error.keep_changes:
                    await _abandon(session)
                    raise
                if session.in_transaction():
                    await session.commit()
                refusal = error
            except BaseException:
                await _abandon(session)
                raise
        if session.info:
            await dispatch_jobs(session, self.gate)
        if refusal is not None:
            raise refusal

    async def dispose(self) -> None:
        await self.engine.dispose()


async def _abandon(session: AsyncSession) -> None:
    if session.in_transaction():
        await session.rollback()
    discard_jobs(session)
