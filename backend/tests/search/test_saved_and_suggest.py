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
