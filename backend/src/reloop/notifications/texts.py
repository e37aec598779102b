"""The sentence and link of each notification, shared by the bell and by email."""

from decimal import Decimal

from reloop.models.notification import NotificationType

_ITEM_TYPES = {
    NotificationType.like,
    NotificationType.comment,
    NotificationType.reply,
    NotificationType.mention,
    NotificationType.price_drop,
    NotificationType.item_sold,
    NotificationType.saved_search,
    NotificationType.low_stock,
}
# Order notifications carry the item title in their payload and open the order.
ORDER_TYPES = {
    NotificationType.order_placed,
    NotificationType.order_paid,
    NotificationType.order_shipped,
    NotificationType.order_delivered,
    NotificationType.order_completed,
    NotificationType.order_cancelled,
    NotificationType.order_expired,
    NotificationType.order_refunded,
    NotificationType.order_disputed,
    NotificationType.review_received,
}


def format_price(amount: int, currency: str) -> str:
    value = (Decimal(amount) / 100).quantize(Decimal("0.01"))
    return f"{value} {currency}"


def _who(actor: str | None, count: int) -> str:
    name = actor or "Someone"
    if count <= 1:
        return name
    others = count - 1
    return f"{name} and {others} other{'s' if others > 1 else ''}"


_TEMPLATES = {
    NotificationType.follow: "{who} started following you",
    NotificationType.like: "{who} liked your {thing}",
    NotificationType.comment: "{who} commented on your {thing}{quoted}",
    NotificationType.reply: "{who} replied to your comment on {thing}{quoted}",
    NotificationType.mention: "{who} mentioned you on {thing}{quoted}",
    NotificationType.item_sold: "{thing}, which you liked or saved, has been sold",
    NotificationType.saved_search: "New listing for one of your saved searches: {thing}",
    NotificationType.digest: "New listings from sellers you follow",
    NotificationType.order_placed: "{who} ordered {thing}",
    NotificationType.order_paid: "The order of {thing} is paid for",
    NotificationType.order_shipped: "{thing} is on its way",
    NotificationType.order_delivered: "{who} received {thing}",
    NotificationType.order_completed: "The order of {thing} is completed",
    NotificationType.order_cancelled: "The order of {thing} was cancelled",
    NotificationType.order_expired: "The order of {thing} lapsed unpaid",
    NotificationType.order_refunded: "The order of {thing} was refunded",
    NotificationType.order_disputed: "{who} reported a problem with {thing}",
    NotificationType.review_received: "{who} rated you {rating}/5 for {thing}",
    NotificationType.low_stock: "Only {available} left of {thing}",
}


def _price_drop(thing: str, data: dict[str, object]) -> str:
    currency = str(data.get("currency", ""))
    old, new = data.get("old_amount"), data.get("new_amount")
    if isinstance(old, int) and isinstance(new, int):
        before, after = format_price(old, currency), format_price(new, currency)
        return f"{thing} is now {after} (was {before})"
    return f"{thing} is cheaper now"


def sentence(
    kind: NotificationType,
    actor: str | None,
    count: int,
    title: str | None,
    data: dict[str, object],
) -> str:
    """What happened, e.g. "Ana and 3 others liked your “Levi's jacket”"."""
    if kind in ORDER_TYPES and data.get("title"):
        title = str(data["title"])
    thing = f"“{title}”" if title else "a listing"
    if kind is NotificationType.price_drop:
        return _price_drop(thing, data)
    excerpt = data.get("excerpt")
    return _TEMPLATES[kind].format(
        who=_who(actor, count),
        thing=thing,
        quoted=f": “{excerpt}”" if excerpt else "",
        rating=data.get("rating", ""),
        available=data.get("available", ""),
    )


def link(
    kind: NotificationType,
    actor_username: str | None,
    item_id: object | None,
    data: dict[str, object] | None = None,
) -> str:
    """The page a notification opens: the order, the listing, or the follower's profile."""
    if kind in ORDER_TYPES and data and data.get("order_id"):
        return f"/orders/{data['order_id']}"
    if kind in _ITEM_TYPES and item_id is not None:
        anchor = (
            "#comments"
            if kind in {NotificationType.comment, NotificationType.reply, NotificationType.mention}
            else ""
        )
        return f"/items/{item_id}{anchor}"
    if actor_username:
        return f"/members/{actor_username}"
    return "/notifications"
