"""Listings: what a seller offers, at what price, in which state."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    ARRAY,
    BigInteger,
    CheckConstraint,
    ColumnElement,
    Enum,
    Float,
    ForeignKey,
    Index,
    SQLColumnExpression,
    String,
    Text,
    literal_column,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity, TimestampMixin


class ItemStatus(StrEnum):
    draft = "draft"
    active = "active"
    reserved = "reserved"
    sold = "sold"
    hidden = "hidden"
    deleted = "deleted"


# What visitors may open; drafts and hidden listings are their seller's alone.
PUBLIC_STATUSES = (ItemStatus.active, ItemStatus.reserved, ItemStatus.sold)


def is_active(status: SQLColumnExpression[ItemStatus]) -> ColumnElement[bool]:
    """`status = 'active'` with the value in the SQL text, for statements built once.

    As a bound parameter the value is unknown to the generic plan that PostgreSQL adopts
    for a prepared statement after five runs, which then cannot use the indexes on active
    listings: a fan's deeper feed pages went from 0.4 to 10 ms when it did.
    """
    return status == literal_column(f"'{ItemStatus.active.value}'")


class Item(TimestampMixin, Entity):
    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'active', 'reserved', 'sold', 'hidden', 'deleted')",
            name="status_known",
        ),
        CheckConstraint("char_length(title) BETWEEN 3 AND 80", name="title_length"),
        CheckConstraint("char_length(description) <= 2000", name="description_length"),
        CheckConstraint("price_amount > 0", name="price_positive"),
        CheckConstraint("quantity BETWEEN 1 AND 999", name="quantity_range"),
        # The oversell backstop: whatever a code path gets wrong, stock never goes negative.
        CheckConstraint(
            "reserved >= 0 AND sold_quantity >= 0 AND reserved + sold_quantity <= quantity",
            name="stock_within_quantity",
        ),
        CheckConstraint("cardinality(colors) BETWEEN 1 AND 3", name="colors_count"),
        Index(
            "ix_items_seller_published",
            "seller_id",
            "published_at",
            "id",
            postgresql_where="status IN ('active', 'reserved', 'sold')",
        ),
        Index("ix_items_seller_status_created", "seller_id", "status", "created_at", "id"),
        Index(
            "ix_items_active_published",
            "published_at",
            "id",
            postgresql_where="status = 'active'",
        ),
        Index("ix_items_category_price", "category_id", "price_amount"),
        Index(
            "ix_items_active_price",
            "price_amount",
            "id",
            postgresql_where="status = 'active'",
        ),
        Index(
            "ix_items_active_position",
            "latitude",
            "longitude",
            postgresql_where="status = 'active' AND latitude IS NOT NULL",
        ),
        Index(
            "ix_items_active_search",
            "search_vector",
            postgresql_using="gin",
            postgresql_where="status = 'active'",
        ),
        Index("ix_items_brand", "brand_id"),
        Index(
            "ix_items_active_popularity",
            "popularity",
            "id",
            postgresql_where="status = 'active'",
        ),
    )

    seller_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"))
    brand_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("brands.id"))
    size_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sizes.id"))
    condition: Mapped[str] = mapped_column(String(30), ForeignKey("conditions.key"))
    colors: Mapped[list[str]] = mapped_column(ARRAY(String(30)))
    price_amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    quantity: Mapped[int] = mapped_column(default=1)
    # Units held by unpaid checkouts, and units sold; available = quantity - both.
    reserved: Mapped[int] = mapped_column(default=0)
    sold_quantity: Mapped[int] = mapped_column(default=0, server_default="0")
    status: Mapped[ItemStatus] = mapped_column(
        Enum(ItemStatus, name="item_status", native_enum=False, length=16),
        default=ItemStatus.draft,
    )
    country_code: Mapped[str] = mapped_column(String(2))
    city: Mapped[str] = mapped_column(String(80))
    like_count: Mapped[int] = mapped_column(default=0)
    save_count: Mapped[int] = mapped_column(default=0)
    comment_count: Mapped[int] = mapped_column(default=0)
    view_count: Mapped[int] = mapped_column(BigInteger, default=0)
    popularity: Mapped[float] = mapped_column(Float, default=0.0)
    version: Mapped[int] = mapped_column(default=1)
    # When the last held reservation lapses; past it, `reserved` counts as released on read
    # even before beat's sweep has written that down.
    reserved_until: Mapped[datetime | None]
    published_at: Mapped[datetime | None]
    # The town's position from `places` (the `items_place` trigger), for "near me".
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # Written by the `items_search_vector` trigger (title A, brand B, category path and
    # colours C, description D), so every write path, COPY included, keeps it current.
    search_vector: Mapped[str] = mapped_column(
        TSVECTOR,
        server_default=text("''::tsvector"),
        deferred=True,
        deferred_raiseload=True,
    )
