"""Declarative base: UUIDv7 keys, UTC timestamps and a constraint naming convention.

Relationships on every model are declared `lazy="raise"`: a list endpoint that forgets to
load what it renders fails in tests instead of issuing one query per row in production.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

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


# (table, columns, rows) per group of a write, in order.
_Shape = tuple[tuple[Table, tuple[str, ...], int], ...]
_WRITES: dict[_Shape, DriverStatement] = {}


def _write(shape: _Shape) -> DriverStatement:
    """One `INSERT` per group, the groups before the last as CTEs; built once per shape.

    A column with a default computed in Python must be written: the statement runs on the
    driver, where SQLAlchemy computes no defaults (missing `id`s are set by the caller).
    """
    statement = _WRITES.get(shape)
    if statement is not None:
        return statement
    inserts = []
    for group, (table, keys, count) in enumerate(shape):
        missing = [c.key for c in table.columns if c.key not in keys and c.default is not None]
        if missing:
            raise ValueError(f"{table.name}: set {missing}, whose defaults are computed in Python")
        rows = [
            {key: bindparam(f"g{group}_{row}_{key}", type_=table.c[key].type) for key in keys}
            for row in range(count)
        ]
        inserts.append(insert(table).values(rows))
    *earlier, last = inserts
    written = last.add_cte(*(ins.cte(f"write_{n}") for n, ins in enumerate(earlier)))
    statement = _WRITES[shape] = DriverStatement(written)
    return statement


async def insert_entities(session: AsyncSession, *groups: Sequence[Base]) -> None:
    """Write new objects with one statement, leaving the unit of work out.

    Each group holds objects of one class; groups are written in the order given (parents
    first), those before the last as data-modifying CTEs of one `INSERT`, which PostgreSQL
    checks for foreign keys at the end of the statement. For hot paths that build rows
    they never load again (checkout's orders): the objects stay transient, so the session
    neither tracks nor flushes them, and the statement runs on the driver
    (`kit.driver_statement`). Each object's set attributes are its row (the same for every
    object of a group); unset columns take their server defaults.
    """
    shape: list[tuple[Table, tuple[str, ...], int]] = []
    params: dict[str, Any] = {}
    for entities in groups:
        if not entities:
            continue
        table = type(entities[0]).__table__
        assert isinstance(table, Table)
        for entity in entities:
            if "id" in table.c and "id" not in entity.__dict__:
                entity.__dict__["id"] = new_id()
        keys = tuple(c.key for c in table.columns if c.key in entities[0].__dict__)
        group = len(shape)
        for row, entity in enumerate(entities):
            for key in keys:
                params[f"g{group}_{row}_{key}"] = entity.__dict__[key]
        shape.append((table, keys, len(entities)))
    if shape:
        await _write(tuple(shape)).rows(session, params)
