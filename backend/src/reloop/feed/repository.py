"""The feed's queries: followed sellers' new listings, and listings by popularity.

Both are keyset scans of partial indexes on active listings, with the viewer's flags as
columns and the exclusions (blocks, mutes, own listings) as anti-joins in the statement.
"""

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.visibility import visible_to
from reloop.items.viewer import CardRow, card_columns, card_row
from reloop.models.item import Item, ItemStatus
from reloop.models.social import Follow, Mute
from reloop.models.user import User


def _not_muted(viewer_id: uuid.UUID) -> ColumnElement[bool]:
    return ~exists().where(Mute.muter_id == viewer_id, Mute.muted_id == Item.seller_id)


def _followed(viewer_id: uuid.UUID) -> ColumnElement[bool]:
    return exists().where(Follow.follower_id == viewer_id, Follow.followee_id == Item.seller_id)


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
    query = (
        select(*card_columns(viewer_id))
        .join(Follow, and_(Follow.followee_id == Item.seller_id, Follow.follower_id == viewer_id))
        .join(User, User.id == Item.seller_id)
        .where(Item.status == ItemStatus.active, _not_muted(viewer_id))
        .order_by(Item.published_at.desc(), Item.id.desc())
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(tuple_(Item.published_at, Item.id) < after)
    return [card_row(row) for row in await session.execute(query)]


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
    query = (
        select(*card_columns(viewer_id))
        .join(User, User.id == Item.seller_id)
        .where(Item.status == ItemStatus.active)
        .order_by(Item.popularity.desc(), Item.id.desc())
        .limit(limit + 1)
    )
    if viewer_id is not None:
        query = query.where(
            Item.seller_id != viewer_id,
            visible_to(viewer_id, Item.seller_id),
            _not_muted(viewer_id),
        )
        if skip_followed:
            query = query.where(~_followed(viewer_id))
    if after is not None:
        query = query.where(tuple_(Item.popularity, Item.id) < after)
    return [card_row(row) for row in await session.execute(query)]
