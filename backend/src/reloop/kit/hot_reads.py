"""`HotReadPool`: asyncpg's own pool for the hottest reads, beside SQLAlchemy's.

The home feed, the popular feed and a member's item page run only `DriverSelect`s
(statements built once, run on asyncpg itself) on a connection lent for the request.
Lending it through SQLAlchemy's async pool (`AsyncConnection`, its greenlet hops, the
checkout's liveness question, the return's reset) and running one statement cost 440 to
510 µs of CPU on the machine of 2026-12-07, in one process; through an asyncpg pool that
sends no reset query, 140 to 180 µs. So those reads borrow from this pool instead.

What it keeps of SQLAlchemy's pool:

- the same connections: server settings (application name, statement timeout),
  command timeout and SQLAlchemy's JSON codecs, so a `DriverSelect` compiled once gives
  the same rows on either;
- a lost connection replaced, without a question at every checkout: each read is its own
  transaction (autocommit), so a statement that finds its connection gone runs again,
  once, on a fresh one, and every connection opened before it is replaced when next lent
  (a server that drops one has often dropped all); a second loss answers 503, as a lost
  connection does elsewhere;
- the engine's `before_cursor_execute` and `after_cursor_execute` listeners see each
  statement, with `None` for the connection and cursor (statement counts in tests, the
  benchmarks' recordings).

No reset query on return: only `HotReads` borrows these connections, and it runs plain
`SELECT`s outside any transaction, leaving no session state behind (asyncpg's own cleanup
still ends a transaction and drops listeners). Tracing SQL needs SQLAlchemy's execution
context, so with tracing on there is no such pool and the reads go through SQLAlchemy.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from types import SimpleNamespace
from typing import Any

import asyncpg
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from reloop.kit.errors import ServiceUnavailable
from reloop.kit.exception_handlers import database_connection_lost, lost_connection_state

Sessions = Callable[[], AbstractAsyncContextManager[AsyncSession]]


def _lost(error: BaseException, connection: asyncpg.Connection | None) -> bool:
    """Whether `error` says the connection is gone (not that the statement failed)."""
    if isinstance(error, OSError | asyncpg.PostgresConnectionError):
        return True
    if isinstance(error, asyncpg.PostgresError):
        return lost_connection_state(error.sqlstate)
    if isinstance(error, asyncpg.InternalClientError):
        # The protocol was left mid-operation: a connection whose server went away before
        # the driver saw it close, handed out again.
        return True
    if isinstance(error, asyncpg.InterfaceError):
        return connection is None or _closed(connection)
    return False


def _closed(connection: asyncpg.Connection) -> bool:
    try:
        return bool(connection.is_closed())
    except asyncpg.InterfaceError:  # the pool took it back when it closed
        return True


class HotReads:
    """A connection lent to one request: runs compiled statements, replaces a lost one."""

    def __init__(
        self, pool: "HotReadPool", connection: asyncpg.Connection, sessions: Sessions
    ) -> None:
        self._pool = pool
        self._connection: asyncpg.Connection | None = connection
        self.sessions = sessions
        """A read session, for the rare read that needs the ORM (a taxonomy load)."""

    @property
    def connection(self) -> asyncpg.Connection:
        if self._connection is None:
            raise database_connection_lost()
        return self._connection

    @property
    def dialect(self) -> Dialect:
        return self._pool.engine.dialect

    async def fetch(self, sql: str, arguments: Sequence[Any]) -> list[asyncpg.Record]:
        """The statement's records; run again once on a fresh connection if this one is lost."""
        sync = self._pool.engine.sync_engine
        observed = bool(sync.dispatch.before_cursor_execute or sync.dispatch.after_cursor_execute)
        if observed:
            sync.dispatch.before_cursor_execute(None, None, sql, arguments, None, False)
        try:
            records: list[asyncpg.Record] = await self.connection.fetch(sql, *arguments)
        except Exception as error:
            if not _lost(error, self._connection):
                raise
            await self._drop()
            self._connection = await self._pool.acquire()
            try:
                records = await self.connection.fetch(sql, *arguments)
            except Exception as again:
                if not _lost(again, self._connection):
                    raise
                await self._drop()
                raise database_connection_lost() from again
        if observed:
            sync.dispatch.after_cursor_execute(None, None, sql, arguments, None, False)
        return records

    async def _drop(self) -> None:
        """Give up the lost connection: nothing of it goes back into the pool."""
        lost, self._connection = self._connection, None
        if lost is not None:
            await self._pool.discard(lost)


class HotReadPool:
    """asyncpg's pool of read connections, made like `engine`'s (see the module)."""

    def __init__(self, engine: AsyncEngine, pool: asyncpg.Pool, timeout_s: float) -> None:
        self.engine = engine
        self._pool = pool
        self._timeout_s = timeout_s

    @classmethod
    async def open(
        cls, engine: AsyncEngine, connect_args: dict[str, Any], *, size: int, timeout_s: float
    ) -> "HotReadPool":
        """A pool of up to `size` connections, opened as they are first needed."""
        dialect: Any = engine.dialect
        _, url_args = dialect.create_connect_args(engine.url)

        async def with_sqlalchemys_codecs(connection: asyncpg.Connection) -> None:
            adapted = SimpleNamespace(_connection=connection)  # what the dialect reads
            await dialect.setup_asyncpg_json_codec(adapted)
            await dialect.setup_asyncpg_jsonb_codec(adapted)

        async def no_reset(_connection: asyncpg.Connection) -> None:
            return None

        pool = await asyncpg.create_pool(
            **url_args,
            **connect_args,
            min_size=0,
            max_size=size,
            max_inactive_connection_lifetime=1800,
            init=with_sqlalchemys_codecs,
            reset=no_reset,
        )
        return cls(engine, pool, timeout_s)

    @asynccontextmanager
    async def lend(self, sessions: Sessions) -> AsyncIterator[HotReads]:
        """A connection for the block, given back after it."""
        reads = HotReads(self, await self.acquire(), sessions)
        try:
            yield reads
        finally:
            if reads._connection is not None:
                await self._pool.release(reads._connection)

    async def acquire(self) -> asyncpg.Connection:
        """A connection; 503 when none can be had in time or the server cannot be reached."""
        try:
            # Not `acquire(timeout=…)`: asyncpg runs that in a task of its own (`wait_for`),
            # a few percent of an item page's CPU; a timeout scope costs a timer only.
            async with asyncio.timeout(self._timeout_s):
                connection: asyncpg.Connection = await self._pool.acquire()
        except TimeoutError as error:
            raise ServiceUnavailable(
                "The database is busy; try again.", headers={"Retry-After": "1"}
            ) from error
        except Exception as error:
            if _lost(error, None):
                raise database_connection_lost() from error
            raise
        return connection

    async def discard(self, lost: asyncpg.Connection) -> None:
        """Close `lost` and give its place back, and have every other connection opened
        before now replaced when next lent: a server that dropped one has often dropped
        them all (a restart, a failover), as SQLAlchemy's pool assumes too."""
        with contextlib.suppress(asyncpg.InterfaceError):  # the pool has it back already
            lost.terminate()
        await self._pool.release(lost)
        await self._pool.expire_connections()

    async def close(self) -> None:
        await self._pool.close()
