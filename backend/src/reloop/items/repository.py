"""Queries on listings; list queries select what cards show, keyset-paginated."""

import functools
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, Uuid, bindparam, select, tuple_

from reloop.items.viewer import VIEWER_ID, CardRow, card_columns, card_row
from reloop.kit.db import column_rows
from reloop.kit.repository import Repository
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
from reloop.models.user import User


@functools.cache
def _seller_page_statement(member: bool, resumed: bool) -> Select[Any]:
    """A seller's public listings, built once per shape (the profile's grid runs it)."""
    query = (
        select(*card_columns(VIEWER_ID if member else None))
        .join(User, User.id == Item.seller_id)
        .where(
            Item.seller_id == bindparam("seller_id", type_=Uuid),
            Item.status.in_(PUBLIC_STATUSES),
        )
        .order_by(Item.published_at.desc(), Item.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    if resumed:
        after = tuple_(
            bindparam("after_at", type_=Item.published_at.type),
            bindparam("after_id", type_=Uuid),
        )
        query = query.where(tuple_(Item.published_at, Item.id) < after)
    return query


class ItemRepository(Repository[Item]):
    model = Item

    async def with_seller(self, item_id: uuid.UUID) -> tuple[Item, User] | None:
        result = await self.session.execute(
            select(Item, User)
            .join(User, User.id == Item.seller_id)
            .where(Item.id == item_id, Item.status != ItemStatus.deleted)
        )
        row = result.first()
        return None if row is None else (row[0], row[1])

    async def owned_for_update(self, item_id: uuid.UUID, seller_id: uuid.UUID) -> Item | None:
        """The seller's own listing, locked; anyone else's answers as missing."""
        result = await self.session.execute(
            select(Item)
            .where(
                Item.id == item_id,
                Item.seller_id == seller_id,
                Item.status != ItemStatus.deleted,
            )
            .with_for_update()
        )
        return result.scalar_one_or_none()

    async def seller_page(
        self,
        seller_id: uuid.UUID,
        viewer_id: uuid.UUID | None,
        limit: int,
        after: tuple[datetime, uuid.UUID] | None,
    ) -> list[CardRow]:
        """A seller's public listings, newest first: `limit + 1` rows."""
        params: dict[str, Any] = {"seller_id": seller_id, "limit": limit + 1}
        if viewer_id is not None:
            params["viewer_id"] = viewer_id
        if after is not None:
            params |= {"after_at": after[0], "after_id": after[1]}
        statement = _seller_page_statement(viewer_id is not None, after is not None)
        return [card_row(row) for row in await column_rows(self.session, statement, params)]

    async def mine_page(
        self,
        seller_id: uuid.UUID,
        status: ItemStatus,
        limit: int,
        after: tuple[datetime, uuid.UUID] | None,
    ) -> list[CardRow]:
        query = (
            select(*card_columns(seller_id))
            .join(User, User.id == Item.seller_id)
            .where(Item.seller_id == seller_id, Item.status == status)
            .order_by(Item.created_at.desc(), Item.id.desc())
            .limit(limit + 1)
        )
        if after is not None:
            query = query.where(tuple_(Item.created_at, Item.id) < after)
        return [card_row(row) for row in await column_rows(self.session, query)]
