"""Relevance over the demo catalogue: the labelled queries of `relevance.json`.

Scored by precision at k, with k the smaller of 10 (a phone's first screen and a half)
and the number of right answers, so a query with two right answers is judged on its
top two. The threshold is a mean of 0.9 with no query under 0.5: the catalogue is small
and every query has a plain intent, so a good engine gets nearly all of them right, and
one stray result in a short list should fail loudly rather than fade into an average.
"""

import json
from pathlib import Path
from statistics import fmean
from typing import Any

import pytest
from httpx import AsyncClient

from reloop.demo.listings import plan
from reloop.kit.db import Database
from tests.factories.search import add_listings
from tests.social.conftest import signed_in

LABELS = json.loads((Path(__file__).parent / "relevance.json").read_text())["queries"]
MEAN_THRESHOLD = 0.9
QUERY_FLOOR = 0.5


@pytest.fixture
async def demo_catalogue(client: AsyncClient, database: Database) -> None:
    seller = await signed_in(client, database, username="demo_shop")
    rows: list[dict[str, Any]] = [
        {
            "title": listing.title,
            "description": listing.description,
            "category_id": listing.category_id,
            "brand_id": listing.brand_id,
            "condition": listing.condition,
            "colors": list(listing.colours),
            "price_amount": listing.price,
        }
        for listings in plan().values()
        for listing in listings
        if listing.status == "active"
    ]
    await add_listings(database, seller.id, rows)


async def _precision(client: AsyncClient, query: str, relevant: set[str]) -> float:
    k = min(10, len(relevant))
    response = await client.get("/api/v1/search/items", params={"q": query, "limit": k})
    assert response.status_code == 200, response.text
    shown = [item["title"] for item in response.json()["items"]]
    return sum(title in relevant for title in shown) / k


async def test_labelled_queries_find_the_right_listings_first(
    client: AsyncClient, demo_catalogue: None
) -> None:
    scores = {
        label["q"]: await _precision(client, label["q"], set(label["relevant"])) for label in LABELS
    }
    assert min(scores.values()) >= QUERY_FLOOR, scores
    assert fmean(scores.values()) >= MEAN_THRESHOLD, scores
