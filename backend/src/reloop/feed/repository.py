"""The feed's queries: followed sellers' new listings, and listings by popularity.

Both are keyset scans of partial indexes on active listings, with the viewer's flags as
columns and the exclusions (blocks, mutes, own listings) as anti-joins in the statement.

Followed sellers' listings are read one of two ways, chosen by how many sellers the
member follows (the exact count on their row). Following few, each followed seller's
newest listings are read from `ix_items_seller_published` (at most a page per seller) and
merged: the work is bounded by the follows, where walking every new listing on the site
for the few that are theirs read thousands of rows (29 ms for a member following ten
sellers on the `1m` set, 0.4 ms this way). Following many, their sellers own enough of
what is new that the walk down `ix_items_active_published` finds a page in a few dozen
rows, where a page per seller would read tens of thousands (1,000 follows: 0.7 ms against
100 ms).

Each statement is built once per shape (member or visitor, first page or resumed) with
the viewer, the limit and the keyset as bound parameters (the walk's limit excepted, see
`_following_statement`), and reads run it on the driver (`kit.driver_select`).
Building one per request, with its cache key, cost about as much CPU as PostgreSQL took
to run it.
"""

import functools
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Integer,
    Uuid,
    bindparam,
    exists,
    literal_column,
    select,
    true,
    tuple_,
)
from sqlalchemy.sql.elements import Tuple

from reloop.access.visibility import blocked_between
from reloop.items.viewer import VIEWER_ID, CardRow, card_columns, card_row
from reloop.kit.db import Reads
from reloop.kit.driver_select import DriverSelect
from reloop.models.item import Item, is_active
from reloop.models.social import Follow, Mute
from reloop.models.user import User

_LIMIT = bindparam("limit", type_=Integer)
_AFTER_ID = bindparam("after_id", type_=Uuid)
_NOT_MUTED = ~exists().where(Mute.muter_id == VIEWER_ID, Mute.muted_id == Item.seller_id)
_FOLLOWED = exists().where(Follow.follower_id == VIEWER_ID, Follow.followee_id == Item.seller_id)
# Up to this many follows, a page per followed seller is read and merged (module doc): at
# most 64 short index scans. Measured on `1m`, the two ways cross at 40 to 60 follows.
PER_SELLER_MAX_FOLLOWS = 64


def _following_after() -> Tuple:
    return tuple_(bindparam("after_at", type_=Item.published_at.type), _AFTER_ID)


def _walk_after() -> Tuple:
    # The keyset as scalar subqueries: no plan, custom or generic, sees where the page
    # starts, so all are costed alike and PostgreSQL keeps the generic one. Bound plainly,
    # a custom plan saw a deep page's position (almost every listing older) and always
    # looked cheaper than the generic plan (a third of them, by default), so each resumed
    # page of the walk was planned again: 0.3 ms of PostgreSQL's CPU a request.
    return tuple_(
        select(bindparam("after_at", type_=Item.published_at.type)).scalar_subquery(),
        select(_AFTER_ID).scalar_subquery(),
    )


# Whether a listing's seller is followed, asked per listing as the walk goes: `OFFSET 0`
# keeps PostgreSQL from turning the EXISTS into a join it may reorder, so every plan of the
# walk, the generic one included, is the walk. As a join, the generic plan (planned for
# an average member's few follows) read every followed seller's listings: 620 ms for a
# member who follows 1,000 sellers.
_FOLLOWED_SELLER = (
    select(literal_column("1"))
    .where(Follow.follower_id == VIEWER_ID, Follow.followee_id == Item.seller_id)
    .offset(literal_column("0"))
    .exists()
)


@functools.cache
def _following_statement(resumed: bool, limit: int) -> DriverSelect:
    # The limit is written into the SQL (one statement per page size): with LIMIT as a
    # parameter a generic plan is costed for a tenth of the rows, so PostgreSQL planned
    # the walk again on every request, 0.7 ms of planning for 0.25 ms of execution.
    query = (
        select(*card_columns(VIEWER_ID))
        .join(User, User.id == Item.seller_id)
        .where(is_active(Item.status), _FOLLOWED_SELLER, _NOT_MUTED)
        .order_by(Item.published_at.desc(), Item.id.desc())
        .limit(literal_column(str(int(limit))))
    )
    if resumed:
        query = query.where(tuple_(Item.published_at, Item.id) < _walk_after())
    return DriverSelect(query)


@functools.cache
def _per_seller_statement(resumed: bool) -> DriverSelect:
    listing = Item.__table__.alias("followed_listing")
    newest = (
        select(listing.c.id, listing.c.published_at)
        .where(listing.c.seller_id == Follow.followee_id, is_active(listing.c.status))
        .order_by(listing.c.published_at.desc(), listing.c.id.desc())
        .limit(_LIMIT)
    )
    if resumed:
        newest = newest.where(tuple_(listing.c.published_at, listing.c.id) < _following_after())
    per_seller = newest.lateral("per_seller")
    not_muted = ~exists().where(Mute.muter_id == VIEWER_ID, Mute.muted_id == Follow.followee_id)
    page = (
        select(per_seller.c.id)
        .select_from(Follow)
        .join(per_seller, true())
        .where(Follow.follower_id == VIEWER_ID, not_muted)
        .order_by(per_seller.c.published_at.desc(), per_seller.c.id.desc())
        .limit(_LIMIT)
        .subquery("page")
    )
    return DriverSelect(
        select(*card_columns(VIEWER_ID))
        .select_from(page)
        .join(Item, Item.id == page.c.id)
        .join(User, User.id == Item.seller_id)
        .order_by(Item.published_at.desc(), Item.id.desc())
    )


@functools.cache
def _popular_statement(member: bool, skip_followed: bool, resumed: bool) -> DriverSelect:
    query = (
        select(*card_columns(VIEWER_ID if member else None))
        .join(User, User.id == Item.seller_id)
        .where(is_active(Item.status))
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
    return DriverSelect(query)


async def following_page(
    reads: Reads,
    viewer_id: uuid.UUID,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
    *,
    per_seller: bool,
) -> list[CardRow]:
    """New listings of sellers the viewer follows, newest first: `limit + 1` rows.

    `per_seller` reads each followed seller's newest listings and merges them; otherwise
    the site's new listings are walked for the followed sellers' (module doc). Both give
    the same rows. A follow cannot exist across a block (blocking ends follows), so only
    mutes are filtered here.
    """
    params: dict[str, Any] = {"viewer_id": viewer_id}
    if after is not None:
        params |= {"after_at": after[0], "after_id": after[1]}
    if per_seller:
        statement = _per_seller_statement(after is not None)
        params["limit"] = limit + 1
    else:
        statement = _following_statement(after is not None, limit + 1)
    return [card_row(row) for row in await statement.rows(reads, params)]


async def popular_page(
    reads: Reads,
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
    return [card_row(row) for row in await statement.rows(reads, params)]
