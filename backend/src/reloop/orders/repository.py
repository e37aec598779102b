"""The SQL of order reads: a page of orders, their lines and the people on them.

A page is three statements whatever its size: the orders with their counterparts, the
lines with their covers, and nothing per row.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from reloop.models.media import Image, ImageStatus
from reloop.models.order import Order, OrderEvent, OrderItem, OrderStatus
from reloop.models.review import Review
from reloop.models.user import User


@dataclass(frozen=True, slots=True)
class Person:
    user: User
    avatar: Image | None


@dataclass(frozen=True, slots=True)
class OrderRow:
    order: Order
    counterpart: Person


# Made once: an `aliased()` builds a proxy of every column on first use.
_AVATAR = aliased(Image, name="avatar")
_COVER = aliased(Image, name="cover")


def _with_person(user_id_column: Any) -> Select[Order, User, Image]:
    avatar = _AVATAR
    return (
        select(Order, User, avatar)
        .join(User, User.id == user_id_column)
        .outerjoin(
            avatar, and_(avatar.id == User.avatar_image_id, avatar.status == ImageStatus.ready)
        )
    )


class OrderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(
        self,
        viewer_id: uuid.UUID,
        role: str,
        status: OrderStatus | None,
        limit: int,
        after: tuple[datetime, uuid.UUID] | None,
    ) -> list[OrderRow]:
        """The viewer's orders on one side, newest first, after the cursor."""
        mine = Order.buyer_id if role == "buyer" else Order.seller_id
        other = Order.seller_id if role == "buyer" else Order.buyer_id
        statement = _with_person(other).where(mine == viewer_id)
        if status is not None:
            statement = statement.where(Order.status == status)
        if after is not None:
            statement = statement.where(tuple_(Order.created_at, Order.id) < tuple_(*after))
        statement = statement.order_by(Order.created_at.desc(), Order.id.desc())
        rows = await self.session.execute(statement.limit(limit + 1))
        return [OrderRow(order, Person(user, avatar)) for order, user, avatar in rows]

    async def lines(
        self, order_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[tuple[OrderItem, Image | None]]]:
        if not order_ids:
            return {}
        cover = _COVER
        rows = await self.session.execute(
            select(OrderItem, cover)
            .outerjoin(
                cover,
                and_(cover.id == OrderItem.cover_image_id, cover.status == ImageStatus.ready),
            )
            .where(OrderItem.order_id.in_(order_ids))
            .order_by(OrderItem.order_id, OrderItem.title, OrderItem.item_id)
        )
        found: dict[uuid.UUID, list[tuple[OrderItem, Image | None]]] = {}
        for item, image in rows:
            found.setdefault(item.order_id, []).append((item, image))
        return found

    async def people(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Person]:
        avatar = _AVATAR
        rows = await self.session.execute(
            select(User, avatar)
            .outerjoin(
                avatar,
                and_(avatar.id == User.avatar_image_id, avatar.status == ImageStatus.ready),
            )
            .where(User.id.in_(user_ids))
        )
        return {user.id: Person(user, image) for user, image in rows}

    async def timeline(self, order_id: uuid.UUID) -> list[OrderEvent]:
        result = await self.session.scalars(
            select(OrderEvent)
            .where(OrderEvent.order_id == order_id)
            .order_by(OrderEvent.created_at, OrderEvent.id)
        )
        return list(result)

    async def review(self, order_id: uuid.UUID) -> Review | None:
        result: Review | None = await self.session.scalar(
            select(Review).where(Review.order_id == order_id)
        )
        return result

    async def for_viewer(
        self, order_id: uuid.UUID, viewer_id: uuid.UUID, *, lock: bool = False
    ) -> Order | None:
        """The order if the viewer is its buyer or seller (locked `FOR UPDATE` on request)."""
        statement = select(Order).where(
            Order.id == order_id, or_(Order.buyer_id == viewer_id, Order.seller_id == viewer_id)
        )
        if lock:
            statement = statement.with_for_update()
        result: Order | None = await self.session.scalar(statement)
        return result
