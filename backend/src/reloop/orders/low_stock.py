"""The daily low-stock check: sellers hear when a multi-unit listing is nearly sold out."""

from datetime import datetime

from sqlalchemy import case, select

from reloop.events.service import append_event
from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus


async def notify_low_stock(database: Database, now: datetime) -> int:
    """One `item.low_stock` event per active listing of 2+ units with at most one left."""
    # Holds past `reserved_until` have lapsed: those units count as available again.
    held = case((Item.reserved_until > now, Item.reserved), else_=0)
    available = Item.quantity - Item.sold_quantity - held
    async with database.transaction() as session:
        rows = (
            await session.execute(
                select(Item.id, Item.seller_id, Item.title, available).where(
                    Item.status == ItemStatus.active, Item.quantity > 1, available <= 1
                )
            )
        ).all()
        for item_id, seller_id, title, left in rows:
            append_event(
                session,
                "item.low_stock",
                item_id,
                item_id=str(item_id),
                seller_id=str(seller_id),
                title=title,
                available=int(left),
            )
    return len(rows)
