"""`DriverStatement`: a statement built once that a unit of work runs on asyncpg itself.

`DriverSelect` does this for reads in autocommit. Checkout's units of work run about
twenty Core statements an order (holds, rows written by table, the capture's moves), and
SQLAlchemy's side of each (execution context, parameter processing, the greenlet hop,
result objects) cost more CPU than asyncpg's. Here the statement is compiled once with
the engine's dialect, and each call hands the SQL and its arguments to the driver, on the
connection and inside the transaction the session already holds.

- SQLAlchemy's asyncpg adapter sends `BEGIN` just before the first statement of a
  transaction; a unit of work whose first statement is a `DriverStatement` has the
  adapter do that here, as its own execution would, so the statement and every one
  after it run on the driver. Commit and rollback stay the session's. A connection in
  autocommit (`Database.autocommit()`) sends no `BEGIN`.
- A failure is raised as SQLAlchemy raises it (`DBAPIError`, with the server's
  `sqlstate` on `orig`; a lost connection invalidated, so the handlers answer 503 and
  the pool replaces it): the adapter translates the driver's error and the connection
  wraps it, as for a statement of its own. Deadlock retries and the 503 handler see no
  difference.
- Statement listeners (`before_cursor_execute`, `after_cursor_execute`: statement
  counts in tests, the benchmark's recording) see each statement, with `None` for the
  cursor and the context.
- Connections without the execution option `driver_units` (off when SQL is traced, whose
  listener needs SQLAlchemy's execution context) run every statement through SQLAlchemy.
"""

from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from sqlalchemy import Select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import UpdateBase

from reloop.kit.db import DRIVER_UNITS
from reloop.kit.driver_select import Compiled, compile_for_driver, refuse_per_call_binds


class DriverStatement:
    """A Core statement (a `SELECT`, or DML with or without `RETURNING`) built once."""

    def __init__(self, statement: Select[Any] | UpdateBase) -> None:
        refuse_per_call_binds(statement)
        self.statement = statement
        self._compiled: Compiled | None = None

    async def rows(
        self, session: AsyncSession, params: Mapping[str, Any] | None = None
    ) -> list[Sequence[Any]]:
        """The rows the statement returns (none for DML without `RETURNING`)."""
        params = params or {}
        connection = await session.connection()
        sync = connection.sync_connection
        assert sync is not None
        driver = await _driver_with_transaction(sync)
        if driver is None:
            result = await connection.execute(self.statement, params)
            return [tuple(row) for row in result] if result.returns_rows else []
        compiled = self._compiled or await self._compile(sync, driver)
        arguments = compiled.bind(params)
        observed = bool(sync.dispatch.before_cursor_execute or sync.dispatch.after_cursor_execute)
        if observed:
            sync.dispatch.before_cursor_execute(sync, None, compiled.sql, arguments, None, False)
        try:
            records = await driver.fetch(compiled.sql, *arguments)
        except Exception as error:
            _raise_as_sqlalchemy(sync, compiled.sql, arguments, error)
        if observed:
            sync.dispatch.after_cursor_execute(sync, None, compiled.sql, arguments, None, False)
        return compiled.rows(records)

    async def _compile(self, sync: Connection, driver: Any) -> Compiled:
        self._compiled = await compile_for_driver(self.statement, sync.dialect, driver)
        return self._compiled


async def _driver_with_transaction(sync: Connection) -> Any:
    """The asyncpg connection, its transaction begun, if statements may run on it here."""
    if not sync.get_execution_options().get(DRIVER_UNITS):
        return None
    if sync.invalidated or sync.closed:  # SQLAlchemy reconnects, or raises
        return None
    adapted = sync.connection.dbapi_connection
    if adapted is None:
        return None
    if adapted._transaction is None:
        try:
            # What the adapter does before a statement of its own: `BEGIN`, unless the
            # connection is in autocommit.
            await adapted._start_transaction()
        except Exception as dbapi_error:  # the adapter raised it as its DB-API error
            sync._handle_dbapi_exception(dbapi_error, "BEGIN", (), None, None)
    return adapted.driver_connection


def _raise_as_sqlalchemy(sync: Connection, sql: str, arguments: Any, error: Exception) -> NoReturn:
    adapted = sync.connection.dbapi_connection
    assert adapted is not None
    try:
        # The adapter turns the driver's error into its DB-API error (with `sqlstate`).
        adapted._handle_exception(error)
    except Exception as dbapi_error:
        # The connection wraps it in `DBAPIError` and invalidates itself if it was lost.
        sync._handle_dbapi_exception(dbapi_error, sql, arguments, None, None)
    raise AssertionError("unreachable: both calls above raise")
