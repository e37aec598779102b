"""Declarative base: UUIDv7 keys, UTC timestamps and a constraint naming convention.

Relationships on every model are declared `lazy="raise"`: a list endpoint that forgets to
load what it renders fails in tests instead of issuing one query per row in production.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import DateTime, MetaData, Table, func, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.dml import Insert

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


_INSERTS: dict[Table, Insert] = {}


async def insert_entities(session: AsyncSession, entities: Sequence[Base]) -> None:
    """Write new objects of one class with one Core `INSERT`, leaving the session out.

    For hot paths that build rows they never load again (checkout's orders): the objects
    stay transient, so the unit of work neither tracks nor flushes them. Each object's set
    attributes are its row; unset columns take their defaults.
    """
    if not entities:
        return
    table = type(entities[0]).__table__
    assert isinstance(table, Table)
    statement = _INSERTS.get(table)
    if statement is None:  # one per table: SQLAlchemy keys it once, not on every call
        statement = _INSERTS[table] = insert(table)
    keys = [column.key for column in table.columns]
    rows = [{key: e.__dict__[key] for key in keys if key in e.__dict__} for e in entities]
    await session.execute(statement, rows[0] if len(rows) == 1 else rows)
