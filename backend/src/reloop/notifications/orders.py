"""Who hears of each order event, and the confirmation emails a paid order sends.

Order events carry everything needed (ids, title, amounts) in their payload, so this
module reads no order tables. The member who acted is never told of their own move
(the dispatcher leaves the actor out), which is why a cancel lists both sides.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import get_settings
from reloop.mail.service import queue_email
from reloop.models.event import Event
from reloop.models.notification import NotificationType as T
from reloop.models.user import User
from reloop.notifications.texts import format_price

RECIPIENTS: dict[str, tuple[T, tuple[str, ...]]] = {
    "order.placed": (T.order_placed, ("seller_id",)),
    "order.paid": (T.order_paid, ("buyer_id", "seller_id")),
    "order.shipped": (T.order_shipped, ("buyer_id",)),
    "order.delivered": (T.order_delivered, ("seller_id",)),
    "order.completed": (T.order_completed, ("buyer_id", "seller_id")),
    "order.cancelled": (T.order_cancelled, ("buyer_id", "seller_id")),
    "order.expired": (T.order_expired, ("buyer_id",)),
    "order.refunded": (T.order_refunded, ("buyer_id",)),
    "order.disputed": (T.order_disputed, ("seller_id",)),
    "review.created": (T.review_received, ("seller_id",)),
}
_PAYLOAD_KEYS = ("order_id", "title", "item_count", "total_amount", "currency", "rating")


def order_notice(event: Event) -> tuple[T, list[str], dict[str, Any]] | None:
    """The type, recipient ids and payload of an order or review event's notification."""
    entry = RECIPIENTS.get(event.type)
    if entry is None:
        return None
    kind, sides = entry
    recipients = [str(event.payload[side]) for side in sides if event.payload.get(side)]
    payload = {k: event.payload[k] for k in _PAYLOAD_KEYS if k in event.payload}
    return kind, recipients, payload


async def queue_order_emails(session: AsyncSession, event: Event, base_url: str) -> None:
    """On `order.paid`: the order confirmation to the buyer and to the seller."""
    if event.type != "order.paid":
        return
    data = event.payload
    sides = {"buyer": data.get("buyer_id"), "seller": data.get("seller_id")}
    rows = await session.execute(
        select(User.id, User.email, User.display_name).where(
            User.id.in_([v for v in sides.values() if v]), User.deleted_at.is_(None)
        )
    )
    people = {str(user_id): (email, name) for user_id, email, name in rows}
    for role, user_id in sides.items():
        if str(user_id) not in people:
            continue
        email, name = people[str(user_id)]
        await queue_email(
            session,
            to=email,
            template=f"order_paid_{role}",
            context={
                "name": name,
                "title": data.get("title", "your order"),
                "item_count": data.get("item_count", 1),
                "total": format_price(int(data.get("total_amount", 0)), str(data.get("currency"))),
                "url": f"{base_url}/orders/{data.get('order_id')}",
                "ship_days": get_settings().ship_within_days,
            },
        )
