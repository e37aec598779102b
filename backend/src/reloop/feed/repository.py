"""The feed's queries: followed sellers' new listings, and listings by popularity.

Both are keyset scans of partial indexes on active listings, with the viewer's flags as
columns and the exclusions (blocks, mutes, own listings) as anti-joins in the statement.

Each statement is built once per shape (member or visitor, first page or resumed) with
the viewer, the limit and the keyset as bound parameters. Building one per request, with
its cache key, cost about as much CPU as PostgreSQL took to run it.
"""

import functools
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    Uuid,
    and_,
    bindparam,
    exists,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.visibility import blocked_between
from reloop.items.viewer import VIEWER_ID, CardRow, card_columns, card_row
from reloop.models.item import Item, ItemStatus
from reloop.models.social import Follow, Mute
from reloop.models.user import User

_LIMIT = bindparam("limit", type_=Integer)
_AFTER_ID = bindparam("after_id", type_=Uuid)
_NOT_MUTED = ~exists().where(Mute.muter_id == VIEWER_ID, Mute.muted_id == Item.seller_id)
_FOLLOWED = exists().where(Follow.follower_id == VIEWER_ID, Follow.followee_id == Item.seller_id)


@functools.cache
def _following_statement(resumed: bool) -> Select[Any]:
    query = (
        select(*card_columns(VIEWER_ID))
        .join(Follow, and_(Follow.followee_id == Item.seller_id, Follow.follower_id == VIEWER_ID))
        .join(User, User.id == Item.seller_id)
        .where(Item.status == ItemStatus.active, _NOT_MUTED)
        .order_by(Item.published_at.desc(), Item.id.desc())
        .limit(_LIMIT)
    )
    if resumed:
        after = tuple_(bindparam("after_at", type_=Item.published_at.type), _AFTER_ID)
        query = query.where(tuple_(Item.published_at, Item.id) < after)
    return query


@functools.cache
def _popular_statement(member: bool, skip_followed: bool, resumed: bool) -> Select[Any]:
    query = (
        select(*card_columns(VIEWER_ID if member else None))
        .join(User, User.id == Item.seller_id)
        .where(Item.status == ItemStatus.active)
        .order_by(Item.popularity.desc(), Item.id.desc())
        .limit(_LIMIT)
    )
    if member:
        query = query.where(
            Item.seller_id != VIEWER_ID, ~blocked_between(VIEWER_ID, Item.seller_id), _NOT_MUTED
        )
        if skip_followed:
            query = query.where(~_FOLLOWED)
    if resumed:
        after = tuple_(bindparam("after_popularity", type_=Item.popularity.type), _AFTER_ID)
        query = query.where(tuple_(Item.popularity, Item.id) < after)
    return query


async def following_page(
    session: AsyncSession,
    viewer_id: uuid.UUID,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[CardRow]:
    """New listings of sellers the viewer follows, newest first: `limit + 1` rows.

    A follow cannot exist across a block (blocking ends follows), so only mutes are
    filtered here.
    """
    params: dict[str, Any] = {"viewer_id": viewer_id, "limit": limit + 1}
    if after is not None:
        params |= {"after_at": after[0], "after_id": after[1]}
    statement = _following_statement(after is not None)
    return [card_row(row) for row in await session.execute(statement, params)]


async def popular_page(
    session: AsyncSession,
    viewer_id: uuid.UUID | None,
    limit: int,
    after: tuple[float, uuid.UUID] | None,
    *,
    skip_followed: bool = False,
) -> list[CardRow]:
    """Active listings by decayed popularity: `limit + 1` rows.

    For a member it leaves out their own listings, blocked and muted sellers, and (after
    their following feed) sellers they follow, whose listings they have just seen.
    """
    params: dict[str, Any] = {"limit": limit + 1}
    if viewer_id is not None:
        params["viewer_id"] = viewer_id
    if after is not None:
        params |= {"after_popularity": after[0], "after_id": after[1]}
    member = viewer_id is not None
    statement = _popular_statement(member, member and skip_followed, after is not None)
    return [card_row(row) for row in await session.execute(statement, params)]
