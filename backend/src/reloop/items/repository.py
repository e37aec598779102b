"""Queries on listings; list queries select what cards show, keyset-paginated."""

import uuid
from datetime import datetime

from sqlalchemy import select, tuple_

from reloop.items.viewer import CardRow, card_columns, card_row
from reloop.kit.repository import Repository
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
from reloop.models.user import User


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
        query = (
            select(*card_columns(viewer_id))
            .join(User, User.id == Item.seller_id)
            .where(Item.seller_id == seller_id, Item.status.in_(PUBLIC_STATUSES))
            .order_by(Item.published_at.desc(), Item.id.desc())
            .limit(limit + 1)
        )
        if after is not None:
            query = query.where(tuple_(Item.published_at, Item.id) < after)
        return [card_row(row) for row in await self.session.execute(query)]

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
        return [card_row(row) for row in await self.session.execute(query)]
