"""A search keeps its facet counts and relevance window for its other pages and sorts."""

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import update

from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from reloop.search.kept import VISITORS_GROUP
from tests.factories.search import add_listings
from tests.fixtures.sql import count_statements
from tests.search.conftest import Catalogue, search, signed_in


async def test_the_next_page_of_a_search_reuses_its_facets_and_runs_one_statement_fewer(
    app: FastAPI, client: AsyncClient, catalogue: Catalogue
) -> None:
    await search(client, q="trainers")  # the taxonomy snapshot is loaded once per process
    with count_statements(app) as first_statements:
        first = await search(client, q="dress", limit=1)
    with count_statements(app) as next_statements:
        second = await search(client, q="dress", limit=1, cursor=first["next_cursor"])

    assert len(next_statements) == len(first_statements) - 1
    assert second["facets"] == first["facets"]
    assert second["total"] == first["total"]
    assert second["items"] != first["items"]


async def test_another_sort_of_the_same_search_reuses_its_facets(
    app: FastAPI, client: AsyncClient, catalogue: Catalogue
) -> None:
    by_newest = await search(client, q="dress", sort="newest")
    with count_statements(app) as statements:
        by_price = await search(client, q="dress", sort="price_asc")

    assert by_price["facets"] == by_newest["facets"]
    assert not any("GROUP BY" in sql for sql in statements)


async def test_other_filters_count_afresh(client: AsyncClient, catalogue: Catalogue) -> None:
    everything = await search(client)
    dresses = await search(client, q="dress")

    assert everything["total"]["value"] == 4
    assert dresses["total"]["value"] == 2


async def test_kept_counts_and_window_lag_new_listings_until_they_are_dropped(
    client: AsyncClient, database: Database, cache: Cache, catalogue: Catalogue
) -> None:
    before = await search(client, q="dress")
    green = {"title": "Green linen dress", "category_id": catalogue.category("women-dresses")}
    await add_listings(database, catalogue.seller.id, [green])

    kept = await search(client, q="dress")
    by_newest = await search(client, q="dress", sort="newest")
    await cache.delete(VISITORS_GROUP)
    fresh = await search(client, q="dress")

    assert before["total"]["value"] == kept["total"]["value"] == 2
    assert len(kept["items"]) == 2
    assert by_newest["items"][0]["title"] == "Green linen dress"  # other sorts read afresh
    assert fresh["total"]["value"] == len(fresh["items"]) == 3


async def test_a_listing_hidden_after_the_window_was_kept_is_left_out_of_the_next_page(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    first = await search(client, q="dress", limit=1)
    shown = first["items"][0]["id"]
    other = next(i for k, i in catalogue.ids.items() if k.endswith("_dress") and str(i) != shown)
    async with database.transaction() as session:
        await session.execute(update(Item).where(Item.id == other).values(status=ItemStatus.hidden))

    second = await search(client, q="dress", limit=1, cursor=first["next_cursor"])

    assert second["items"] == []
    assert second["next_cursor"] is None


async def test_relevance_pages_from_a_kept_window_show_each_listing_once_in_rank_order(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    more = [
        {"title": f"Dress number {n}", "category_id": catalogue.category("women-dresses")}
        for n in range(5)
    ]
    await add_listings(database, catalogue.seller.id, more)
    whole = await search(client, q="dress", limit=50)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"q": "dress", "limit": 2}
        if cursor is not None:
            params["cursor"] = cursor
        page = await search(client, **params)
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == [item["id"] for item in whole["items"]]
    assert len(seen) == len(set(seen)) == 7


async def test_a_block_drops_the_counts_kept_for_both_members(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    buyer = await signed_in(client, database, username="buyer")
    assert (await search(client, buyer.headers, q="dress"))["total"]["value"] == 2
    assert (await search(client, catalogue.seller.headers, q="dress"))["total"]["value"] == 2

    blocked = await client.put(
        f"/api/v1/users/{catalogue.seller.username}/block", headers=buyer.headers
    )
    assert blocked.status_code == 204

    after = await search(client, buyer.headers, q="dress")
    assert after["total"]["value"] == 0
    assert after["facets"]["categories"] == []
    # The seller still sees their own listings: a block hides members from each other only.
    assert (await search(client, catalogue.seller.headers, q="dress"))["total"]["value"] == 2


async def test_an_unblock_brings_the_counts_back_at_once(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    buyer = await signed_in(client, database, username="buyer")
    seller = catalogue.seller.username
    await client.put(f"/api/v1/users/{seller}/block", headers=buyer.headers)
    assert (await search(client, buyer.headers, q="dress"))["total"]["value"] == 0

    unblocked = await client.delete(f"/api/v1/users/{seller}/block", headers=buyer.headers)
    assert unblocked.status_code == 204

    assert (await search(client, buyer.headers, q="dress"))["total"]["value"] == 2


async def test_a_members_counts_are_not_shared_with_visitors(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    buyer = await signed_in(client, database, username="buyer")
    await client.put(f"/api/v1/users/{catalogue.seller.username}/block", headers=buyer.headers)
    assert (await search(client, buyer.headers, q="dress"))["total"]["value"] == 0

    assert (await search(client, q="dress"))["total"]["value"] == 2
