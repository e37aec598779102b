"""The bell: a member's notifications rendered for clients, read marks, live snapshots."""

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.storage import Storage
from reloop.media.repository import read_covers
from reloop.media.service import image_out
from reloop.models.notification import NotificationType
from reloop.notifications.repository import NotificationRepository, NotificationRow
from reloop.notifications.schemas import (
    NotificationActor,
    NotificationItem,
    NotificationOut,
)
from reloop.notifications.texts import link, sentence


async def render(
    session: AsyncSession, storage: Storage, rows: list[NotificationRow]
) -> list[NotificationOut]:
    """Client views of `rows`, with item covers read in one more statement."""
    item_ids = [row.item.id for row in rows if row.item is not None]
    covers = await read_covers(session, item_ids) if item_ids else []
    cover_of = {image.item_id: image for image in covers}
    out = []
    for notification, actor, avatar, item in rows:
        kind = NotificationType(notification.type)
        cover = cover_of.get(item.id) if item else None
        out.append(
            NotificationOut(
                id=notification.id,
                type=kind,
                text=sentence(
                    kind,
                    actor.display_name if actor else None,
                    notification.actor_count,
                    item.title if item else None,
                    notification.payload,
                ),
                actor=NotificationActor(
                    id=actor.id,
                    username=actor.username,
                    display_name=actor.display_name,
                    avatar=image_out(avatar, storage) if avatar else None,
                )
                if actor
                else None,
                actor_count=notification.actor_count,
                item=NotificationItem(
                    id=item.id, title=item.title, cover=image_out(cover, storage) if cover else None
                )
                if item
                else None,
                comment_id=notification.comment_id,
                link=link(
                    kind,
                    actor.username if actor else None,
                    notification.item_id,
                    notification.payload,
                ),
                data=notification.payload,
                read=notification.read_at is not None,
                created_at=notification.created_at,
                updated_at=notification.updated_at,
            )
        )
    return out


def event_id_of(moment: datetime) -> str:
    """An SSE event id: the newest change a client has seen, in microseconds."""
    return str(int(moment.timestamp() * 1_000_000))


async def changes_since(
    session: AsyncSession,
    storage: Storage,
    user_id: uuid.UUID,
    since: datetime | None,
    limit: int = 10,
) -> tuple[int, list[NotificationOut]]:
    """The unread count and up to `limit` notifications changed after `since`."""
    repository = NotificationRepository(session)
    rows = await repository.page(user_id, limit - 1, None)
    fresh = [row for row in rows if since is None or row.notification.updated_at > since]
    return await repository.unread_count(user_id), await render(session, storage, fresh)
