"""Per-type notification channels: `in_app`, `email` (in the app and by email) or `off`.

Only a member's departures from the defaults are stored, so new members and new types
cost no rows.
"""

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.errors import ValidationFailed
from reloop.models.notification import Channel, NotificationPreference, NotificationType
from reloop.notifications.schemas import NotificationSetting, NotificationSettings

DEFAULTS: dict[NotificationType, Channel] = {
    NotificationType.follow: Channel.in_app,
    NotificationType.like: Channel.in_app,
    NotificationType.comment: Channel.in_app,
    NotificationType.reply: Channel.in_app,
    NotificationType.mention: Channel.in_app,
    NotificationType.price_drop: Channel.in_app,
    NotificationType.item_sold: Channel.in_app,
    NotificationType.saved_search: Channel.in_app,
    NotificationType.digest: Channel.email,
    NotificationType.order_placed: Channel.in_app,
    NotificationType.order_paid: Channel.in_app,
    NotificationType.order_shipped: Channel.in_app,
    NotificationType.order_delivered: Channel.in_app,
    NotificationType.order_completed: Channel.in_app,
    NotificationType.order_cancelled: Channel.in_app,
    NotificationType.order_expired: Channel.in_app,
    NotificationType.order_refunded: Channel.in_app,
    NotificationType.order_disputed: Channel.in_app,
    NotificationType.review_received: Channel.in_app,
    NotificationType.low_stock: Channel.in_app,
}
# The digest is an email by nature; it has no in-app form.
ALLOWED: dict[NotificationType, tuple[Channel, ...]] = {
    t: ((Channel.email, Channel.off) if t is NotificationType.digest else tuple(Channel))
    for t in NotificationType
}
DESCRIPTIONS = {
    NotificationType.follow: "Someone starts following you",
    NotificationType.like: "Someone likes one of your listings",
    NotificationType.comment: "Someone comments on one of your listings",
    NotificationType.reply: "Someone replies to your comment",
    NotificationType.mention: "Someone mentions you in a comment",
    NotificationType.price_drop: "A listing you liked or saved gets cheaper",
    NotificationType.item_sold: "A listing you liked or saved is sold",
    NotificationType.saved_search: "A new listing matches one of your saved searches",
    NotificationType.digest: "Daily email of new listings from sellers you follow",
    NotificationType.order_placed: "Someone orders one of your listings",
    NotificationType.order_paid: "An order of yours is paid for",
    NotificationType.order_shipped: "The seller ships your order",
    NotificationType.order_delivered: "The buyer confirms your parcel arrived",
    NotificationType.order_completed: "An order is completed",
    NotificationType.order_cancelled: "An order is cancelled",
    NotificationType.order_expired: "An unpaid order lapses",
    NotificationType.order_refunded: "An order is refunded to you",
    NotificationType.order_disputed: "A buyer reports a problem with an order",
    NotificationType.review_received: "A buyer reviews you",
    NotificationType.low_stock: "A listing of several units is nearly sold out",
}


async def channels_of(session: AsyncSession, user_id: uuid.UUID) -> dict[NotificationType, Channel]:
    rows = await session.execute(
        select(NotificationPreference.type, NotificationPreference.channel).where(
            NotificationPreference.user_id == user_id
        )
    )
    chosen = {NotificationType(t): Channel(c) for t, c in rows}
    return {t: chosen.get(t, DEFAULTS[t]) for t in NotificationType}


def settings_view(channels: dict[NotificationType, Channel]) -> NotificationSettings:
    return NotificationSettings(
        settings=[
            NotificationSetting(
                type=t,
                channel=channels[t],
                channels=list(ALLOWED[t]),
                description=DESCRIPTIONS[t],
            )
            for t in NotificationType
        ]
    )


async def update_channels(
    session: AsyncSession, user_id: uuid.UUID, changes: dict[NotificationType, Channel]
) -> NotificationSettings:
    """Set the channel of each type in `changes`; all valid or nothing changes."""
    invalid = [
        {"field": f"settings.{t.value}", "message": f"{t.value} cannot use {c.value}."}
        for t, c in changes.items()
        if c not in ALLOWED[t]
    ]
    if invalid:
        raise ValidationFailed("Some settings are not possible.", details={"fields": invalid})
    for notification_type, channel in changes.items():
        await session.execute(
            insert(NotificationPreference)
            .values(user_id=user_id, type=notification_type, channel=channel)
            .on_conflict_do_update(index_elements=["user_id", "type"], set_={"channel": channel})
        )
    return settings_view(await channels_of(session, user_id))
