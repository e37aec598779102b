"""Likes and saves: idempotent toggles with exact counters, and the member's own lists.

Likes are public (a count on every card, an event for the seller's notifications);
saves are private bookmarks: counted, never announced.
"""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.visibility import visible_to
from reloop.events.service import append_event
from reloop.items.errors import ItemNotFound
from reloop.items.keys import item_cache_key
from reloop.items.viewer import CardRow, card_columns, card_row
from reloop.kit.cache import Cache
from reloop.kit.db import column_rows
from reloop.kit.jobs import on_commit
from reloop.models.item import PUBLIC_STATUSES, Item
from reloop.models.social import Like, Save
from reloop.models.user import User
from reloop.social.schemas import LikeState, SaveState

Reaction = type[Like] | type[Save]


async def _visible_item(session: AsyncSession, viewer: User, item_id: uuid.UUID) -> Item:
    """A public listing the viewer may see; deleted, hidden, drafts or blocked are 404."""
    item = await session.scalar(
        select(Item).where(
            Item.id == item_id,
            Item.status.in_(PUBLIC_STATUSES),
            visible_to(viewer.id, Item.seller_id),
        )
    )
    if item is None:
        raise ItemNotFound()
    return item


async def _exists(session: AsyncSession, item_id: uuid.UUID) -> None:
    if await session.scalar(select(Item.id).where(Item.id == item_id)) is None:
        raise ItemNotFound()


async def _add(
    session: AsyncSession, cache: Cache, model: Reaction, user: User, item: Item
) -> bool:
    added = await session.execute(
        insert(model)
        .values(user_id=user.id, item_id=item.id)
        .on_conflict_do_nothing()
        .returning(model.item_id)
    )
    if added.first() is None:
        return False
    column = Item.like_count if model is Like else Item.save_count
    await session.execute(update(Item).where(Item.id == item.id).values({column: column + 1}))
    on_commit(session, lambda: cache.delete(item_cache_key(item.id)))
    return True


async def _remove(
    session: AsyncSession, cache: Cache, model: Reaction, user: User, item_id: uuid.UUID
) -> None:
    removed = await session.execute(
        delete(model)
        .where(model.user_id == user.id, model.item_id == item_id)
        .returning(model.item_id)
    )
    if removed.first() is None:
        return
    column = Item.like_count if model is Like else Item.save_count
    await session.execute(update(Item).where(Item.id == item_id).values({column: column - 1}))
    on_commit(session, lambda: cache.delete(item_cache_key(item_id)))


async def _count(session: AsyncSession, model: Reaction, item_id: uuid.UUID) -> int:
    column = Item.like_count if model is Like else Item.save_count
    return int(await session.scalar(select(column).where(Item.id == item_id)) or 0)


async def like(session: AsyncSession, cache: Cache, user: User, item_id: uuid.UUID) -> LikeState:
    """Like a visible listing (again is fine); the seller hears of the first like only."""
    item = await _visible_item(session, user, item_id)
    if await _add(session, cache, Like, user, item):
        append_event(
            session, "item.liked", item.id, actor_id=user.id, seller_id=str(item.seller_id)
        )
    return LikeState(liked=True, like_count=await _count(session, Like, item.id))


async def unlike(session: AsyncSession, cache: Cache, user: User, item_id: uuid.UUID) -> LikeState:
    """Remove a like; works on any listing that exists, so lists can be tidied."""
    await _exists(session, item_id)
    await _remove(session, cache, Like, user, item_id)
    return LikeState(liked=False, like_count=await _count(session, Like, item_id))


async def save(session: AsyncSession, cache: Cache, user: User, item_id: uuid.UUID) -> SaveState:
    """Bookmark a visible listing, privately."""
    item = await _visible_item(session, user, item_id)
    await _add(session, cache, Save, user, item)
    return SaveState(saved=True, save_count=await _count(session, Save, item.id))


async def unsave(session: AsyncSession, cache: Cache, user: User, item_id: uuid.UUID) -> SaveState:
    await _exists(session, item_id)
    await _remove(session, cache, Save, user, item_id)
    return SaveState(saved=False, save_count=await _count(session, Save, item_id))


def _reacted_page(
    model: Reaction, user_id: uuid.UUID, limit: int, after: tuple[datetime, uuid.UUID] | None
) -> Select[*tuple[Any, ...]]:
    query = (
        select(*card_columns(user_id), model.created_at)
        .select_from(model)
        .join(Item, Item.id == model.item_id)
        .join(User, User.id == Item.seller_id)
        .where(
            model.user_id == user_id,
            Item.status.in_(PUBLIC_STATUSES),
            visible_to(user_id, Item.seller_id),
        )
        .order_by(model.created_at.desc(), model.item_id.desc())
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(tuple_(model.created_at, model.item_id) < after)
    return query


async def reacted_items(
    session: AsyncSession,
    model: Reaction,
    user_id: uuid.UUID,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[tuple[CardRow, datetime]]:
    """The member's liked or saved listings, most recent first: `limit + 1` rows."""
    result = await column_rows(session, _reacted_page(model, user_id, limit, after))
    return [(card_row(row), row[-1]) for row in result]
