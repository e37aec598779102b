"""Listings and links written straight to the database, for lists that need many rows.

Rules are tested through the API; these only build the scenery for pagination, feeds,
statement counts and fan-out, where hundreds of rows through HTTP would only add time.
"""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert

from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from reloop.models.social import Follow, Like
from reloop.models.user import User
from tests.factories.items import Choices


async def insert_items(
    database: Database,
    choice: Choices,
    seller_id: uuid.UUID,
    count: int,
    *,
    newest: datetime | None = None,
    status: ItemStatus = ItemStatus.active,
    title: str = "Linen shirt",
) -> list[uuid.UUID]:
    """`count` published listings one minute apart; ids newest first."""
    top = newest or datetime.now(UTC)
    items = [
        Item(
            seller_id=seller_id,
            title=f"{title} {n}",
            description="",
            category_id=choice.unsized_leaf,
            condition="very_good",
            colors=["blue"],
            price_amount=1000 + n,
            currency="EUR",
            country_code="FR",
            city="Lyon",
            status=status,
            published_at=top - timedelta(minutes=n),
        )
        for n in range(count)
    ]
    async with database.transaction() as session:
        session.add_all(items)
    return [item.id for item in items]


async def link_follows(
    database: Database, follower_id: uuid.UUID, followee_ids: list[uuid.UUID]
) -> None:
    """Follows with their counters, as the service would leave them."""
    async with database.transaction() as session:
        await session.execute(
            insert(Follow).values(
                [{"follower_id": follower_id, "followee_id": f} for f in followee_ids]
            )
        )
        await session.execute(
            update(User)
            .where(User.id == follower_id)
            .values(following_count=User.following_count + len(followee_ids))
        )
        await session.execute(
            update(User)
            .where(User.id.in_(followee_ids))
            .values(follower_count=User.follower_count + 1)
        )


async def link_likes(database: Database, item_id: uuid.UUID, user_ids: list[uuid.UUID]) -> None:
    async with database.transaction() as session:
        await session.execute(
            insert(Like).values([{"user_id": u, "item_id": item_id} for u in user_ids])
        )
        await session.execute(
            update(Item)
            .where(Item.id == item_id)
            .values(like_count=Item.like_count + len(user_ids))
        )
