"""Visitors share cached pages of the popular feed; members and new rankings never wait."""

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import update

from reloop.feed.popularity import refresh_popularity
from reloop.feed.service import refresh_popular_feed
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.item import Item
from tests.factories.items import Choices
from tests.factories.social import insert_items, link_likes
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn


async def _retitle(database: Database, item_id: object, title: str) -> None:
    async with database.transaction() as session:
        await session.execute(update(Item).where(Item.id == item_id).values(title=title))


async def test_a_visitors_repeated_page_is_served_from_the_cache_without_sql(
    app: FastAPI, client: AsyncClient, database: Database, choice: Choices, ana: SignedIn
) -> None:
    (item,) = await insert_items(database, choice, ana.id, 1)
    first = await client.get("/api/v1/feed/popular")
    await _retitle(database, item, "Changed after the page was cached")

    with count_statements(app) as statements:
        again = await client.get("/api/v1/feed/popular")

    assert statements == []
    assert again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]


async def test_a_visitor_who_has_the_page_gets_a_304(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn
) -> None:
    await insert_items(database, choice, ana.id, 2)
    first = await client.get("/api/v1/feed/popular")

    again = await client.get(
        "/api/v1/feed/popular", headers={"If-None-Match": first.headers["etag"]}
    )

    assert again.status_code == 304


async def test_each_page_size_and_cursor_is_cached_apart(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn
) -> None:
    await insert_items(database, choice, ana.id, 3)
    await refresh_popularity(database)
    one = (await client.get("/api/v1/feed/popular", params={"limit": 1})).json()
    three = (await client.get("/api/v1/feed/popular", params={"limit": 3})).json()
    rest = await client.get(
        "/api/v1/feed/popular", params={"limit": 1, "cursor": one["next_cursor"]}
    )

    assert (len(one["items"]), len(three["items"])) == (1, 3)
    assert rest.json()["items"][0]["id"] == three["items"][1]["id"]


async def test_members_never_get_the_visitors_cached_page(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    (item,) = await insert_items(database, choice, ana.id, 1)
    await link_likes(database, item, [ben.id])
    visitor = (await client.get("/api/v1/feed/popular")).json()

    member = (await client.get("/api/v1/feed/popular", headers=ben.headers)).json()

    assert visitor["items"][0]["liked"] is False
    assert member["items"][0]["liked"] is True


async def test_beats_popularity_refresh_drops_the_cached_pages(
    client: AsyncClient,
    database: Database,
    cache: Cache,
    choice: Choices,
    ana: SignedIn,
    ben: SignedIn,
) -> None:
    quiet, liked = await insert_items(database, choice, ana.id, 2)
    await refresh_popularity(database)
    before = (await client.get("/api/v1/feed/popular")).json()
    await link_likes(database, liked, [ben.id])

    assert await refresh_popular_feed(database, cache) > 0

    after = (await client.get("/api/v1/feed/popular")).json()
    assert [c["id"] for c in after["items"]] == [str(liked), str(quiet)]
    assert after != before
