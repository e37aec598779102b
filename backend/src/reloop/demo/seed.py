"""Demo data: loaded into a development install, never in production.

Members first, then their listings with generated photos, then avatars, then who
follows and likes what (`demo.social`), then who bought what (`demo.commerce`). Photos
take the real route: an image row, its bytes in storage, `media.pipeline.process` for variants,
placeholder and dominant colour, then `items.service.create_item` attaches them. Each
step is skipped when what it makes exists (a member by email, a listing by its seller
and title, an avatar when one is set), so loading again creates nothing new and a load
that was interrupted finishes where it stopped. Every demo account shares one password.
"""

import asyncio
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.auth.admin import create_member
from reloop.config import Settings
from reloop.demo.commerce import CommerceReport, load_commerce
from reloop.demo.listings import PlannedListing, plan
from reloop.demo.members import DEMO_PASSWORD, MEMBERS, DemoMember
from reloop.demo.photos.avatars import avatar
from reloop.demo.photos.render import photo
from reloop.demo.social import SocialReport, load_social
from reloop.events.service import append_event
from reloop.feed.popularity import refresh_popularity
from reloop.items.schemas import ItemCreate
from reloop.items.service import create_item
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.money import Money
from reloop.kit.storage import Storage
from reloop.media.pipeline import process
from reloop.models.item import Item, ItemStatus
from reloop.models.media import Image, ImagePurpose, ImageStatus
from reloop.models.user import User
from reloop.search.terms import refresh_terms
from reloop.taxonomy.snapshot import get_taxonomy
from reloop.users.repository import UserRepository
from reloop.users.schemas import Location

__all__ = ["DEMO_PASSWORD", "MEMBERS", "DemoReport", "load_demo_data"]

# Drawing and processing photos is CPU work in threads; one more than the cores keeps
# them busy while other listings wait on the database.
_CONCURRENCY = (os.cpu_count() or 2) + 1
_DRAFTING = timedelta(minutes=25)  # how long before publishing a listing was started


@dataclass(frozen=True, slots=True)
class DemoReport:
    """What a load created (all zero and empty when everything already existed)."""

    members: tuple[str, ...]  # usernames
    listings: int
    photos: int
    avatars: int
    social: SocialReport
    commerce: CommerceReport


@dataclass(frozen=True, slots=True)
class _Studio:
    """Where photos go: the same database, storage and settings the API uses."""

    db: Database
    storage: Storage
    settings: Settings
    limiter: asyncio.Semaphore


async def load_demo_data(
    db: Database,
    storage: Storage,
    cache: Cache,
    settings: Settings,
    *,
    sellers: int | None = None,
    listings_per_seller: int | None = None,
) -> DemoReport:
    """Create whatever of the demo data is missing, and report what was created.

    `sellers` and `listings_per_seller` limit the load to the first members and their
    first listings (tests); those are the ones a full load makes, so a later full load
    only adds the rest.
    """
    members = MEMBERS[:sellers]
    async with db.transaction() as session:
        created = await _create_members(session, members)
        users = await _users(session, members)
        listed = await _titles(session, [user.id for user in users.values()])
    studio = _Studio(db, storage, settings, asyncio.Semaphore(_CONCURRENCY))
    now = datetime.now(UTC)
    listings = [
        (member, users[member.username], listing)
        for member in members
        for listing in plan()[member.username][:listings_per_seller]
        if (users[member.username].id, listing.title) not in listed
    ]
    # Every other member has an avatar, as on a real site where many never add one.
    portraits = [
        (index, member, users[member.username])
        for index, member in enumerate(members)
        if index % 2 == 0 and users[member.username].avatar_image_id is None
    ]
    async with asyncio.TaskGroup() as group:
        photo_counts = [
            group.create_task(_create_listing(studio, member, user, listing, now))
            for member, user, listing in listings
        ]
        for index, member, user in portraits:
            group.create_task(_give_avatar(studio, member, index, user))
    async with db.transaction() as session:
        social = await load_social(session)
    commerce = await load_commerce(db, storage, cache, settings)
    # Rank the fresh listings now rather than at beat's next run, so the popular feed
    # of a new install is ordered from the first page view.
    await refresh_popularity(db)
    await refresh_terms(db)
    return DemoReport(
        members=tuple(created),
        listings=len(listings),
        photos=sum(task.result() for task in photo_counts),
        avatars=len(portraits),
        social=social,
        commerce=commerce,
    )


async def _create_members(session: AsyncSession, members: list[DemoMember]) -> list[str]:
    users = UserRepository(session)
    created = []
    for member in members:
        if await users.email_exists(member.email):
            continue
        user = await create_member(
            session,
            email=member.email,
            username=member.username,
            password=DEMO_PASSWORD,
            display_name=member.display_name,
            role=member.role,
        )
        user.bio = member.bio
        user.country_code = member.country
        user.city = member.city
        created.append(user.username)
    await session.flush()
    return created


async def _users(session: AsyncSession, members: list[DemoMember]) -> dict[str, User]:
    """The demo members' accounts by username (as written here, whatever the case)."""
    by_email = {member.email: member.username for member in members}
    found = await session.scalars(select(User).where(User.email.in_(list(by_email))))
    return {by_email[user.email]: user for user in found}


async def _titles(session: AsyncSession, seller_ids: list[uuid.UUID]) -> set[tuple[uuid.UUID, str]]:
    rows = await session.execute(
        select(Item.seller_id, Item.title).where(Item.seller_id.in_(seller_ids))
    )
    return {(row.seller_id, row.title) for row in rows}


async def _create_listing(
    studio: _Studio, member: DemoMember, seller: User, listing: PlannedListing, now: datetime
) -> int:
    """One listing with its photos processed; the number of photos."""
    async with studio.limiter:
        shots = await asyncio.to_thread(
            lambda: [
                photo(listing.subject, listing.look, shot, listing.backdrop, listing.label)
                for shot in listing.shots
            ]
        )
        image_ids = [await _upload(studio, seller.id, ImagePurpose.item, data) for data in shots]
    async with studio.db.transaction() as session:
        owner = await session.get_one(User, seller.id)
        item = await create_item(
            session,
            await get_taxonomy(session),
            owner,
            ItemCreate(
                title=listing.title,
                description=listing.description,
                category_id=listing.category_id,
                brand_id=listing.brand_id,
                size_id=listing.size_id,
                condition=listing.condition,
                colors=list(listing.colours),
                price=Money(amount=listing.price, currency="EUR"),
                location=Location(country=member.country, city=member.city),
                image_ids=image_ids,
                status="draft" if listing.status == "draft" else "active",
            ),
        )
        _settle(session, item, listing, now)
    return len(image_ids)


def _settle(session: AsyncSession, item: Item, listing: PlannedListing, now: datetime) -> None:
    """Date the listing in the past and move it to its planned state.

    Feeds order by these dates, so a demo whose listings were all published this minute
    would look staged. Sold and hidden listings record the events a seller's own move
    would (`items.service.update_item`).
    """
    started = now - listing.age
    item.created_at = item.updated_at = started
    if listing.status == "draft":
        return
    item.created_at = started - _DRAFTING
    item.published_at = started
    if listing.status in {"sold", "hidden"}:
        item.status = ItemStatus(listing.status)
        item.version += 1
        item.updated_at = started + (now - started) / 2
        if item.status is ItemStatus.sold:
            append_event(session, "item.sold", item.id, actor_id=item.seller_id)
        else:
            append_event(
                session, "item.updated", item.id, actor_id=item.seller_id, version=item.version
            )


async def _give_avatar(studio: _Studio, member: DemoMember, index: int, user: User) -> None:
    async with studio.limiter:
        data = await asyncio.to_thread(avatar, member.display_name, index)
        image_id = await _upload(studio, user.id, ImagePurpose.avatar, data)
    async with studio.db.transaction() as session:
        (await session.get_one(User, user.id)).avatar_image_id = image_id


async def _upload(
    studio: _Studio, owner_id: uuid.UUID, purpose: ImagePurpose, data: bytes
) -> uuid.UUID:
    """An upload as a member's would arrive, processed by the real pipeline."""
    async with studio.db.transaction() as session:
        image = Image(
            owner_id=owner_id,
            purpose=purpose,
            status=ImageStatus.processing,
            declared_type="image/jpeg",
            size_bytes=len(data),
        )
        session.add(image)
        await session.flush()
        image_id, key = image.id, image.upload_key
    await studio.storage.write(key, data, "image/jpeg")
    await process(studio.db, studio.storage, studio.settings, image_id)
    return image_id
