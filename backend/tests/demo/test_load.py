"""Loading the demo data: real members, published listings with processed photos, once."""

from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select

from reloop.config import Settings
from reloop.demo.listings import plan
from reloop.demo.seed import MEMBERS, load_demo_data
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from reloop.models.media import Image, ImagePurpose, ImageStatus
from reloop.models.user import Role, User


async def _count(database: Database, model: type[Item] | type[Image] | type[User]) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_small_load_publishes_listings_whose_photos_went_through_the_pipeline(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings, cache: Cache
) -> None:
    storage = app.state.storage

    report = await load_demo_data(
        database, storage, cache, settings, sellers=3, listings_per_seller=2
    )

    expected = [listing for m in MEMBERS[:3] for listing in plan()[m.username][:2]]
    assert report.members == tuple(m.username for m in MEMBERS[:3])
    assert report.listings == 6
    assert report.photos == sum(len(listing.shots) for listing in expected)
    assert report.avatars == 2
    async with database.sessionmaker() as session:
        items = list(await session.scalars(select(Item)))
        images = list(await session.scalars(select(Image)))
    assert {i.title for i in items} == {listing.title for listing in expected}
    assert all(i.status is ImageStatus.ready and i.variants for i in images)
    assert sum(i.purpose is ImagePurpose.avatar for i in images) == 2
    now = datetime.now(UTC)
    for item in items:
        assert now - timedelta(days=61) < item.created_at < now
        if item.status is not ItemStatus.draft:
            assert item.published_at is not None
            assert item.created_at < item.published_at
    public = [i for i in items if i.status in {ItemStatus.active, ItemStatus.sold}]
    assert public
    for item in public:
        response = await client.get(f"/api/v1/items/{item.id}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["title"] == item.title
        assert body["images"]
        assert all(
            i["status"] == "ready" and set(i["variants"]) == {"thumb", "medium", "large"}
            for i in body["images"]
        )
        large = body["images"][0]["variants"]["large"]
        assert (large["width"], large["height"]) in {(1200, 1200), (1200, 1500)}


async def test_a_second_load_creates_nothing(
    app: FastAPI, database: Database, settings: Settings, cache: Cache
) -> None:
    await load_demo_data(
        database, app.state.storage, cache, settings, sellers=2, listings_per_seller=1
    )
    counts = [await _count(database, m) for m in (User, Item, Image)]

    again = await load_demo_data(
        database, app.state.storage, cache, settings, sellers=2, listings_per_seller=1
    )

    assert again.members == ()
    assert again.listings == again.photos == again.avatars == 0
    assert [await _count(database, m) for m in (User, Item, Image)] == counts


async def test_demo_members_include_the_staff_and_share_one_verified_setup(
    app: FastAPI, database: Database, settings: Settings, cache: Cache
) -> None:
    report = await load_demo_data(
        database, app.state.storage, cache, settings, sellers=7, listings_per_seller=0
    )

    assert len(report.members) == 7
    async with database.sessionmaker() as session:
        users = list(await session.scalars(select(User)))
    assert {u.role for u in users} == {Role.member, Role.moderator, Role.admin}
    assert all(u.is_verified and u.city and u.country_code and u.bio for u in users)
    assert sum(u.avatar_image_id is not None for u in users) == 4


async def test_demo_members_follow_and_like_with_exact_counts_added_once(
    app: FastAPI, database: Database, settings: Settings, cache: Cache
) -> None:
    first = await load_demo_data(
        database, app.state.storage, cache, settings, sellers=4, listings_per_seller=3
    )
    again = await load_demo_data(
        database, app.state.storage, cache, settings, sellers=4, listings_per_seller=3
    )

    assert first.social.follows > 0
    assert first.social.likes > 0
    assert (again.social.follows, again.social.likes, again.social.comments) == (0, 0, 0)
    async with database.sessionmaker() as session:
        followers = await session.scalar(select(func.sum(User.follower_count)))
        likes = await session.scalar(select(func.sum(Item.like_count)))
        popular = await session.scalar(select(func.max(Item.popularity)))
    assert followers == first.social.follows
    assert likes == first.social.likes
    assert popular is not None
    assert popular > 0
