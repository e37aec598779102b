"""Database engine and sessions.

One `AsyncSession` per request and per task. Services and repositories only `flush()`;
the boundary (`transaction()`) commits on success, rolls back on error, and only then
hands the jobs buffered during the unit of work to the broker (see `kit.jobs`).

Reads (`reading()`, which safe HTTP methods get) run in autocommit: each statement is
its own transaction, as in Django's default mode, so a read sends no `BEGIN` and no
`COMMIT`. A read session refuses to write (`WriteInReadSession`): a write that needs
several statements to be atomic must never run there. A write that is one statement
(claiming an idempotency key, booking a charge) runs in `autocommit()`, which writes and
likewise sends neither.
"""

from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import event
from sqlalchemy.engine import CursorResult, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql import Executable
from sqlalchemy.util import await_

from reloop.kit.errors import AppError
from reloop.kit.hot_reads import HotReadPool, HotReads
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
    size: int = 20
    max_overflow: int = 0
    timeout_s: float = 5.0
    statement_timeout_ms: int = 15_000
    application_name: str = "reloop"


def create_engine(url: str, pool: PoolSettings | None = None) -> AsyncEngine:
    """An engine whose pool replaces connections the server closed before handing them out."""
    pool = pool or PoolSettings()
    engine = create_async_engine(
        async_database_url(url),
        # Not `pool_pre_ping`: with asyncpg it is three round trips on every checkout
        # (BEGIN, `;`, ROLLBACK), as many as a feed page's own statements. `_replace_dead`
        # asks with one. A connection lost mid-statement answers 503 and makes the pool
        # replace every connection older than the failure.
        pool_pre_ping=False,
        pool_size=pool.size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.timeout_s,
        pool_recycle=1800,
        # JSON columns (event payloads, order addresses, stored answers) in orjson: the
        # standard library's encoder was a visible share of checkout's profile.
        json_serializer=_json_text,
        json_deserializer=orjson.loads,
        connect_args=connect_args(pool),
    )
    event.listen(engine.sync_engine, "checkout", _replace_dead)
    return engine


def connect_args(pool: PoolSettings) -> dict[str, Any]:
    """asyncpg's arguments for every connection of ours, whichever pool opens it."""
    return {
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
    }


def _replace_dead(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Checkout: a connection the server has closed is replaced (the pool then retries).

    A socket the driver already saw closed needs no question. Otherwise one empty
    statement outside any transaction asks: a backend terminated an instant ago may not
    have reached the driver's event loop yet, and the request must not be the one to find
    out. `pool_pre_ping` asks the same inside `BEGIN` and `ROLLBACK` (for PgBouncer's
    transaction mode, which we do not use).
    """
    connection = dbapi_connection.driver_connection
    if connection.is_closed():
        raise DisconnectionError("the server closed this connection")
    try:
        await_(connection.fetchrow(";"))
    except Exception as error:  # whatever the failure, this connection cannot be used
        raise DisconnectionError("the connection did not answer") from error


class WriteInReadSession(RuntimeError):
    """A write was attempted in a read session: the caller needs `transaction()`."""


class ReadSession(Session):
    """The ORM session of `Database.reading()`; its listeners below refuse writes."""


@event.listens_for(ReadSession, "before_flush")
def _refuse_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    if session.new or session.dirty or session.deleted:
        raise WriteInReadSession("changed objects in a read session")


def _refuse_dml_statement(
    _connection: Any, statement: Any, _multiparams: Any, _params: Any, _options: Any
) -> None:
    if getattr(statement, "is_dml", False):
        raise WriteInReadSession(f"{type(statement).__name__} in a read connection")


@event.listens_for(ReadSession, "do_orm_execute")
def _refuse_dml(state: ORMExecuteState) -> None:
    if state.statement.is_dml:
        raise WriteInReadSession(f"{type(state.statement).__name__} in a read session")


Reads = AsyncSession | AsyncConnection | HotReads
"""Where column `SELECT`s run: a session, or a connection from `Database.selecting()`."""


async def column_rows(
    reads: AsyncSession | AsyncConnection,
    statement: Executable,
    params: Mapping[str, Any] | None = None,
) -> CursorResult[*tuple[Any, ...]]:
    """Run a `SELECT` of plain columns (no entities) on a session's connection, or on a
    connection from `Database.selecting()`.

    Lists read columns rather than entities, so the ORM's side of execution (its compile
    state, loading context and events) only costs CPU: about 0.1 ms a statement, 4 % of
    a home-feed page. The statement runs in the session's transaction all the same.
    """
    connection = reads if isinstance(reads, AsyncConnection) else await reads.connection()
    return await connection.execute(statement, params)


DRIVER_READS = "driver_reads"
"""The execution option of read sessions' connections that lets `DriverSelect` run on asyncpg."""
DRIVER_UNITS = "driver_units"
"""The execution option of units of work whose connections let `DriverStatement` run."""


class Database:
    """An engine and its session factories, owned by the app's lifespan or a worker process.

    `driver_reads=False` keeps every statement inside SQLAlchemy (`kit.driver_select`,
    `kit.driver_statement`), as tracing SQL needs.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        gate: JobGate | None = None,
        driver_reads: bool = True,
        hot_reads: HotReadPool | None = None,
    ) -> None:
        self.engine = engine
        self.gate = gate
        self.hot_reads = hot_reads
        self.sessionmaker = async_sessionmaker(
            engine.execution_options(**{DRIVER_UNITS: driver_reads}),
            expire_on_commit=False,
            autoflush=False,
        )
        self.read_engine = engine.execution_options(
            isolation_level="AUTOCOMMIT", **{DRIVER_READS: driver_reads}
        )
        event.listen(self.read_engine.sync_engine, "before_execute", _refuse_dml_statement)
        self.read_sessionmaker = async_sessionmaker(
            self.read_engine,
            sync_session_class=ReadSession,
            expire_on_commit=False,
            autoflush=False,
        )
        self.autocommit_sessionmaker = async_sessionmaker(
            engine.execution_options(isolation_level="AUTOCOMMIT", **{DRIVER_UNITS: driver_reads}),
            expire_on_commit=False,
            autoflush=False,
        )

    def transaction(self) -> AbstractAsyncContextManager[AsyncSession]:
        """A unit of work: commit on success, roll back on error, then send its jobs.

        An `AppError` raised with `keep_changes=True` commits like a success and is raised
        once the jobs are sent.
        """
        return self._unit(self.sessionmaker)

    def reading(self) -> AbstractAsyncContextManager[AsyncSession]:
        """A read: statements in autocommit, no writes; jobs it enqueues are sent at the end.

        Its commit and rollback send nothing (no transaction was begun), so it shares the
        boundary of `transaction()`.
        """
        return self._unit(self.read_sessionmaker)

    def autocommit(self) -> AbstractAsyncContextManager[AsyncSession]:
        """Writes that are each one statement: every statement commits on its own.

        A transaction of one statement costs two round trips more (`BEGIN`, `COMMIT`) for
        nothing. Only for statements that need not be atomic together; `flush()` of
        several objects is not one statement. Jobs it enqueues are sent at the end, as
        after a unit of work.
        """
        return self._unit(self.autocommit_sessionmaker)

    @asynccontextmanager
    async def _unit(
        self, sessions: async_sessionmaker[AsyncSession]
    ) -> AsyncIterator[AsyncSession]:
        refusal: AppError | None = None
        async with sessions() as session:
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

    def selecting(self) -> AbstractAsyncContextManager[AsyncConnection | HotReads]:
        """A pooled connection for `DriverSelect`s in autocommit, without an ORM session:
        for the hottest reads, which load no entities.

        From the app's `HotReadPool` when it has one (`kit.hot_reads`: about 300 µs of CPU
        a request less than lending through SQLAlchemy); otherwise (SQL traced, scripts) a
        connection of the read engine, which refuses to write like a read session. An ORM
        session's setup and teardown would cost about 90 µs more than either.
        """
        if self.hot_reads is not None:
            return self.hot_reads.lend(self.reading)
        return self.read_engine.connect()

    async def dispose(self) -> None:
        if self.hot_reads is not None:
            await self.hot_reads.close()
        await self.engine.dispose()


async def _abandon(session: AsyncSession) -> None:
    if session.in_transaction():
        await session.rollback()
    discard_jobs(session)
