"""Listings with the details search looks at, written straight to the database."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from reloop.search.terms import refresh_terms
from reloop.taxonomy.snapshot import Taxonomy


def brand_id(taxonomy: Taxonomy, name: str) -> uuid.UUID:
    return next(b.id for b in taxonomy.brands.values() if b.name == name)


def category_id(taxonomy: Taxonomy, slug: str) -> uuid.UUID:
    return next(c.id for c in taxonomy.categories.values() if c.slug == slug)


async def add_listings(
    database: Database, seller_id: uuid.UUID, rows: list[dict[str, Any]]
) -> list[uuid.UUID]:
    """Active listings, the first the newest; then the typo vocabulary is rebuilt."""
    now = datetime.now(UTC)
    items = []
    for n, fields in enumerate(rows):
        values: dict[str, Any] = {
            "description": "",
            "condition": "very_good",
            "colors": ["blue"],
            "price_amount": 1000,
            "currency": "EUR",
            "country_code": "FR",
            "city": "Lyon",
            "status": ItemStatus.active,
            "published_at": now - timedelta(minutes=n),
            **fields,
        }
        items.append(Item(seller_id=seller_id, **values))
    async with database.transaction() as session:
        session.add_all(items)
    await refresh_terms(database)
    return [item.id for item in items]
