"""Reviews: a buyer rates a completed order once, the seller replies once.

The seller's `rating_count` and `rating_sum` change in the same transaction as the
review, so a profile's average is always the average of the reviews that exist. The
order row is locked while reviewing: two concurrent reviews of one order queue, and the
unique `order_id` is the backstop.
"""

import uuid
from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, and_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from reloop.access.visibility import visible_to
from reloop.events.service import append_event
from reloop.kit.storage import Storage
from reloop.models.media import Image, ImageStatus
from reloop.models.order import OrderStatus
from reloop.models.review import Review
from reloop.models.user import User
from reloop.orders.errors import OrderNotFound
from reloop.orders.moves import event_payload
from reloop.orders.repository import OrderRepository, Person
from reloop.orders.schemas import ReviewOut
from reloop.orders.views import person_card, review_out
from reloop.reviews.errors import ReplyNotAllowed, ReviewNotAllowed, ReviewNotFound

# Made once: an `aliased()` builds a proxy of every column on first use.
_AVATAR = aliased(Image, name="avatar")


async def _buyer_card(session: AsyncSession, storage: Storage, review: Review) -> ReviewOut:
    people = await OrderRepository(session).people([review.buyer_id] if review.buyer_id else [])
    buyer = people.get(review.buyer_id) if review.buyer_id else None
    return review_out(review, person_card(buyer, storage) if buyer else None)


async def create_review(
    session: AsyncSession,
    storage: Storage,
    viewer: User,
    order_id: uuid.UUID,
    rating: int,
    text: str,
    now: datetime,
) -> ReviewOut:
    """The buyer's review of a completed order (409 `review_not_allowed` otherwise)."""
    order = await OrderRepository(session).for_viewer(order_id, viewer.id, lock=True)
    if order is None:
        raise OrderNotFound()
    existing = await session.scalar(select(Review.id).where(Review.order_id == order.id))
    if order.buyer_id != viewer.id or order.status is not OrderStatus.completed or existing:
        raise ReviewNotAllowed(details={"status": order.status.value})
    review = Review(
        order_id=order.id,
        seller_id=order.seller_id,
        buyer_id=viewer.id,
        rating=rating,
        text=text,
        created_at=now,
    )
    session.add(review)
    await session.execute(
        update(User)
        .where(User.id == order.seller_id)
        .values(rating_count=User.rating_count + 1, rating_sum=User.rating_sum + rating)
    )
    await session.flush()
    payload = await event_payload(session, order)
    append_event(
        session,
        "review.created",
        review.id,
        actor_id=viewer.id,
        review_id=str(review.id),
        rating=rating,
        **payload,
    )
    return await _buyer_card(session, storage, review)


async def reply(
    session: AsyncSession,
    storage: Storage,
    viewer: User,
    review_id: uuid.UUID,
    text: str,
    now: datetime,
) -> ReviewOut:
    """The seller's one reply to a review of theirs."""
    review = await session.scalar(select(Review).where(Review.id == review_id).with_for_update())
    if review is None or viewer.id not in {review.seller_id, review.buyer_id}:
        raise ReviewNotFound()
    if review.seller_id != viewer.id or review.reply is not None:
        raise ReplyNotAllowed()
    review.reply, review.replied_at = text, now
    await session.flush()
    return await _buyer_card(session, storage, review)


async def reviews_of(
    session: AsyncSession,
    seller_id: uuid.UUID,
    viewer_id: uuid.UUID | None,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[tuple[Review, Person | None]]:
    """A seller's reviews, newest first; reviews by members blocked either way are hidden."""
    avatar = _AVATAR
    statement = (
        select(Review, User, avatar)
        .outerjoin(User, and_(User.id == Review.buyer_id, User.deleted_at.is_(None)))
        .outerjoin(
            avatar, and_(avatar.id == User.avatar_image_id, avatar.status == ImageStatus.ready)
        )
        .where(Review.seller_id == seller_id)
    )
    if viewer_id is not None:
        statement = statement.where(
            Review.buyer_id.is_(None)
            | visible_to(viewer_id, cast(ColumnElement[uuid.UUID], Review.buyer_id))
        )
    if after is not None:
        statement = statement.where(tuple_(Review.created_at, Review.id) < tuple_(*after))
    rows = await session.execute(
        statement.order_by(Review.created_at.desc(), Review.id.desc()).limit(limit + 1)
    )
    return [(review, Person(user, image) if user else None) for review, user, image in rows]
