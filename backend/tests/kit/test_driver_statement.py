"""`DriverStatement`: on the driver inside a begun unit of work or in autocommit, errors as
SQLAlchemy's."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Integer, Table, Uuid, bindparam, event, func, select, text, update
from sqlalchemy.exc import DBAPIError

from reloop.kit.db import Database, PoolSettings, create_engine
from reloop.kit.driver_statement import DriverStatement
from reloop.models.item import Item
from tests.factories.items import choices
from tests.factories.social import insert_items
from tests.factories.users import make_member
from tests.fixtures.environment import ServiceEnvironment

_items: Table = Item.__table__  # type: ignore[assignment]
_SET_QUANTITY = DriverStatement(
    update(_items)
    .where(_items.c.id == bindparam("the_item", type_=Uuid))
    .values(quantity=bindparam("to", type_=Integer))
    .returning(_items.c.quantity)
)
_QUANTITY = DriverStatement(
    select(_items.c.quantity).where(_items.c.id == bindparam("the_item", type_=Uuid))
)


async def _item(database: Database) -> uuid.UUID:
    seller = await make_member(database)
    [item_id] = await insert_items(database, await choices(database), seller.user.id, 1)
    return item_id


@contextmanager
def _cursors(database: Database) -> Iterator[list[object]]:
    """What each statement's `before_cursor_execute` got as its cursor (None: the driver's)."""
    cursors: list[object] = []

    def record(_conn: Any, cursor: Any, *_: Any) -> None:
        cursors.append(cursor)

    event.listen(database.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield cursors
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", record)


async def test_a_begun_unit_of_work_runs_it_on_the_driver(database: Database) -> None:
    item_id = await _item(database)
    with _cursors(database) as cursors:
        async with database.transaction() as session:
            await session.scalar(select(func.transaction_timestamp()))
            rows = await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": 7})

    assert [tuple(row) for row in rows] == [(7,)]
    assert cursors[0] is not None  # the first statement, through SQLAlchemy, began it
    assert cursors[1:] == [None]


_STARTED = DriverStatement(select(func.transaction_timestamp()))


async def test_the_first_statement_of_a_unit_of_work_begins_its_transaction_on_the_driver(
    database: Database,
) -> None:
    item_id = await _item(database)
    with _cursors(database) as cursors:
        async with database.transaction() as session:
            [(started,)] = await _STARTED.rows(session)
            await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": 5})
            [(still,)] = await _STARTED.rows(session)
            assert await session.scalar(select(func.transaction_timestamp())) == started

    assert still == started
    assert cursors == [None, None, None, cursors[3]]
    assert cursors[3] is not None  # the session's own statement, in the same transaction


async def test_an_autocommit_session_runs_every_statement_on_the_driver(
    database: Database,
) -> None:
    item_id = await _item(database)
    with _cursors(database) as cursors:
        async with database.autocommit() as session:
            await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": 3})
            rows = await _QUANTITY.rows(session, {"the_item": item_id})

    assert rows == [(3,)]
    assert cursors == [None, None]


async def _set_in_begun_unit(database: Database, item_id: uuid.UUID, to: int) -> None:
    """Set the quantity on the driver in a unit of work, then abandon it (RuntimeError)."""
    async with database.transaction() as session:
        await session.scalar(select(func.transaction_timestamp()))
        await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": to})
        raise RuntimeError("abandon")


async def test_a_statement_on_the_driver_rolls_back_with_its_unit_of_work(
    database: Database,
) -> None:
    item_id = await _item(database)

    with pytest.raises(RuntimeError):
        await _set_in_begun_unit(database, item_id, 9)

    async with database.transaction() as session:
        assert await _QUANTITY.rows(session, {"the_item": item_id}) == [(1,)]


async def _set_first_then_abandon(database: Database, item_id: uuid.UUID) -> None:
    async with database.transaction() as session:
        await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": 9})
        raise RuntimeError("abandon")


async def test_a_unit_of_work_begun_on_the_driver_rolls_back_whole(database: Database) -> None:
    item_id = await _item(database)

    with pytest.raises(RuntimeError):
        await _set_first_then_abandon(database, item_id)

    async with database.transaction() as session:
        assert await _QUANTITY.rows(session, {"the_item": item_id}) == [(1,)]


async def test_a_refused_statement_raises_sqlalchemys_error_with_the_servers_sqlstate(
    database: Database,
) -> None:
    item_id = await _item(database)

    with pytest.raises(DBAPIError) as raised:
        await _set_in_begun_unit(database, item_id, 0)  # the CHECK refuses 0 units

    assert raised.value.orig.sqlstate == "23514"  # type: ignore[union-attr]
    assert not raised.value.connection_invalidated


async def _set_after_its_backend_is_terminated(
    single: Database, admin: Database, item_id: uuid.UUID
) -> None:
    async with single.transaction() as session:
        pid = await session.scalar(text("SELECT pg_backend_pid()"))
        async with admin.engine.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": 5})


async def test_a_lost_connection_is_raised_invalidated(
    test_environment: ServiceEnvironment, database: Database
) -> None:
    item_id = await _item(database)
    single = Database(create_engine(test_environment.database_url, PoolSettings(size=1)))
    try:
        with pytest.raises(DBAPIError) as raised:
            await _set_after_its_backend_is_terminated(single, database, item_id)
        async with single.transaction() as session:  # the pool replaced the connection
            assert await _QUANTITY.rows(session, {"the_item": item_id}) == [(1,)]
    finally:
        await single.dispose()

    assert raised.value.connection_invalidated


async def test_without_driver_units_every_statement_goes_through_sqlalchemy(
    test_environment: ServiceEnvironment, database: Database
) -> None:
    item_id = await _item(database)
    traced = Database(create_engine(test_environment.database_url), driver_reads=False)
    try:
        with _cursors(traced) as cursors:
            async with traced.transaction() as session:
                await session.scalar(select(func.transaction_timestamp()))
                rows = await _SET_QUANTITY.rows(session, {"the_item": item_id, "to": 2})
    finally:
        await traced.dispose()

    assert [tuple(row) for row in rows] == [(2,)]
    assert None not in cursors


def test_a_parameter_rendered_into_the_sql_per_call_is_refused() -> None:
    in_list = select(_items.c.id).where(_items.c.id.in_(bindparam("ids", expanding=True)))

    with pytest.raises(ValueError, match="ids"):
        DriverStatement(in_list)
