"""Declarative base: UUIDv7 keys, UTC timestamps and a constraint naming convention.

Relationships on every model are declared `lazy="raise"`: a list endpoint that forgets to
load what it renders fails in tests instead of issuing one query per row in production.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import DateTime, MetaData, Table, bindparam, func, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from reloop.kit.driver_statement import DriverStatement
from reloop.kit.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True)}


class Entity(Base):
    """A row with an identity of its own: a UUIDv7 key. Link tables use composite keys."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


_INSERTS: dict[tuple[Table, tuple[str, ...]], DriverStatement] = {}


def _insert(table: Table, keys: tuple[str, ...]) -> DriverStatement:
    """`INSERT INTO table (keys) VALUES (...)`, built once per table and set of columns.

    A column with a default computed in Python must be among `keys`: the statement runs
    on the driver, where SQLAlchemy computes no defaults (`new_id` keys are set here).
    """
    statement = _INSERTS.get((table, keys))
    if statement is None:
        values = {key: bindparam(f"new_{key}", type_=table.c[key].type) for key in keys}
        missing = [
            column.key
            for column in table.columns
            if column.key not in keys and column.default is not None
        ]
        if missing:
            raise ValueError(f"{table.name}: set {missing}, whose defaults are computed in Python")
        statement = _INSERTS[(table, keys)] = DriverStatement(insert(table).values(values))
    return statement


async def insert_entities(session: AsyncSession, entities: Sequence[Base]) -> None:
    """Write new objects of one class with one `INSERT`, leaving the unit of work out.

    For hot paths that build rows they never load again (checkout's orders): the objects
    stay transient, so the session neither tracks nor flushes them, and the statement
    runs on the driver (`kit.driver_statement`). Each object's set attributes are its row
    (the same for every object); unset columns take their server defaults.
    """
    if not entities:
        return
    table = type(entities[0]).__table__
    assert isinstance(table, Table)
    for entity in entities:
        if "id" in table.c and "id" not in entity.__dict__:
            entity.__dict__["id"] = new_id()
    keys = tuple(column.key for column in table.columns if column.key in entities[0].__dict__)
    rows = [{f"new_{key}": entity.__dict__[key] for key in keys} for entity in entities]
    await _insert(table, keys).run_many(session, rows)
