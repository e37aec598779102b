"""New listings matching a saved search notify its owner through the events dispatcher."""

from datetime import UTC, datetime
from typing import Any

from httpx import AsyncClient

from reloop.events.service import append_event
from reloop.kit.db import Database
from reloop.search.alerts import send_saved_search_emails
from tests.factories.search import add_listings
from tests.fixtures.outbox import emails_to
from tests.notifications.conftest import Dispatch
from tests.search.conftest import Catalogue, SignedIn, signed_in


async def _publish(database: Database, catalogue: Catalogue, **fields: Any) -> str:
    (item_id,) = await add_listings(database, catalogue.seller.id, [fields])
    async with database.transaction() as session:
        append_event(session, "item.published", item_id, actor_id=catalogue.seller.id)
    return str(item_id)


async def _save(client: AsyncClient, who: SignedIn, query: dict[str, Any]) -> None:
    response = await client.post(
        "/api/v1/me/saved-searches", json={"name": "Alert", "query": query}, headers=who.headers
    )
    assert response.status_code == 201, response.text


async def _notes(client: AsyncClient, who: SignedIn) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = (
        await client.get("/api/v1/notifications", headers=who.headers)
    ).json()["items"]
    return items


async def test_a_matching_new_listing_notifies_the_saved_search_owner(
    client: AsyncClient, database: Database, catalogue: Catalogue, dispatch: Dispatch
) -> None:
    ana = await signed_in(client, database, username="ana")
    await _save(client, ana, {"q": "dress", "color": ["green"], "price_max": 3000})
    item_id = await _publish(
        database,
        catalogue,
        title="Green linen dress",
        category_id=catalogue.category("women-dresses"),
        colors=["green"],
        price_amount=2500,
    )
    await dispatch()
    (note,) = await _notes(client, ana)
    assert note["type"] == "saved_search"
    assert note["text"] == "New listing for one of your saved searches: “Green linen dress”"
    assert note["link"] == f"/items/{item_id}"


async def test_a_listing_outside_the_filters_notifies_nobody(
    client: AsyncClient, database: Database, catalogue: Catalogue, dispatch: Dispatch
) -> None:
    ana = await signed_in(client, database, username="ana")
    await _save(client, ana, {"q": "dress", "price_max": 3000})
    await _publish(
        database,
        catalogue,
        title="Silk evening dress",
        category_id=catalogue.category("women-dresses"),
        price_amount=9000,
    )
    await _publish(
        database, catalogue, title="Canvas tote", category_id=catalogue.category("men-trainers")
    )
    await dispatch()
    assert await _notes(client, ana) == []


async def test_a_blocked_seller_never_reaches_a_saved_search(
    client: AsyncClient, database: Database, catalogue: Catalogue, dispatch: Dispatch
) -> None:
    ana = await signed_in(client, database, username="ana")
    await _save(client, ana, {"q": "dress"})
    await client.put(f"/api/v1/users/{catalogue.seller.username}/block", headers=ana.headers)
    await _publish(
        database, catalogue, title="Blue dress", category_id=catalogue.category("women-dresses")
    )
    await dispatch()
    assert await _notes(client, ana) == []


async def test_searches_that_asked_for_email_get_one_daily_email_of_new_matches(
    client: AsyncClient, database: Database, catalogue: Catalogue
) -> None:
    ana = await signed_in(client, database, username="ana")
    for name, query, email in (
        ("Dresses", {"q": "dress"}, True),
        ("Trainers", {"q": "trainers"}, True),
        ("Quiet", {"q": "dress"}, False),
    ):
        await client.post(
            "/api/v1/me/saved-searches",
            json={"name": name, "query": query, "email_alerts": email},
            headers=ana.headers,
        )
    now = datetime.now(UTC)
    assert await send_saved_search_emails(database, now) == 1
    assert await send_saved_search_emails(database, now) == 0
    (alert,) = await emails_to(database, ana.member.email)
    assert alert.subject == "New listings for your saved searches"
    assert "Red summer dress" in alert.text_body
    assert "Nike Air Max trainers" in alert.text_body


async def test_a_saved_search_near_a_place_hears_only_of_listings_nearby(
    client: AsyncClient, database: Database, catalogue: Catalogue, dispatch: Dispatch
) -> None:
    ana = await signed_in(client, database, username="ana")
    await _save(client, ana, {"q": "lamp", "lat": 48.85, "lon": 2.35, "radius_km": 20})
    far = await _publish(database, catalogue, title="Brass lamp", city="Lyon", **_lamp(catalogue))
    near = await _publish(database, catalogue, title="Paper lamp", city="Paris", **_lamp(catalogue))
    await dispatch()
    assert [n["link"] for n in await _notes(client, ana)] == [f"/items/{near}"]
    assert far != near


def _lamp(catalogue: Catalogue) -> dict[str, Any]:
    return {"category_id": catalogue.category("women-dresses")}
