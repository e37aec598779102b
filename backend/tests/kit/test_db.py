"""Sessions: reads in autocommit that refuse to write, writes of one statement in autocommit,
and closed connections replaced."""

import asyncio
import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from reloop.kit.db import Database, PoolSettings, Reads, WriteInReadSession, create_engine
from reloop.kit.hot_reads import HotReads
from reloop.models.user import User
from tests.factories.users import make_member
from tests.fixtures.environment import ServiceEnvironment

_TWO_STATEMENTS = "SELECT transaction_timestamp()"


async def _transaction_starts(session: AsyncSession) -> set[object]:
    first = await session.scalar(text(_TWO_STATEMENTS))
    await session.execute(text("SELECT pg_sleep(0.01)"))
    second = await session.scalar(text(_TWO_STATEMENTS))
    return {first, second}


async def test_each_statement_of_a_read_session_is_its_own_transaction(
    database: Database,
) -> None:
    async with database.reading() as session:
        assert len(await _transaction_starts(session)) == 2


async def test_each_statement_of_a_selecting_connection_is_its_own_transaction(
    database: Database,
) -> None:
    async with database.selecting() as connection:
        assert isinstance(connection, AsyncConnection)  # the fixture's has no hot pool
        first = await connection.scalar(text(_TWO_STATEMENTS))
        await connection.execute(text("SELECT pg_sleep(0.01)"))
        second = await connection.scalar(text(_TWO_STATEMENTS))

    assert first != second


async def test_the_statements_of_a_unit_of_work_share_one_transaction(database: Database) -> None:
    async with database.transaction() as session:
        assert len(await _transaction_starts(session)) == 1


@pytest.mark.parametrize("read", ["reading", "selecting"])
async def test_a_read_session_or_connection_refuses_an_update_and_writes_nothing(
    database: Database, session: AsyncSession, read: str
) -> None:
    member = await make_member(database)
    opened: Callable[[], AbstractAsyncContextManager[Reads]] = getattr(database, read)

    async with opened() as reads:
        assert not isinstance(reads, HotReads)  # the fixture's database has no hot pool
        with pytest.raises(WriteInReadSession):
            await reads.execute(update(User).values(bio="changed on a GET"))

    assert await session.scalar(select(User.bio).where(User.id == member.user.id)) is None


async def test_a_unit_of_work_still_writes_beside_the_read_connections(
    database: Database, session: AsyncSession
) -> None:
    member = await make_member(database)

    async with database.transaction() as writing:
        await writing.execute(
            update(User).where(User.id == member.user.id).values(bio="changed in a write")
        )

    assert await session.scalar(select(User.bio).where(User.id == member.user.id)) == (
        "changed in a write"
    )


async def _write_then_fail(database: Database, user_id: uuid.UUID) -> None:
    async with database.autocommit() as writing:
        assert len(await _transaction_starts(writing)) == 2
        await writing.execute(update(User).where(User.id == user_id).values(bio="committed alone"))
        raise RuntimeError("after the write")


async def test_each_write_of_an_autocommit_session_commits_on_its_own(
    database: Database, session: AsyncSession
) -> None:
    member = await make_member(database)

    with pytest.raises(RuntimeError, match="after the write"):
        await _write_then_fail(database, member.user.id)

    assert await session.scalar(select(User.bio).where(User.id == member.user.id)) == (
        "committed alone"
    )


async def _change_bio_in_a_read(database: Database, user_id: uuid.UUID) -> None:
    async with database.reading() as reading:
        user = await reading.get(User, user_id)
        assert user is not None
        user.bio = "changed on a GET"


async def test_a_read_session_refuses_to_flush_a_changed_object(
    database: Database, session: AsyncSession
) -> None:
    member = await make_member(database)

    with pytest.raises(WriteInReadSession):
        await _change_bio_in_a_read(database, member.user.id)

    assert await session.scalar(select(User.bio).where(User.id == member.user.id)) is None


async def _backend_pid(database: Database) -> int:
    async with database.reading() as session:
        pid = await session.scalar(text("SELECT pg_backend_pid()"))
    assert isinstance(pid, int)
    return pid


async def test_a_pooled_connection_whose_backend_was_terminated_is_replaced_before_use(
    test_environment: ServiceEnvironment, database: Database
) -> None:
    single = Database(create_engine(test_environment.database_url, PoolSettings(size=1)))
    try:
        killed = await _backend_pid(single)
        async with database.engine.connect() as admin:
            await admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": killed})
            for _ in range(100):  # until the backend has exited and closed its socket
                gone = await admin.scalar(
                    text("SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = :pid)"),
                    {"pid": killed},
                )
                if gone:
                    break
                await asyncio.sleep(0.02)
        await asyncio.sleep(0.05)  # the closed socket reaches the client's event loop

        assert await _backend_pid(single) != killed
    finally:
        await single.dispose()
