"""Notification shapes: the bell list, unread count, read marks and per-type settings."""

import uuid
from typing import Annotated, Any

from pydantic import Field, model_validator

from reloop.kit.schemas import Schema, UtcDatetime
from reloop.media.schemas import ImageOut
from reloop.models.notification import Channel, NotificationType


class NotificationActor(Schema):
    id: uuid.UUID
    username: str
    display_name: str
    avatar: ImageOut | None = None


class NotificationItem(Schema):
    id: uuid.UUID
    title: str
    cover: ImageOut | None = None


class NotificationOut(Schema):
    id: uuid.UUID
    type: NotificationType
    text: str = Field(description='What happened, e.g. "Ana and 3 others liked your jacket".')
    actor: NotificationActor | None = Field(description="Who acted last (null for system).")
    actor_count: int = Field(description="How many members this notification groups.")
    item: NotificationItem | None
    comment_id: uuid.UUID | None
    link: str = Field(description="Where opening it leads, a path of the web app.")
    data: dict[str, Any] = Field(description="Type-specific facts, e.g. old and new price.")
    read: bool
    created_at: UtcDatetime
    updated_at: UtcDatetime


class NotificationPage(Schema):
    items: list[NotificationOut]
    next_cursor: str | None = None


class UnreadCount(Schema):
    count: int


class MarkRead(Schema):
    """Either `ids` (up to 100 of yours) or `all: true`."""

    ids: Annotated[list[uuid.UUID], Field(max_length=100)] | None = None
    all: bool = False

    @model_validator(mode="after")
    def _one_of(self) -> "MarkRead":
        if bool(self.ids) == self.all:
            raise ValueError("Send either a non-empty `ids` or `all: true`.")
        return self


class NotificationSetting(Schema):
    type: NotificationType
    channel: Channel
    channels: list[Channel] = Field(description="The channels this type can use.")
    description: str


class NotificationSettings(Schema):
    settings: list[NotificationSetting]


class NotificationSettingsUpdate(Schema):
    settings: dict[NotificationType, Channel] = Field(
        description="Types to change and their channel: `in_app`, `email` (in-app too), `off`."
    )
