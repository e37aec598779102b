"""Reading and marking a member's notifications."""

import uuid
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import and_, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from reloop.access.visibility import visible_to
from reloop.models.item import Item
from reloop.models.media import Image, ImageStatus
from reloop.models.notification import Notification
from reloop.models.user import User

# Made once: an `aliased()` builds a proxy of every column on first use.
_AVATAR = aliased(Image, name="avatar")


class NotificationRow(NamedTuple):
    notification: Notification
    actor: User | None
    avatar: Image | None
    item: Item | None


class NotificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def page(
        self, recipient_id: uuid.UUID, limit: int, after: tuple[datetime, uuid.UUID] | None
    ) -> list[NotificationRow]:
        """Most recently updated first (a grouped notification rises when it grows)."""
        avatar = _AVATAR
        query = (
            select(Notification, User, avatar, Item)
            .outerjoin(User, User.id == Notification.actor_id)
            .outerjoin(
                avatar, and_(avatar.id == User.avatar_image_id, avatar.status == ImageStatus.ready)
            )
            .outerjoin(Item, Item.id == Notification.item_id)
            .where(
                Notification.recipient_id == recipient_id,
                visible_to(recipient_id, func.coalesce(Notification.actor_id, recipient_id)),
            )
            .order_by(Notification.updated_at.desc(), Notification.id.desc())
            .limit(limit + 1)
        )
        if after is not None:
            query = query.where(tuple_(Notification.updated_at, Notification.id) < after)
        return [NotificationRow(*row) for row in await self.session.execute(query)]

    async def unread_count(self, recipient_id: uuid.UUID) -> int:
        count = await self.session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.recipient_id == recipient_id, Notification.read_at.is_(None))
        )
        return int(count or 0)

    async def mark_read(self, recipient_id: uuid.UUID, ids: list[uuid.UUID] | None) -> None:
        """Mark the given notifications (or all) read; others' ids are silently ignored."""
        query = (
            update(Notification)
            .where(Notification.recipient_id == recipient_id, Notification.read_at.is_(None))
            .values(read_at=datetime.now(UTC))
        )
        if ids is not None:
            query = query.where(Notification.id.in_(ids))
        await self.session.execute(query)
