"""The two ways of reading followed sellers' new listings (`feed/repository.py`): a page
per followed seller merged, for members who follow few, and a walk down the site's new
listings, for members who follow many. Both must give the same pages."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select, update

from reloop.feed import repository
from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from reloop.models.user import User
from tests.factories.items import Choices
from tests.factories.social import insert_items, link_follows
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn, signed_in


async def _pages(
    database: Database, viewer_id: uuid.UUID, limit: int, *, per_seller: bool
) -> list[list[uuid.UUID]]:
    pages: list[list[uuid.UUID]] = []
    after: tuple[datetime, uuid.UUID] | None = None
    while True:
        async with database.reading() as session:
            rows = await repository.following_page(
                session, viewer_id, limit, after, per_seller=per_seller
            )
        pages.append([row.item.id for row in rows[:limit]])
        if len(rows) <= limit:
            return pages
        last = rows[limit - 1].item
        assert last.published_at is not None
        after = (last.published_at, last.id)


async def _newest_first(database: Database, ids: list[uuid.UUID]) -> list[uuid.UUID]:
    async with database.reading() as session:
        rows = await session.execute(select(Item.id, Item.published_at).where(Item.id.in_(ids)))
    return [i for i, _ in sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)]


async def test_both_ways_give_the_same_pages_newest_first(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    cleo, dan, eve = [await signed_in(client, database, username=n) for n in ("cleo", "dan", "eve")]
    now = datetime.now(UTC)
    # Ana's and Cleo's listings share their timestamps, so the id decides between them.
    shown = await insert_items(database, choice, ana.id, 5, newest=now)
    shown += await insert_items(database, choice, cleo.id, 5, newest=now)
    shown += await insert_items(database, choice, ana.id, 2, newest=now - timedelta(days=3))
    await insert_items(database, choice, ana.id, 1, newest=now, status=ItemStatus.sold)
    await insert_items(database, choice, dan.id, 3, newest=now)  # muted
    await insert_items(database, choice, eve.id, 3, newest=now)  # not followed
    await link_follows(database, ben.id, [ana.id, cleo.id, dan.id])
    await client.put("/api/v1/users/dan/mute", headers=ben.headers)

    merged = await _pages(database, ben.id, 3, per_seller=True)
    walked = await _pages(database, ben.id, 3, per_seller=False)

    assert merged == walked
    assert [i for page in merged for i in page] == await _newest_first(database, shown)


@pytest.mark.parametrize(
    ("following_count", "per_seller"),
    [
        (1, True),
        (repository.PER_SELLER_MAX_FOLLOWS, True),
        (repository.PER_SELLER_MAX_FOLLOWS + 1, False),
    ],
)
async def test_the_members_following_count_picks_how_their_feed_is_read(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    choice: Choices,
    ana: SignedIn,
    ben: SignedIn,
    following_count: int,
    per_seller: bool,
) -> None:
    await insert_items(database, choice, ana.id, 2)
    await link_follows(database, ben.id, [ana.id])
    async with database.transaction() as session:
        await session.execute(
            update(User).where(User.id == ben.id).values(following_count=following_count)
        )
    with count_statements(app) as statements:
        response = await client.get("/api/v1/feed", headers=ben.headers)
    assert len(response.json()["items"]) == 2
    assert any("per_seller" in sql for sql in statements) is per_seller
