"""Saved searches, recent searches and as-you-type suggestions."""

import uuid

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.search.conftest import Catalogue, signed_in


async def test_a_member_saves_lists_and_deletes_a_search(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    ana = await signed_in(client, database, username="ana")
    query = {"q": "dress", "color": ["red"], "price_max": 3000}
    created = await client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Red dresses", "query": query, "email_alerts": True},
        headers=ana.headers,
    )
    assert created.status_code == 201, created.text
    listed = (await client.get("/api/v1/me/saved-searches", headers=ana.headers)).json()
    assert [(s["name"], s["query"]["q"], s["email_alerts"]) for s in listed["items"]] == [
        ("Red dresses", "dress", True)
    ]
    gone = await client.delete(
        f"/api/v1/me/saved-searches/{created.json()['id']}", headers=ana.headers
    )
    assert gone.status_code == 204
    assert (await client.get("/api/v1/me/saved-searches", headers=ana.headers)).json() == {
        "items": []
    }


async def test_a_saved_search_with_an_unknown_brand_is_refused(
    client: AsyncClient, database: Database
) -> None:
    ana = await signed_in(client, database, username="ana")
    response = await client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Ghost", "query": {"brand": [str(uuid.uuid4())]}},
        headers=ana.headers,
    )
    assert response.status_code == 422


async def test_another_members_saved_search_cannot_be_deleted(
    client: AsyncClient, database: Database
) -> None:
    ana = await signed_in(client, database, username="ana")
    ben = await signed_in(client, database, username="ben")
    created = await client.post(
        "/api/v1/me/saved-searches", json={"name": "Mine", "query": {}}, headers=ana.headers
    )
    response = await client.delete(
        f"/api/v1/me/saved-searches/{created.json()['id']}", headers=ben.headers
    )
    assert response.status_code == 404


async def test_a_members_searches_are_remembered_newest_first_without_repeats(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    ana = await signed_in(client, database, username="ana")
    for q in ("dress", "trainers", "dress"):
        await client.get("/api/v1/search/items", params={"q": q}, headers=ana.headers)
    recent = (await client.get("/api/v1/me/recent-searches", headers=ana.headers)).json()
    assert [r["query"]["q"] for r in recent["items"]] == ["dress", "trainers"]
    await client.delete("/api/v1/me/recent-searches", headers=ana.headers)
    cleared = (await client.get("/api/v1/me/recent-searches", headers=ana.headers)).json()
    assert cleared == {"items": []}


async def test_suggestions_offer_brands_categories_and_popular_searches(
    client: AsyncClient, catalogue: Catalogue
) -> None:
    await client.get("/api/v1/search/items", params={"q": "Adidas samba"})
    found = (await client.get("/api/v1/search/suggest", params={"q": "adi"})).json()
    assert "Adidas" in [b["name"] for b in found["brands"]]
    assert "adidas samba" in found["queries"]
    dresses = (await client.get("/api/v1/search/suggest", params={"q": "dress"})).json()
    assert any(c["path"][-1] == "Dresses" for c in dresses["categories"])


async def test_saved_and_recent_searches_read_in_words(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    ana = await signed_in(client, database, username="ana")
    query = {"q": "dress", "brand": [str(catalogue.brand("Zara"))], "price_max": 3000}
    saved = await client.post(
        "/api/v1/me/saved-searches", json={"name": "Zara", "query": query}, headers=ana.headers
    )
    assert saved.json()["summary"] == "“dress” · Zara · up to 30.00 EUR"
    await client.get("/api/v1/search/items", params={"color": "red"}, headers=ana.headers)
    recent = (await client.get("/api/v1/me/recent-searches", headers=ana.headers)).json()
    assert [r["summary"] for r in recent["items"]] == ["Red"]


async def test_a_near_miss_of_a_brand_is_still_suggested(client: AsyncClient) -> None:
    for typed, brand in (("adiddas", "Adidas"), ("nkie", "Nike")):
        found = (await client.get("/api/v1/search/suggest", params={"q": typed})).json()
        assert brand in [b["name"] for b in found["brands"]], typed


async def test_later_pages_of_a_corrected_search_keep_going(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    first = (await client.get("/api/v1/search/items", params={"q": "trainerz", "limit": 1})).json()
    assert first["corrected_query"] == "trainers"
    second = (
        await client.get(
            "/api/v1/search/items",
            params={"q": "trainerz", "limit": 1, "cursor": first["next_cursor"]},
        )
    ).json()
    assert len(second["items"]) == 1
    assert second["items"][0]["id"] != first["items"][0]["id"]
