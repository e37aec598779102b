"""Saved searches and the vocabulary that corrects typos in searches."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, TSQUERY
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Base, Entity


class SavedSearch(Entity):
    """A member's search kept for later; new listings matching it notify them.

    `query` is the search as the member made it, for showing and re-running. The other
    filter columns are the same search resolved for matching one new listing at a time
    (the category's subtree expanded, the text parsed once), which the events dispatcher
    does in SQL for every saved search at once.
    """

    __tablename__ = "saved_searches"
    __table_args__ = (Index("ix_saved_searches_user_created", "user_id", "created_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    query: Mapped[dict[str, Any]] = mapped_column(JSONB)
    email_alerts: Mapped[bool] = mapped_column(Boolean, default=False)
    text_query: Mapped[str | None] = mapped_column(TSQUERY)
    category_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid()), default=list)
    brand_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid()), default=list)
    size_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid()), default=list)
    conditions: Mapped[list[str]] = mapped_column(ARRAY(String(30)), default=list)
    colors: Mapped[list[str]] = mapped_column(ARRAY(String(30)), default=list)
    price_min: Mapped[int | None] = mapped_column(BigInteger)
    price_max: Mapped[int | None] = mapped_column(BigInteger)
    country_code: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(80))
    near_latitude: Mapped[float | None] = mapped_column(Float)
    near_longitude: Mapped[float | None] = mapped_column(Float)
    near_radius_km: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    # The day of the last alert email, so a rerun of the daily job sends no second one.
    emailed_on: Mapped[date | None] = mapped_column(Date)


class SearchTerm(Base):
    """A word searches may be corrected to: taxonomy names and frequent title words.

    `documents` is how many active listings use it, so the commoner of two equally
    close words wins. Refreshed by beat (`search.refresh_terms`).
    """

    __tablename__ = "search_terms"
    __table_args__ = (
        Index(
            "ix_search_terms_trigram",
            "term",
            postgresql_using="gin",
            postgresql_ops={"term": "gin_trgm_ops"},
        ),
    )

    term: Mapped[str] = mapped_column(Text, primary_key=True)
    documents: Mapped[int] = mapped_column(BigInteger, default=0)


class Place(Base):
    """A town listings can be located by, for searches "near me".

    A listing takes its town's position (the `items_place` trigger matches country and
    town name, ignoring case and accents); listings elsewhere have none and never show
    in a search by distance.
    """

    __tablename__ = "places"

    country_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    city_key: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
