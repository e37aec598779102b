"""`HotReadPool`: the hottest reads on asyncpg's own pool, with SQLAlchemy's rows, errors
and listeners, and a lost connection replaced without a question at each checkout."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
from sqlalchemy import Integer, bindparam, event, func, literal, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url

from reloop.kit.db import Database, PoolSettings, connect_args, create_engine
from reloop.kit.driver_select import DriverSelect
from reloop.kit.errors import ServiceUnavailable
from reloop.kit.hot_reads import HotReadPool, HotReads
from tests.fixtures.environment import ServiceEnvironment

_ANSWER = DriverSelect(select(bindparam("x", type_=Integer) + 1))
_BACKEND = DriverSelect(select(func.pg_backend_pid(), literal(1)))
_DOCUMENT = DriverSelect(select(literal({"a": [1, "é"]}, JSONB).label("document")))


async def _hot(environment: ServiceEnvironment, **overrides: Any) -> Database:
    pool = PoolSettings(**overrides)
    engine = create_engine(environment.database_url, pool)
    hot = await HotReadPool.open(engine, connect_args(pool), size=2, timeout_s=pool.timeout_s)
    return Database(engine, hot_reads=hot)


@pytest.fixture
async def hot(test_environment: ServiceEnvironment) -> AsyncIterator[Database]:
    database = await _hot(test_environment)
    try:
        yield database
    finally:
        await database.dispose()


async def _terminate(database: Database, pid: int) -> None:
    async with database.engine.connect() as connection:
        await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


async def test_a_selecting_connection_comes_from_the_hot_pool(hot: Database) -> None:
    async with hot.selecting() as reads:
        assert isinstance(reads, HotReads)
        assert await _ANSWER.rows(reads, {"x": 41}) == [(42,)]


async def test_json_reads_as_it_does_through_sqlalchemy(hot: Database) -> None:
    async with hot.selecting() as reads:
        on_the_pool = await _DOCUMENT.rows(reads)
    async with hot.reading() as session:
        through_sqlalchemy = await _DOCUMENT.rows(session)

    assert on_the_pool == [({"a": [1, "é"]},)] == [tuple(row) for row in through_sqlalchemy]


async def test_a_read_on_a_terminated_connection_runs_again_on_a_fresh_one(
    hot: Database, database: Database
) -> None:
    async with hot.selecting() as reads:
        [(before, _)] = await _BACKEND.rows(reads)
        await _terminate(database, before)
        await asyncio.sleep(0.1)

        [(after, _)] = await _BACKEND.rows(reads)

    assert after != before


async def test_connections_killed_between_requests_are_replaced_on_the_next(
    hot: Database, database: Database
) -> None:
    async with hot.selecting() as first, hot.selecting() as second:
        pids = [(await _BACKEND.rows(reads))[0][0] for reads in (first, second)]
    for pid in pids:
        await _terminate(database, pid)
    await asyncio.sleep(0.1)

    for _ in range(3):
        async with hot.selecting() as reads:
            assert await _ANSWER.rows(reads, {"x": 1}) == [(2,)]


async def test_a_failing_statement_is_raised_as_is_and_leaves_the_connection_usable(
    hot: Database,
) -> None:
    failing = DriverSelect(select(literal(1) / bindparam("zero", type_=Integer)))

    async with hot.selecting() as reads:
        with pytest.raises(asyncpg.DivisionByZeroError):
            await failing.rows(reads, {"zero": 0})
        assert await _ANSWER.rows(reads, {"x": 1}) == [(2,)]


async def test_a_server_that_cannot_be_reached_answers_503(
    test_environment: ServiceEnvironment,
) -> None:
    url = make_url(test_environment.database_url).set(port=9).render_as_string(False)
    engine = create_engine(url)
    unreachable = Database(
        engine,
        hot_reads=await HotReadPool.open(engine, connect_args(PoolSettings()), size=1, timeout_s=2),
    )
    try:
        with pytest.raises(ServiceUnavailable):
            async with unreachable.selecting():
                pass
    finally:
        await unreachable.dispose()


async def test_no_free_connection_in_time_answers_503(
    test_environment: ServiceEnvironment,
) -> None:
    busy = await _hot(test_environment, timeout_s=0.2)
    try:
        async with busy.selecting(), busy.selecting():
            with pytest.raises(ServiceUnavailable):
                async with busy.selecting():
                    pass
    finally:
        await busy.dispose()


async def test_the_engines_listeners_see_each_statement(hot: Database) -> None:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(hot.engine.sync_engine, "before_cursor_execute", record)
    try:
        async with hot.selecting() as reads:
            await _ANSWER.rows(reads, {"x": 1})
    finally:
        event.remove(hot.engine.sync_engine, "before_cursor_execute", record)

    assert len(seen) == 1
    assert "$1" in seen[0]


async def test_a_read_that_needs_the_orm_gets_a_read_session(hot: Database) -> None:
    async with hot.selecting() as reads:
        assert isinstance(reads, HotReads)
        async with reads.sessions() as session:
            assert await session.scalar(select(literal(uuid.UUID(int=7)))) == uuid.UUID(int=7)
