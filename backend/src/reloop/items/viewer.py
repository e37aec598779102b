"""The viewer's own relation to listings: liked, saved, and whether a block hides them.

Flags are columns of the statement that reads a page (correlated EXISTS on the primary
keys of `likes` and `saves`), so adding them costs no extra round trip.
"""

import uuid
from typing import NamedTuple

from sqlalchemy import ColumnElement, exists, false, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from reloop.access.visibility import blocked_between
from reloop.models.item import Item
from reloop.models.social import Like, Save
from reloop.models.user import User


class CardRow(NamedTuple):
    item: Item
    seller: User
    liked: bool
    saved: bool


def viewer_flags(
    viewer_id: uuid.UUID | None,
) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """`liked` and `saved` columns for the viewer (constant false for visitors)."""
    if viewer_id is None:
        return literal(False).label("liked"), literal(False).label("saved")
    # Aliases, so lists that read `likes` or `saves` themselves do not correlate to them.
    like, save = aliased(Like), aliased(Save)
    liked = exists().where(like.user_id == viewer_id, like.item_id == Item.id)
    saved = exists().where(save.user_id == viewer_id, save.item_id == Item.id)
    return liked.label("liked"), saved.label("saved")


class ItemViewerState(NamedTuple):
    liked: bool
    saved: bool
    blocked: bool


async def item_viewer_state(
    session: AsyncSession, viewer_id: uuid.UUID, item_id: uuid.UUID, seller_id: uuid.UUID
) -> ItemViewerState:
    """The viewer's flags on one listing and whether a block separates them from its seller."""
    liked, saved = viewer_flags(viewer_id)
    blocked = blocked_between(viewer_id, literal(seller_id)) if viewer_id != seller_id else false()
    row = (
        await session.execute(
            select(liked, saved, blocked.label("blocked"))
            .select_from(Item)
            .where(Item.id == item_id)
        )
    ).one_or_none()
    if row is None:
        return ItemViewerState(False, False, False)
    return ItemViewerState(bool(row[0]), bool(row[1]), bool(row[2]))
