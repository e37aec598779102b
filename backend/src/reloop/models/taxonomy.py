"""The catalogue's vocabulary: categories, brands, sizes, conditions and colours.

Loaded from `reloop/taxonomy/data/*.json` by migrations. Ids are UUIDv5 of the slug, so
the same category has the same id in every environment and a data change is an upsert.
"""

import uuid

from sqlalchemy import (
    ARRAY,
    Boolean,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity


class SizeGroup(Entity):
    __tablename__ = "size_groups"

    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))


class Size(Entity):
    __tablename__ = "sizes"
    __table_args__ = (UniqueConstraint("group_id", "key", name="uq_sizes_group_key"),)

    group_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("size_groups.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(SmallInteger)


class Category(Entity):
    __tablename__ = "categories"
    __table_args__ = (Index("ix_categories_parent", "parent_id", "position"),)

    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    depth: Mapped[int] = mapped_column(SmallInteger)
    position: Mapped[int] = mapped_column(SmallInteger)
    is_leaf: Mapped[bool] = mapped_column(Boolean)
    size_group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("size_groups.id"))


class Brand(Entity):
    __tablename__ = "brands"

    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    aliases: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)


class Condition(Entity):
    __tablename__ = "conditions"

    key: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(400))
    position: Mapped[int] = mapped_column(SmallInteger)


class Color(Entity):
    __tablename__ = "colors"

    key: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    hex: Mapped[str] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(SmallInteger)
