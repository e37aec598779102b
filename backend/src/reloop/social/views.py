"""Rendering the social graph for clients: member cards and comment threads."""

import uuid
from datetime import UTC, datetime

from reloop.kit.storage import Storage
from reloop.media.service import image_out
from reloop.models.user import User
from reloop.social.comments import CommentRow, Thread, can_delete, can_edit
from reloop.social.repository import MemberRow
from reloop.social.schemas import CommentAuthor, CommentOut, MemberCard


def member_card(row: MemberRow, storage: Storage) -> MemberCard:
    return MemberCard(
        id=row.member.id,
        username=row.member.username,
        display_name=row.member.display_name,
        avatar=image_out(row.avatar, storage) if row.avatar else None,
        followed_by_me=row.followed_by_me,
    )


def comment_out(
    row: CommentRow,
    viewer: User | None,
    seller_id: uuid.UUID,
    storage: Storage,
    replies: list[CommentOut] | None = None,
    now: datetime | None = None,
    reply_count: int | None = None,
) -> CommentOut:
    comment, author = row.comment, row.author
    deleted = comment.deleted_at is not None
    moment = now or datetime.now(UTC)
    return CommentOut(
        id=comment.id,
        item_id=comment.item_id,
        parent_id=comment.parent_id,
        body="" if deleted else comment.body,
        author=None
        if deleted
        else CommentAuthor(
            id=author.id,
            username=author.username,
            display_name=author.display_name,
            avatar=image_out(row.avatar, storage) if row.avatar else None,
        ),
        mentions=[] if deleted else [m["username"] for m in comment.mentions],
        created_at=comment.created_at,
        edited_at=comment.edited_at,
        deleted=deleted,
        reply_count=comment.reply_count if reply_count is None else reply_count,
        replies=replies or [],
        can_edit=can_edit(comment, viewer, moment),
        can_delete=can_delete(comment, viewer, seller_id),
    )


def thread_out(
    thread: Thread, rows: list[CommentRow], viewer: User | None, storage: Storage
) -> list[CommentOut]:
    now = datetime.now(UTC)
    return [
        comment_out(
            row,
            viewer,
            thread.seller_id,
            storage,
            [
                comment_out(reply, viewer, thread.seller_id, storage, now=now)
                for reply in thread.replies.get(row.comment.id, [])
            ],
            now,
            # Replies carry no count of their own; threads count what this viewer sees.
            None if row.comment.parent_id else thread.visible_replies.get(row.comment.id, 0),
        )
        for row in rows
    ]
