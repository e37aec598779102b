"""A seller with a small, varied catalogue, and the taxonomy to name its parts."""

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from httpx import AsyncClient

from reloop.kit.db import Database
from reloop.taxonomy.snapshot import Taxonomy
from tests.factories.items import taxonomy
from tests.factories.search import add_listings, brand_id, category_id
from tests.notifications.conftest import dispatch  # noqa: F401  (shared fixture)
from tests.social.conftest import SignedIn, signed_in


@dataclass
class Catalogue:
    taxonomy: Taxonomy
    seller: SignedIn
    ids: dict[str, uuid.UUID]

    def brand(self, name: str) -> uuid.UUID:
        return brand_id(self.taxonomy, name)

    def category(self, slug: str) -> uuid.UUID:
        return category_id(self.taxonomy, slug)


@pytest.fixture
async def catalogue(client: AsyncClient, database: Database) -> Catalogue:
    tax = await taxonomy(database)
    seller = await signed_in(client, database, username="rosa")
    dresses = category_id(tax, "women-dresses")
    trainers = category_id(tax, "men-trainers")
    rows = {
        "adidas_trainers": {
            "title": "Adidas Samba trainers",
            "category_id": trainers,
            "brand_id": brand_id(tax, "Adidas"),
            "price_amount": 6000,
            "colors": ["white"],
        },
        "nike_trainers": {
            "title": "Nike Air Max trainers",
            "category_id": trainers,
            "brand_id": brand_id(tax, "Nike"),
            "price_amount": 4500,
            "colors": ["black"],
        },
        "red_dress": {
            "title": "Red summer dress",
            "category_id": dresses,
            "price_amount": 2000,
            "colors": ["red"],
            "description": "Light cotton, midi length.",
        },
        "blue_dress": {
            "title": "Blue wrap dress",
            "category_id": dresses,
            "brand_id": brand_id(tax, "Zara"),
            "price_amount": 1500,
            "city": "Paris",
        },
    }
    ids = await add_listings(database, seller.id, list(rows.values()))
    return Catalogue(tax, seller, dict(zip(rows, ids, strict=True)))


async def search(
    client: AsyncClient, headers: dict[str, str] | None = None, **params: Any
) -> dict[str, Any]:
    """One page of `GET /search/items`, which must answer 200."""
    response = await client.get("/api/v1/search/items", params=params, headers=headers or {})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


__all__ = ["Catalogue", "SignedIn", "catalogue", "search", "signed_in"]
