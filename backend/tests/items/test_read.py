"""Reading listings: visibility, ETags, caching, views, and lists at constant SQL cost."""

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.config import Settings
from reloop.items.counters import flush_views
from reloop.items.schemas import ItemDetail
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from tests.factories.items import Choices, listing, ready_photo
from tests.factories.users import bearer_headers, make_member
from tests.fixtures.sql import count_statements
from tests.items.conftest import Seller


async def _publish(
    client: AsyncClient, seller: Seller, choice: Choices, photos: list[str], **extra: Any
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/items", json=listing(choice, photos, **extra), headers=seller.headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_visitor_sees_a_published_listing_with_its_photo_variants(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    item = await _publish(client, seller, choice, seller.photos)

    response = await client.get(f"/api/v1/items/{item['id']}")

    assert response.status_code == 200
    images = response.json()["images"]
    assert len(images) == 3
    assert all(set(i["variants"]) == {"thumb", "medium", "large"} for i in images)
    assert all(i["placeholder"] and i["aspect_ratio"] for i in images)


async def test_an_unchanged_listing_answers_304(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    item = await _publish(client, seller, choice, seller.photos[:1])
    first = await client.get(f"/api/v1/items/{item['id']}")

    again = await client.get(
        f"/api/v1/items/{item['id']}", headers={"If-None-Match": first.headers["etag"]}
    )

    assert again.status_code == 304


async def test_drafts_are_visible_to_their_seller_only(
    client: AsyncClient, seller: Seller, choice: Choices, database: Database
) -> None:
    draft = await _publish(client, seller, choice, [], status="draft")
    other = await bearer_headers(client, await make_member(database))

    assert (
        await client.get(f"/api/v1/items/{draft['id']}", headers=seller.headers)
    ).status_code == 200
    assert (await client.get(f"/api/v1/items/{draft['id']}", headers=other)).status_code == 404
    assert (await client.get(f"/api/v1/items/{draft['id']}")).status_code == 404


async def test_views_by_others_are_counted_and_flushed(
    client: AsyncClient,
    seller: Seller,
    choice: Choices,
    database: Database,
    redis: GuardedRedis,
) -> None:
    item = await _publish(client, seller, choice, seller.photos[:1])
    await redis.client.delete("views:pending")

    for _ in range(3):
        await client.get(f"/api/v1/items/{item['id']}")
    await client.get(f"/api/v1/items/{item['id']}", headers=seller.headers)
    applied = await flush_views(database, redis)

    assert applied == 3
    async with database.sessionmaker() as session:
        from reloop.models.item import Item

        stored = await session.get(Item, item["id"])
    assert stored is not None
    assert stored.view_count == 3


async def test_members_views_of_a_cached_listing_count_but_not_its_sellers(
    client: AsyncClient,
    seller: Seller,
    choice: Choices,
    database: Database,
    redis: GuardedRedis,
) -> None:
    item = await _publish(client, seller, choice, seller.photos[:1])
    await client.get(f"/api/v1/items/{item['id']}")  # cached, and a visitor's view
    await redis.client.delete("views:pending")
    member = await bearer_headers(client, await make_member(database))

    for headers in (member, member, seller.headers):
        response = await client.get(f"/api/v1/items/{item['id']}", headers=headers)
        assert response.status_code == 200

    assert await redis.client.hget("views:pending", item["id"]) == b"2"


def test_the_viewer_is_the_last_field_of_an_item_page() -> None:
    # A member's page from the cache is the shared page with its closing `"viewer":null`
    # replaced in the bytes (`items.router._for_member`).
    assert list(ItemDetail.model_fields)[-1] == "viewer"


async def test_a_members_page_from_the_cache_is_the_shared_page_with_their_flags(
    client: AsyncClient, seller: Seller, choice: Choices, database: Database
) -> None:
    item = await _publish(client, seller, choice, seller.photos[:1])
    member = await bearer_headers(client, await make_member(database))
    await client.put(f"/api/v1/items/{item['id']}/like", headers=member)
    shared = (await client.get(f"/api/v1/items/{item['id']}")).json()

    cached = await client.get(f"/api/v1/items/{item['id']}", headers=member)

    assert cached.json() == {**shared, "viewer": {"liked": True, "saved": False}}


async def test_the_seller_grid_costs_the_same_statements_for_1_and_many_items(
    app: FastAPI, client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    await _publish(client, seller, choice, seller.photos[:1])
    await client.get(f"/api/v1/users/{seller.member.username}/items")
    with count_statements(app) as one:
        first = await client.get(f"/api/v1/users/{seller.member.username}/items")
    for photo in seller.photos[1:]:
        await _publish(client, seller, choice, [photo])
    for _ in range(3):
        await _publish(client, seller, choice, [], status="draft")
    with count_statements(app) as many:
        second = await client.get(f"/api/v1/users/{seller.member.username}/items")

    assert len(first.json()["items"]) == 1
    assert len(second.json()["items"]) == 3
    assert len(one) == len(many) <= 4
    assert all(card["cover"] for card in second.json()["items"])


async def test_my_listings_by_status_are_paged_with_a_cursor(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    for photo in seller.photos:
        await _publish(client, seller, choice, [photo])
    await _publish(client, seller, choice, [], status="draft")

    first = (
        await client.get("/api/v1/me/items", params={"limit": 2}, headers=seller.headers)
    ).json()
    rest = (
        await client.get(
            "/api/v1/me/items",
            params={"limit": 2, "cursor": first["next_cursor"]},
            headers=seller.headers,
        )
    ).json()
    drafts = (
        await client.get("/api/v1/me/items", params={"status": "draft"}, headers=seller.headers)
    ).json()

    assert len(first["items"]) == 2
    assert len(rest["items"]) == 1
    assert rest["next_cursor"] is None
    assert len(drafts["items"]) == 1


async def test_a_cursor_from_another_sellers_grid_is_refused(
    client: AsyncClient, seller: Seller, choice: Choices, database: Database
) -> None:
    for photo in seller.photos:
        await _publish(client, seller, choice, [photo])
    cursor = (
        await client.get(f"/api/v1/users/{seller.member.username}/items", params={"limit": 1})
    ).json()["next_cursor"]
    other = await make_member(database)

    response = await client.get(f"/api/v1/users/{other.username}/items", params={"cursor": cursor})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


async def test_the_seller_card_carries_the_sellers_avatar(
    app: FastAPI,
    client: AsyncClient,
    seller: Seller,
    choice: Choices,
    database: Database,
    settings: Settings,
) -> None:
    avatar = await ready_photo(app, client, database, settings, seller.headers, purpose="avatar")
    await client.patch("/api/v1/me", json={"avatar_image_id": avatar}, headers=seller.headers)
    item = await _publish(client, seller, choice, seller.photos[:1])

    seen = (await client.get(f"/api/v1/items/{item['id']}")).json()

    assert seen["seller"]["avatar"]["id"] == avatar
    assert [image["id"] for image in seen["images"]] == seller.photos[:1]
