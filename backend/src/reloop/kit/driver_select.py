"""`DriverSelect`: a `SELECT` of plain columns, built once, that reads run on asyncpg itself.

SQLAlchemy's side of running a statement (its cache key, execution context, cursor
adaptation through a greenlet, row objects) cost 0.11 to 0.14 ms a statement, measured on
the home feed's page and covers queries, where asyncpg took 0.06 to 0.09 ms to run them and
decode their 24 rows: SQLAlchemy was a sixth of each feed request's CPU. For the hottest
statements, built once at import, the statement is compiled once by SQLAlchemy with the
engine's dialect, and each call hands the SQL and its arguments to the driver. Binds and
results go through SQLAlchemy's own processors for the dialect (an enum column comes back
as the enum), so rows hold what `column_rows` would give.

Only in read sessions (`Database.reading()`) and read connections (`Database.selecting()`),
both in autocommit: there each statement is its own transaction, so nothing of
SQLAlchemy's transaction state is skipped. Their connections
carry the execution option `driver_reads`, off when SQL is traced (OpenTelemetry's
listener needs SQLAlchemy's execution context). Listeners of `before_cursor_execute` and
`after_cursor_execute` (statement counts in tests, the benchmarks' recordings) still see
each statement, with `None` for the cursor and the context. In a unit of work, and
whenever the driver raises, the statement runs through SQLAlchemy like any other, which
raises the error wrapped as the app handles everywhere (a lost connection answers 503 and
renews the pool), or succeeds when the failure was transient.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import visitors

from reloop.kit.db import DRIVER_READS, Reads, column_rows
from reloop.kit.hot_reads import HotReads

Processor = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class _Argument:
    """A positional argument: a parameter by name, or a value the statement holds."""

    name: str | None
    value: Any
    process: Processor | None


@dataclass(frozen=True, slots=True)
class Compiled:
    sql: str
    arguments: tuple[_Argument, ...]
    results: tuple[tuple[int, Processor], ...]  # only the columns that need converting

    def bind(self, params: Mapping[str, Any]) -> list[Any]:
        bound = []
        for argument in self.arguments:
            if argument.name is None:
                bound.append(argument.value)
            else:
                value = params[argument.name]
                bound.append(argument.process(value) if argument.process else value)
        return bound

    def rows(self, records: Sequence[Sequence[Any]]) -> list[Sequence[Any]]:
        if not self.results:
            return list(records)
        rows: list[Sequence[Any]] = []
        for record in records:
            row = list(record)
            for index, process in self.results:
                row[index] = process(row[index])
            rows.append(row)
        return rows


class DriverSelect:
    """A column `SELECT` built once; `rows()` runs it on the driver in read sessions."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        refuse_per_call_binds(statement)
        self.statement = statement
        self._compiled: Compiled | None = None

    async def rows(
        self, reads: Reads, params: Mapping[str, Any] | None = None
    ) -> list[Sequence[Any]]:
        """The statement's rows, as tuples of column values in the order selected."""
        params = params or {}
        if isinstance(reads, HotReads):
            compiled = self._compiled or await self._compile(reads.dialect, reads.connection)
            return compiled.rows(await reads.fetch(compiled.sql, compiled.bind(params)))
        connection = reads if isinstance(reads, AsyncConnection) else await reads.connection()
        sync = connection.sync_connection
        if sync is None or not sync.get_execution_options().get(DRIVER_READS):
            return await self._through_sqlalchemy(connection, params)
        if sync.invalidated or sync.closed:  # SQLAlchemy reconnects, or raises
            return await self._through_sqlalchemy(connection, params)
        # A valid connection holds its pooled connection: reading it needs no greenlet hop
        # (`get_raw_connection()` takes one, 5 to 10 µs a statement).
        driver = sync.connection.driver_connection
        if driver is None:  # the pool invalidated this connection
            return await self._through_sqlalchemy(connection, params)
        observed = bool(sync.dispatch.before_cursor_execute or sync.dispatch.after_cursor_execute)
        try:
            compiled = self._compiled or await self._compile(connection.dialect, driver)
            arguments = compiled.bind(params)
            if observed:
                sync.dispatch.before_cursor_execute(
                    sync, None, compiled.sql, arguments, None, False
                )
            records = await driver.fetch(compiled.sql, *arguments)
        except Exception:  # see the module's doc: SQLAlchemy raises it as everywhere
            return await self._through_sqlalchemy(connection, params)
        if observed:
            sync.dispatch.after_cursor_execute(sync, None, compiled.sql, arguments, None, False)
        return compiled.rows(records)

    async def _through_sqlalchemy(
        self, connection: AsyncConnection, params: Mapping[str, Any]
    ) -> list[Sequence[Any]]:
        return list((await column_rows(connection, self.statement, params)).all())

    async def _compile(self, dialect: Dialect, driver: Any) -> Compiled:
        self._compiled = await compile_for_driver(self.statement, dialect, driver)
        return self._compiled


def refuse_per_call_binds(statement: Any) -> None:
    """Statements compiled once cannot hold a parameter rendered into the SQL per call."""
    for bind in visitors.iterate(statement):
        if isinstance(bind, BindParameter) and (bind.expanding or bind.literal_execute):
            raise ValueError(f"{bind.key}: rendered into the SQL per call; bind a plain value")


async def compile_for_driver(statement: Any, dialect: Dialect, driver: Any) -> Compiled:
    """`statement` as SQL for asyncpg: its positional arguments and result converters."""
    compiled = statement.compile(dialect=dialect)
    binds = {name: bind for bind, name in compiled.bind_names.items()}
    arguments = []
    for name in compiled.positiontup or ():
        bind = binds[name]
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if bind.required:
            arguments.append(_Argument(name, None, process))
        else:
            value = bind.effective_value
            arguments.append(_Argument(None, process(value) if process else value, None))
    # Result processors may depend on the column's type on the server (numerics do),
    # which the prepared statement tells.
    prepared = await driver.prepare(compiled.string)
    oids = [attribute.type.oid for attribute in prepared.get_attributes()]
    results = tuple(
        (index, convert)
        for index, (column, oid) in enumerate(zip(statement.exported_columns, oids, strict=True))
        if (convert := _result_processor(column.type, dialect, oid)) is not None
    )
    return Compiled(compiled.string, tuple(arguments), results)


def _result_processor(type_: Any, dialect: Dialect, oid: int) -> Processor | None:
    processor: Processor | None = type_.dialect_impl(dialect).result_processor(dialect, oid)
    return processor
