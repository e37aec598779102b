"""`DriverSelect`: the rows SQLAlchemy would give, on the driver in reads only, errors wrapped."""

import uuid
from typing import Any

import pytest
from sqlalchemy import Integer, Uuid, bindparam, event, func, literal, select, text
from sqlalchemy.exc import DBAPIError

from reloop.kit.db import Database, PoolSettings, create_engine
from reloop.kit.driver_select import DriverSelect
from reloop.models.item import Item, ItemStatus
from tests.factories.items import choices
from tests.factories.social import insert_items
from tests.factories.users import make_member
from tests.fixtures.environment import ServiceEnvironment

_LISTING = DriverSelect(
    select(Item.id, Item.title, Item.status, Item.popularity, literal(False).label("liked"))
    .where(Item.seller_id == bindparam("seller_id", type_=Uuid), Item.status == ItemStatus.active)
    .order_by(Item.id)
    .limit(bindparam("limit", type_=Integer))
)


async def _listing(database: Database) -> dict[str, Any]:
    """One active listing; the parameters that select it."""
    seller = await make_member(database)
    [item_id] = await insert_items(database, await choices(database), seller.user.id, 1)
    return {"seller_id": seller.user.id, "limit": 5, "item_id": item_id}


def _recorded(database: Database) -> tuple[list[str], Any]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", record)
    return statements, record


async def test_a_read_gives_the_rows_sqlalchemy_gives_with_enums_converted(
    database: Database,
) -> None:
    params = await _listing(database)

    async with database.reading() as session:
        rows = await _LISTING.rows(session, params)
        expected = (await session.execute(_LISTING.statement, params)).all()

    assert [tuple(row) for row in rows] == [tuple(row) for row in expected]
    assert rows[0][2] is ItemStatus.active


async def test_a_selecting_connection_gives_the_rows_a_read_session_gives(
    database: Database,
) -> None:
    params = await _listing(database)

    async with database.selecting() as connection:
        on_the_connection = await _LISTING.rows(connection, params)
    async with database.reading() as session:
        in_a_session = await _LISTING.rows(session, params)

    assert [tuple(row) for row in on_the_connection] == [tuple(row) for row in in_a_session]
    assert on_the_connection[0][2] is ItemStatus.active


async def test_statement_listeners_see_a_statement_run_on_the_driver(database: Database) -> None:
    params = await _listing(database)
    statements, record = _recorded(database)
    try:
        async with database.reading() as session:
            await _LISTING.rows(session, params)
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", record)

    assert len(statements) == 1
    assert "FROM items" in statements[0]


async def test_a_unit_of_work_runs_it_inside_its_transaction(database: Database) -> None:
    params = await _listing(database)

    async with database.transaction() as session:
        began = await session.scalar(select(func.transaction_timestamp()))
        rows = await _LISTING.rows(session, params)
        still = await session.scalar(select(func.transaction_timestamp()))

    assert [row[0] for row in rows] == [params["item_id"]]
    assert began == still


async def test_a_read_without_driver_reads_goes_through_sqlalchemy(
    test_environment: ServiceEnvironment,
) -> None:
    traced = Database(create_engine(test_environment.database_url), driver_reads=False)
    try:
        async with traced.reading() as session:
            rows = await _LISTING.rows(session, {"seller_id": uuid.uuid4(), "limit": 5})
    finally:
        await traced.dispose()

    assert rows == []


async def _read_after_its_backend_is_terminated(single: Database, admin: Database) -> None:
    async with single.reading() as session:
        pid = await session.scalar(text("SELECT pg_backend_pid()"))
        async with admin.engine.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        await _LISTING.rows(session, {"seller_id": uuid.uuid4(), "limit": 5})


async def test_a_failure_on_the_driver_is_raised_as_sqlalchemy_raises_it(
    test_environment: ServiceEnvironment, database: Database
) -> None:
    single = Database(create_engine(test_environment.database_url, PoolSettings(size=1)))
    try:
        with pytest.raises(DBAPIError) as raised:
            await _read_after_its_backend_is_terminated(single, database)
    finally:
        await single.dispose()

    assert raised.value.connection_invalidated


def test_a_parameter_rendered_into_the_sql_per_call_is_refused() -> None:
    in_list = select(Item.id).where(Item.id.in_(bindparam("ids", expanding=True)))

    with pytest.raises(ValueError, match="ids"):
        DriverSelect(in_list)
