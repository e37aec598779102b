"""Listings as a buyer sees them before buying: one statement for any number of lines.

The cart validates every line on every read and checkout validates its lines before it
reserves; both read the listing, its stock, its seller, whether a block separates buyer
and seller, the cover and the seller's avatar in this single query.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, Uuid, and_, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from reloop.access.visibility import blocked_between
from reloop.models.item import Item, ItemStatus
from reloop.models.media import Image, ImageStatus
from reloop.models.user import User


class ListingLine(NamedTuple):
    id: uuid.UUID
    seller_id: uuid.UUID
    title: str
    status: ItemStatus
    price_amount: int
    currency: str
    quantity: int
    reserved: int
    sold_quantity: int
    reserved_until: datetime | None
    seller_username: str
    seller_display_name: str
    seller_gone: bool
    blocked: bool
    cover: Image | None
    avatar: Image | None


def _listing_lines_statement() -> Select[*tuple[Any, ...]]:
    # Built once: the cart reads it on every view and checkout on every attempt, and
    # constructing this statement cost more CPU than PostgreSQL spends running it.
    viewer_id = bindparam("viewer_id", type_=Uuid)
    cover, avatar = aliased(Image), aliased(Image)
    first_photo = (
        select(Image.id)
        .where(Image.item_id == Item.id, Image.status == ImageStatus.ready)
        .order_by(Image.position)
        .limit(1)
        .scalar_subquery()
    )
    blocked = ((Item.seller_id != viewer_id) & blocked_between(viewer_id, Item.seller_id)).label(
        "blocked"
    )
    return (
        select(
            Item.id,
            Item.seller_id,
            Item.title,
            Item.status,
            Item.price_amount,
            Item.currency,
            Item.quantity,
            Item.reserved,
            Item.sold_quantity,
            Item.reserved_until,
            User.username,
            User.display_name,
            User.deleted_at.is_not(None).label("seller_gone"),
            blocked,
            cover,
            avatar,
        )
        .join(User, User.id == Item.seller_id)
        .outerjoin(cover, cover.id == first_photo)
        .outerjoin(
            avatar,
            and_(avatar.id == User.avatar_image_id, avatar.status == ImageStatus.ready),
        )
        .where(Item.id.in_(bindparam("item_ids", expanding=True)))
    )


_LISTING_LINES = _listing_lines_statement()


async def listing_lines(
    session: AsyncSession, viewer_id: uuid.UUID, item_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, ListingLine]:
    """The listings of `item_ids` that exist, by id (absent ids are missing listings)."""
    if not item_ids:
        return {}
    result = await session.execute(
        _LISTING_LINES, {"viewer_id": viewer_id, "item_ids": list(item_ids)}
    )
    return {row[0]: ListingLine._make(row) for row in result}
