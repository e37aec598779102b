"""Paging through any search, in any sort, visits every match exactly once."""

from typing import Any

import pytest
from httpx import AsyncClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reloop.kit.db import Database
from tests.factories.search import add_listings
from tests.search.conftest import Catalogue, signed_in

SORTS = ("relevance", "newest", "price_asc", "price_desc")
PRICES = (1000, 1500, 2000, 2500)  # few prices, so most keys tie and the id decides


@pytest.fixture
async def shelf(client: AsyncClient, database: Database, catalogue: Catalogue) -> dict[str, str]:
    """Forty more listings (two kinds of words, four prices), and a member's headers: the
    walks are many requests, counted against their own search limit, not a visitor's."""
    rows = [
        {
            "title": f"{'Linen' if n % 3 else 'Wool'} {'dress' if n % 2 else 'scarf'} {n}",
            "category_id": catalogue.category("women-dresses"),
            "price_amount": PRICES[n % len(PRICES)],
        }
        for n in range(40)
    ]
    await add_listings(database, catalogue.seller.id, rows)
    return (await signed_in(client, database, username="walker")).headers


async def _walk(client: AsyncClient, headers: dict[str, str], params: dict[str, Any]) -> list[str]:
    seen: list[str] = []
    cursor = None
    for _ in range(200):
        page_params = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get("/api/v1/search/items", params=page_params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen
    raise AssertionError("paging did not end")


@given(
    sort=st.sampled_from(SORTS),
    limit=st.integers(min_value=3, max_value=9),
    q=st.sampled_from(["", "dress", "linen", "wool scarf"]),
    price_max=st.sampled_from([None, 1500, 2500]),
)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
async def test_every_match_is_visited_exactly_once(
    client: AsyncClient,
    shelf: dict[str, str],
    sort: str,
    limit: int,
    q: str,
    price_max: int | None,
) -> None:
    params: dict[str, Any] = {"sort": sort, "q": q}
    if price_max is not None:
        params["price_max"] = price_max
    everything = await _walk(client, shelf, {**params, "limit": 100})
    paged = await _walk(client, shelf, {**params, "limit": limit})
    assert len(paged) == len(set(paged))
    assert sorted(paged) == sorted(everything)
