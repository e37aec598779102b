"""The home feed: followed sellers newest first, then popular, with reasons."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import update

from reloop.feed.popularity import refresh_popularity
from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from tests.factories.items import Choices
from tests.factories.social import insert_items, link_follows, link_likes
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn, signed_in


async def _feed(client: AsyncClient, who: SignedIn, **params: Any) -> dict[str, Any]:
    response = await client.get("/api/v1/feed", params=params, headers=who.headers)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def _walk(client: AsyncClient, who: SignedIn, limit: int) -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = await _feed(client, who, limit=limit, **({"cursor": cursor} if cursor else {}))
        cards += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return cards


async def test_followed_sellers_new_listings_come_first_newest_first(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    now = datetime.now(UTC)
    older = await insert_items(database, choice, ana.id, 2, newest=now - timedelta(hours=1))
    newer = await insert_items(database, choice, ana.id, 2, newest=now)
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    page = await _feed(client, ben)
    assert [c["id"] for c in page["items"]] == [str(i) for i in newer + older]
    assert {c["reason"] for c in page["items"]} == {"following"}


async def test_the_feed_continues_with_popular_listings_when_following_runs_dry(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    await insert_items(database, choice, ana.id, 3)
    popular = await insert_items(database, choice, cleo.id, 4)
    await link_likes(database, popular[0], [ana.id, ben.id])
    await refresh_popularity(database)
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    cards = await _walk(client, ben, limit=2)
    assert [c["reason"] for c in cards] == ["following"] * 3 + ["popular"] * 4
    assert cards[3]["id"] == str(popular[0])
    assert len({c["id"] for c in cards}) == 7


async def test_a_member_who_follows_nobody_gets_the_popular_feed(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    await insert_items(database, choice, ana.id, 2)
    await refresh_popularity(database)
    page = await _feed(client, ben)
    assert [c["reason"] for c in page["items"]] == ["popular", "popular"]


async def test_own_sold_and_muted_listings_are_left_out(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    (kept,) = await insert_items(database, choice, ana.id, 1)
    await insert_items(database, choice, ana.id, 1, status=ItemStatus.sold)
    await insert_items(database, choice, ben.id, 1)
    await insert_items(database, choice, cleo.id, 1)
    await refresh_popularity(database)
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put("/api/v1/users/cleo/follow", headers=ben.headers)
    await client.put("/api/v1/users/cleo/mute", headers=ben.headers)
    cards = await _walk(client, ben, limit=5)
    assert [c["id"] for c in cards] == [str(kept)]


async def test_blocked_sellers_are_left_out_of_the_popular_part(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    await insert_items(database, choice, ana.id, 2)
    await refresh_popularity(database)
    await client.put("/api/v1/users/ben/block", headers=ana.headers)
    assert (await _feed(client, ben))["items"] == []


async def test_cards_carry_the_viewers_like_and_save(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    (item,) = await insert_items(database, choice, ana.id, 1)
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put(f"/api/v1/items/{item}/like", headers=ben.headers)
    (card,) = (await _feed(client, ben))["items"]
    assert (card["liked"], card["saved"], card["like_count"]) == (True, False, 1)


async def test_a_tampered_cursor_is_a_bad_request(client: AsyncClient, ben: SignedIn) -> None:
    response = await client.get("/api/v1/feed", params={"cursor": "abc"}, headers=ben.headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


async def test_the_home_feed_needs_a_member(client: AsyncClient) -> None:
    assert (await client.get("/api/v1/feed")).status_code == 401


async def test_the_feed_costs_the_same_statements_at_any_page_size(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    choice: Choices,
    ana: SignedIn,
    ben: SignedIn,
) -> None:
    sellers = [await signed_in(client, database) for _ in range(3)]
    for seller in sellers:
        await insert_items(database, choice, seller.id, 10)
    await link_follows(database, ben.id, [s.id for s in sellers])
    await insert_items(database, choice, ana.id, 10)
    await refresh_popularity(database)
    counts = []
    for limit in (2, 30, 40):
        with count_statements(app) as statements:
            page = await _feed(client, ben, limit=limit)
        assert len(page["items"]) == limit
        counts.append(len(statements))
    # Session, following page, covers; a page that reaches into popular adds one query.
    assert counts == [3, 3, 4]


async def test_popularity_ranks_engagement_and_decays_with_age(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    now = datetime.now(UTC)
    (old_hit,) = await insert_items(database, choice, ana.id, 1, newest=now - timedelta(days=3))
    (fresh,) = await insert_items(database, choice, ana.id, 1, newest=now)
    (liked,) = await insert_items(database, choice, ana.id, 1, newest=now - timedelta(hours=1))
    await link_likes(database, liked, [ben.id])
    await link_likes(database, old_hit, [ben.id])
    await refresh_popularity(database)
    page = (await client.get("/api/v1/feed/popular")).json()
    assert [c["id"] for c in page["items"]] == [str(liked), str(fresh), str(old_hit)]


async def test_listings_past_the_horizon_drop_to_zero(
    database: Database, choice: Choices, ana: SignedIn
) -> None:
    (item,) = await insert_items(database, choice, ana.id, 1)
    async with database.transaction() as session:
        await session.execute(
            update(Item)
            .where(Item.id == item)
            .values(popularity=5.0, published_at=datetime.now(UTC) - timedelta(days=40))
        )
    await refresh_popularity(database)
    async with database.sessionmaker() as session:
        assert (await session.get(Item, item)).popularity == 0  # type: ignore[union-attr]


async def test_the_popular_feed_pages_through_everything_once_for_visitors(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn
) -> None:
    ids = await insert_items(database, choice, ana.id, 7)
    await refresh_popularity(database)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/v1/feed/popular", params=params)).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(str(i) for i in ids)
    assert len(seen) == len(set(seen))
