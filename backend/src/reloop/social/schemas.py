"""Shapes of the social graph: member cards, follow state, reactions and comments."""

import uuid
from typing import Annotated

from pydantic import Field, StringConstraints

from reloop.kit.schemas import Schema, UtcDatetime
from reloop.media.schemas import ImageOut

CommentBody = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)
]


class MemberCard(Schema):
    """A member in a list, with the viewer's relation to them."""

    id: uuid.UUID
    username: str
    display_name: str
    avatar: ImageOut | None = None
    followed_by_me: bool = Field(description="Whether the viewer follows them.")


class MemberPage(Schema):
    items: list[MemberCard]
    next_cursor: str | None = None


class FollowState(Schema):
    following: bool
    follower_count: int


class LikeState(Schema):
    liked: bool
    like_count: int


class SaveState(Schema):
    saved: bool
    save_count: int


class CommentAuthor(Schema):
    id: uuid.UUID
    username: str
    display_name: str
    avatar: ImageOut | None = None


class CommentOut(Schema):
    id: uuid.UUID
    item_id: uuid.UUID
    parent_id: uuid.UUID | None
    body: str = Field(description='Plain text; empty when deleted. Render "@name" from `mentions`.')
    author: CommentAuthor | None = Field(description="Null once the comment is deleted.")
    mentions: list[str] = Field(description="Usernames mentioned that belong to members.")
    created_at: UtcDatetime
    edited_at: UtcDatetime | None
    deleted: bool
    reply_count: int
    replies: list["CommentOut"] = Field(
        default_factory=list, description="The first replies, oldest first (top-level only)."
    )
    can_edit: bool
    can_delete: bool


class CommentPage(Schema):
    items: list[CommentOut]
    next_cursor: str | None = None


class CommentCreate(Schema):
    body: CommentBody
    parent_id: uuid.UUID | None = Field(
        default=None, description="Reply to this comment (a reply to a reply joins its thread)."
    )


class CommentEdit(Schema):
    body: CommentBody
