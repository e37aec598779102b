"""Editing listings with If-Match, moving them between states, deleting them."""

from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import select

from reloop.kit.db import Database
from reloop.models.event import Event
from tests.factories.items import Choices, listing
from tests.factories.users import bearer_headers, make_member
from tests.items.conftest import Seller


@pytest.fixture
async def published(client: AsyncClient, seller: Seller, choice: Choices) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/items", json=listing(choice, seller.photos[:2]), headers=seller.headers
    )
    assert response.status_code == 201
    body: dict[str, Any] = response.json()
    return body


async def _patch(
    client: AsyncClient, seller: Seller, item_id: str, etag: str | None, body: dict[str, Any]
) -> Any:
    headers = dict(seller.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return await client.patch(f"/api/v1/items/{item_id}", json=body, headers=headers)


async def _events(database: Database) -> list[str]:
    async with database.sessionmaker() as session:
        return list((await session.scalars(select(Event.type).order_by(Event.id))).all())


async def test_an_edit_with_the_current_etag_applies_and_bumps_the_version(
    client: AsyncClient, seller: Seller, published: dict[str, Any], database: Database
) -> None:
    response = await _patch(
        client, seller, published["id"], '"v1"', {"price": {"amount": 3900, "currency": "EUR"}}
    )

    assert response.status_code == 200
    assert response.json()["price"]["amount"] == 3900
    assert response.headers["etag"] == '"v2"'
    assert await _events(database) == ["item.published", "item.updated", "item.price_dropped"]
    seen = await client.get(f"/api/v1/items/{published['id']}")
    assert seen.json()["price"]["amount"] == 3900


async def test_a_stale_etag_answers_412_and_changes_nothing(
    client: AsyncClient, seller: Seller, published: dict[str, Any]
) -> None:
    await _patch(client, seller, published["id"], '"v1"', {"title": "First edit wins"})

    stale = await _patch(client, seller, published["id"], '"v1"', {"title": "Second edit loses"})

    assert stale.status_code == 412
    assert stale.json()["error"]["details"]["current_etag"] == '"v2"'
    current = await client.get(f"/api/v1/items/{published['id']}")
    assert current.json()["title"] == "First edit wins"


async def test_an_edit_without_if_match_answers_428(
    client: AsyncClient, seller: Seller, published: dict[str, Any]
) -> None:
    response = await _patch(client, seller, published["id"], None, {"title": "No precondition"})

    assert response.status_code == 428


async def test_photos_can_be_reordered_and_replaced(
    client: AsyncClient, seller: Seller, published: dict[str, Any]
) -> None:
    order = [seller.photos[2], seller.photos[0]]

    response = await _patch(client, seller, published["id"], '"v1"', {"image_ids": order})

    assert [i["id"] for i in response.json()["images"]] == order


async def test_hiding_then_showing_and_marking_sold(
    client: AsyncClient, seller: Seller, published: dict[str, Any], database: Database
) -> None:
    item = published["id"]
    hidden = await _patch(client, seller, item, '"v1"', {"status": "hidden"})
    assert hidden.json()["status"] == "hidden"
    assert (await client.get(f"/api/v1/items/{item}")).status_code == 404

    shown = await _patch(client, seller, item, '"v2"', {"status": "active"})
    sold = await _patch(client, seller, item, '"v3"', {"status": "sold"})

    assert shown.json()["status"] == "active"
    assert sold.json()["status"] == "sold"
    assert (await client.get(f"/api/v1/items/{item}")).json()["status"] == "sold"
    assert "item.sold" in await _events(database)


async def test_a_sold_listing_cannot_go_back_to_active(
    client: AsyncClient, seller: Seller, published: dict[str, Any]
) -> None:
    await _patch(client, seller, published["id"], '"v1"', {"status": "sold"})

    response = await _patch(client, seller, published["id"], '"v2"', {"status": "active"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "status_change_not_allowed"


async def test_a_draft_is_published_by_an_edit(
    client: AsyncClient, seller: Seller, choice: Choices, database: Database
) -> None:
    draft = (
        await client.post(
            "/api/v1/items", json=listing(choice, [], status="draft"), headers=seller.headers
        )
    ).json()

    response = await _patch(
        client, seller, draft["id"], '"v1"', {"status": "active", "image_ids": seller.photos[:1]}
    )

    assert response.json()["status"] == "active"
    assert response.json()["published_at"] is not None
    assert await _events(database) == ["item.published"]


async def test_deleting_hides_the_listing_everywhere(
    client: AsyncClient, seller: Seller, published: dict[str, Any]
) -> None:
    response = await client.delete(f"/api/v1/items/{published['id']}", headers=seller.headers)

    assert response.status_code == 204
    assert (await client.get(f"/api/v1/items/{published['id']}")).status_code == 404
    mine = await client.get("/api/v1/me/items", headers=seller.headers)
    assert mine.json()["items"] == []


async def test_another_member_can_neither_edit_nor_delete(
    client: AsyncClient, published: dict[str, Any], database: Database
) -> None:
    headers = await bearer_headers(client, await make_member(database))

    edit = await client.patch(
        f"/api/v1/items/{published['id']}",
        json={"title": "Mine now"},
        headers={**headers, "If-Match": '"v1"'},
    )
    delete = await client.delete(f"/api/v1/items/{published['id']}", headers=headers)

    assert edit.status_code == 404
    assert delete.status_code == 404
    assert (await client.get(f"/api/v1/items/{published['id']}")).json()["title"] != "Mine now"
