"""Notification emails: for members who chose email for a type, and the daily digest."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import get_settings
from reloop.mail.service import queue_email
from reloop.models.item import Item
from reloop.models.notification import Notification, NotificationType
from reloop.models.user import User
from reloop.notifications.texts import link, sentence


def app_url() -> str:
    """Links in emails lead to the public web app (`RELOOP_PUBLIC_URL`)."""
    return get_settings().public_url.rstrip("/") or "http://localhost:8000"


async def queue_notification_emails(
    session: AsyncSession, notification_ids: list[uuid.UUID]
) -> None:
    """One email per notification, in the dispatcher's transaction (outbox delivery)."""
    if not notification_ids:
        return
    recipient = User.__table__.alias("recipient")
    rows = await session.execute(
        select(
            Notification,
            recipient.c.email,
            recipient.c.display_name,
            User.display_name,
            User.username,
            Item.title,
        )
        .join(recipient, recipient.c.id == Notification.recipient_id)
        .outerjoin(User, User.id == Notification.actor_id)
        .outerjoin(Item, Item.id == Notification.item_id)
        .where(Notification.id.in_(notification_ids))
    )
    base = app_url()
    for notification, email, name, actor_name, actor_username, title in rows:
        kind = NotificationType(notification.type)
        text = sentence(kind, actor_name, notification.actor_count, title, notification.payload)
        await queue_email(
            session,
            to=email,
            template="notification",
            context={
                "name": name,
                "sentence": text,
                "url": base
                + link(kind, actor_username, notification.item_id, notification.payload),
                "settings_url": f"{base}/settings/notifications",
            },
        )
