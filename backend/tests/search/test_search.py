"""Search: text, typos, filters, facets, sorts, pages and bad input, through the API."""

import uuid
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.access.visibility import viewer_cache_group
from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.search.schemas import SearchPage
from tests.factories.search import add_listings
from tests.fixtures.sql import count_statements
from tests.search.conftest import Catalogue, search, signed_in


def _titles(page: dict[str, Any]) -> list[str]:
    return [item["title"] for item in page["items"]]


async def test_words_find_listings_by_title_brand_and_category(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    assert _titles(await search(client, q="samba")) == ["Adidas Samba trainers"]
    assert set(_titles(await search(client, q="dresses"))) == {
        "Red summer dress",
        "Blue wrap dress",
    }
    assert _titles(await search(client, q="zara")) == ["Blue wrap dress"]


async def test_a_misspelled_brand_is_corrected_and_said_so(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    page = await search(client, q="adiddas")
    assert page["corrected_query"] == "adidas"
    assert _titles(page) == ["Adidas Samba trainers"]
    swapped = await search(client, q="nkie")
    assert _titles(swapped) == ["Nike Air Max trainers"]


async def test_stop_words_and_punctuation_find_nothing_without_error(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    for q in ("the and of", "!!! ???", "&|!():*"):
        page = await search(client, q=q)
        assert page["items"] == []
        assert page["total"] == {"value": 0, "capped": False}


async def test_query_syntax_is_treated_as_text(client: AsyncClient, catalogue: Catalogue) -> None:
    for q in ("dress' OR 1=1 --", "dress & !red", '"summer dress"', "dress -red"):
        await search(client, q=q)
    assert _titles(await search(client, q="dress -red")) == ["Blue wrap dress"]


async def test_a_parent_category_includes_its_subtree(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    women = catalogue.taxonomy.path(catalogue.category("women-dresses"))[0].id
    page = await search(client, category=str(women))
    assert set(_titles(page)) == {"Red summer dress", "Blue wrap dress"}


async def test_filters_narrow_by_brand_price_colour_and_city(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    both = [str(catalogue.brand("Adidas")), str(catalogue.brand("Nike"))]
    assert len((await search(client, brand=both))["items"]) == 2
    assert set(_titles(await search(client, price_min=1600, price_max=4500))) == {
        "Nike Air Max trainers",
        "Red summer dress",
    }
    assert _titles(await search(client, color="red")) == ["Red summer dress"]
    assert _titles(await search(client, country="FR", city="paris")) == ["Blue wrap dress"]


async def test_each_facet_ignores_its_own_filter(client: AsyncClient, catalogue: Catalogue) -> None:
    page = await search(client, brand=str(catalogue.brand("Nike")))
    brands = {b["label"]: (b["count"], b["selected"]) for b in page["facets"]["brands"]}
    assert brands["Nike"] == (1, True)
    assert brands["Adidas"] == (1, False)
    colours = {c["value"]: c["count"] for c in page["facets"]["colors"]}
    assert colours == {"black": 1}
    assert page["total"] == {"value": 1, "capped": False}


async def test_the_category_facet_shows_the_next_level_down(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    top = {c["label"]: c["count"] for c in (await search(client))["facets"]["categories"]}
    assert top == {"Women": 2, "Men": 2}


async def test_price_sorts_page_through_every_result_once(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    for sort, expected in (
        ("price_asc", [1500, 2000, 4500, 6000]),
        ("price_desc", [6000, 4500, 2000, 1500]),
    ):
        seen, cursor = [], None
        while True:
            params: dict[str, Any] = {"sort": sort, "limit": 1}
            if cursor:
                params["cursor"] = cursor
            page = await search(client, **params)
            seen += [item["price"]["amount"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == expected


async def test_newest_first(client: AsyncClient, catalogue: Catalogue) -> None:
    page = await search(client, sort="newest")
    assert _titles(page)[0] == "Adidas Samba trainers"


async def test_a_blocked_sellers_listings_are_left_out(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    buyer = await signed_in(client, database, username="buyer")
    await client.put(f"/api/v1/users/{catalogue.seller.username}/block", headers=buyer.headers)
    page = await search(client, buyer.headers, q="dress")
    assert page["items"] == []


async def test_unknown_filter_values_are_refused_by_name(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    for field, value in (
        ("brand", str(uuid.uuid4())),
        ("category", str(uuid.uuid4())),
        ("size", str(uuid.uuid4())),
        ("condition", "mint-ish"),
        ("color", "octarine"),
    ):
        response = await client.get("/api/v1/search/items", params={field: value})
        assert response.status_code == 422, field
        assert response.json()["error"]["code"] == "unknown_filter_value"
        assert response.json()["error"]["details"]["fields"][0]["field"] == field


async def test_a_min_price_above_the_max_is_invalid(client: AsyncClient) -> None:
    response = await client.get(
        "/api/v1/search/items", params={"price_min": 5000, "price_max": 1000}
    )
    assert response.status_code == 422


async def test_a_very_long_query_is_invalid(client: AsyncClient) -> None:
    response = await client.get("/api/v1/search/items", params={"q": "a" * 10_000})
    assert response.status_code == 422


async def test_a_tampered_cursor_is_a_bad_request(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    page = await search(client, sort="price_asc", limit=1)
    cursor = page["next_cursor"]
    for bad in (cursor[:-2] + "xx", "nonsense"):
        response = await client.get(
            "/api/v1/search/items", params={"sort": "price_asc", "limit": 1, "cursor": bad}
        )
        assert response.status_code == 400
    other_sort = await client.get(
        "/api/v1/search/items", params={"sort": "price_desc", "limit": 1, "cursor": cursor}
    )
    assert other_sort.status_code == 400


async def test_near_me_keeps_listings_within_the_radius(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    in_lyon = await search(client, lat=45.75, lon=4.85, radius_km=10)
    assert "Blue wrap dress" not in _titles(in_lyon)
    assert len(in_lyon["items"]) == 3
    with_paris = await search(client, lat=45.75, lon=4.85, radius_km=400)
    assert len(with_paris["items"]) == 4


async def test_a_latitude_without_a_longitude_is_invalid(client: AsyncClient) -> None:
    response = await client.get("/api/v1/search/items", params={"lat": 45.7})
    assert response.status_code == 422


async def test_a_search_costs_the_same_statements_at_any_page_size(
    app: FastAPI, client: AsyncClient, database: Database, cache: Cache, catalogue: Catalogue
) -> None:
    member = await signed_in(client, database, username="counter")
    counts = []
    for limit in (1, 4):
        await cache.delete(viewer_cache_group(member.id))  # each pays for its facets
        with count_statements(app) as statements:
            response = await client.get(
                "/api/v1/search/items",
                params={"q": "dress trainers OR dress", "limit": limit, "sort": "price_asc"},
                headers=member.headers,
            )
        assert response.status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4


async def test_size_and_condition_filters_keep_only_what_matches(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    trainers = catalogue.category("men-trainers")
    group = catalogue.taxonomy.categories[trainers].size_group_id
    assert group is not None
    small, large = catalogue.taxonomy.sizes_by_group[group][:2]
    await add_listings(
        database,
        catalogue.seller.id,
        [
            {"title": "Runner small", "category_id": trainers, "size_id": small.id},
            {
                "title": "Runner large",
                "category_id": trainers,
                "size_id": large.id,
                "condition": "good",
            },
        ],
    )
    assert _titles(await search(client, size=str(small.id))) == ["Runner small"]
    assert _titles(await search(client, q="runner", condition="good")) == ["Runner large"]
    sizes = {s["label"]: s["count"] for s in (await search(client, q="runner"))["facets"]["sizes"]}
    assert sizes == {small.label: 1, large.label: 1}


async def test_a_results_page_is_byte_for_byte_what_its_schema_renders(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    response = await client.get("/api/v1/search/items", params={"q": "dress"})

    assert response.status_code == 200
    assert SearchPage.model_validate_json(response.content).model_dump_json() == response.text


async def test_a_results_page_says_how_many_searches_are_left(
    client: AsyncClient, catalogue: Catalogue, settings: Settings
) -> None:
    response = await client.get("/api/v1/search/items", params={"q": "dress"})

    assert response.headers["ratelimit-limit"] == str(settings.search_rate_limit_per_minute)
    assert int(response.headers["ratelimit-remaining"]) < settings.search_rate_limit_per_minute
