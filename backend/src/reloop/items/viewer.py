"""What a listing card reads, and the viewer's own relation to listings.

Card lists select the card's columns rather than ORM entities: a page of 24 listings and
their sellers as entities cost about 2 ms of identity-map bookkeeping per request, for
rows that are only read. The viewer's flags are columns of the same statement
(correlated EXISTS on the primary keys of `likes` and `saves`), so adding them costs no
extra round trip.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Uuid, bindparam, exists, literal, select
from sqlalchemy.orm import aliased

from reloop.access.visibility import blocked_between
from reloop.kit.db import Reads
from reloop.kit.driver_select import DriverSelect
from reloop.models.item import Item, ItemStatus
from reloop.models.social import Like, Save
from reloop.models.user import User


class CardItem(NamedTuple):
    """The columns of a listing its card shows (and lists sort by)."""

    id: uuid.UUID
    title: str
    price_amount: int
    currency: str
    brand_id: uuid.UUID | None
    size_id: uuid.UUID | None
    condition: str
    status: ItemStatus
    quantity: int
    reserved: int
    sold_quantity: int
    reserved_until: datetime | None
    like_count: int
    popularity: float
    published_at: datetime | None
    created_at: datetime


class CardSeller(NamedTuple):
    id: uuid.UUID
    username: str
    display_name: str


class CardRow(NamedTuple):
    item: CardItem
    seller: CardSeller
    liked: bool
    saved: bool


_ITEM_COLUMNS = tuple(getattr(Item, name) for name in CardItem._fields)
# Aliases, so lists that read `likes` or `saves` themselves do not correlate to them. Made
# once: an `aliased()` builds a proxy of every column on first use, which cost 1.4 ms of
# each member's request when it was made per call.
_VIEWER_LIKE = aliased(Like, name="viewer_like")
_VIEWER_SAVE = aliased(Save, name="viewer_save")
_SELLER_COLUMNS = tuple(getattr(User, name) for name in CardSeller._fields)
_SELLER_END = len(_ITEM_COLUMNS) + len(_SELLER_COLUMNS)


Viewer = uuid.UUID | ColumnElement[uuid.UUID] | None
"""A member's id, a bound parameter standing for one (statements built once), or None."""

VIEWER_ID = bindparam("viewer_id", type_=Uuid)
"""The viewer in statements built once; executed with `{"viewer_id": ...}`."""


def card_columns(viewer_id: Viewer) -> tuple[ColumnElement[Any], ...]:
    """The columns of a card row: listing, seller (join `User` on the seller), flags."""
    return (*_ITEM_COLUMNS, *_SELLER_COLUMNS, *viewer_flags(viewer_id))


def card_row(row: Sequence[Any]) -> CardRow:
    """A card row from a statement that starts with `card_columns(...)`."""
    return CardRow(
        CardItem(*row[: len(_ITEM_COLUMNS)]),
        CardSeller(*row[len(_ITEM_COLUMNS) : _SELLER_END]),
        bool(row[_SELLER_END]),
        bool(row[_SELLER_END + 1]),
    )


def viewer_flags(viewer_id: Viewer) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """`liked` and `saved` columns for the viewer (constant false for visitors)."""
    if viewer_id is None:
        return literal(False).label("liked"), literal(False).label("saved")
    like, save = _VIEWER_LIKE, _VIEWER_SAVE
    liked = exists().where(like.user_id == viewer_id, like.item_id == Item.id)
    saved = exists().where(save.user_id == viewer_id, save.item_id == Item.id)
    return liked.label("liked"), saved.label("saved")


class ItemViewerState(NamedTuple):
    liked: bool
    saved: bool
    blocked: bool


# Built once (each member's item page runs it), and run on the driver in reads
# (`kit.driver_select`). A block between a member and themselves cannot exist (`blocks`
# checks `blocker_id <> blocked_id`), so the seller's own view needs no branch.
_VIEWER_STATE = DriverSelect(
    select(
        exists().where(_VIEWER_LIKE.user_id == VIEWER_ID, _VIEWER_LIKE.item_id == Item.id),
        exists().where(_VIEWER_SAVE.user_id == VIEWER_ID, _VIEWER_SAVE.item_id == Item.id),
        blocked_between(VIEWER_ID, bindparam("seller_id", type_=Uuid)),
    )
    .select_from(Item)
    .where(Item.id == bindparam("item_id", type_=Uuid))
)


async def item_viewer_state(
    reads: Reads, viewer_id: uuid.UUID, item_id: uuid.UUID, seller_id: uuid.UUID
) -> ItemViewerState:
    """The viewer's flags on one listing and whether a block separates them from its seller."""
    rows = await _VIEWER_STATE.rows(
        reads, {"viewer_id": viewer_id, "item_id": item_id, "seller_id": seller_id}
    )
    if not rows:
        return ItemViewerState(False, False, False)
    liked, saved, blocked = rows[0]
    return ItemViewerState(bool(liked), bool(saved), bool(blocked))
