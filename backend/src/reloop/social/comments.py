"""Comments on listings: one level of replies, a 15-minute edit window, moderation.

Counters (`items.comment_count`, `comments.reply_count`) count live comments and move in
the same transaction as the change. A deleted comment that still has replies stays as a
"deleted" marker so its thread reads; without replies it leaves the lists.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from reloop.access.visibility import is_blocked_between, visible_to
from reloop.events.service import append_event
from reloop.items.errors import ItemNotFound
from reloop.items.keys import item_cache_key
from reloop.kit.cache import Cache
from reloop.kit.jobs import on_commit
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
from reloop.models.media import Image, ImageStatus
from reloop.models.social import Comment
from reloop.models.user import Role, User
from reloop.social.errors import (
    CannotDeleteComment,
    CommentNotFound,
    EditWindowClosed,
    ItemNotCommentable,
    MemberBlocked,
    NotCommentAuthor,
)
from reloop.social.mentions import resolve_mentions

EDIT_WINDOW = timedelta(minutes=15)
INLINE_REPLIES = 3
_COMMENTABLE = (ItemStatus.active, ItemStatus.reserved)


@dataclass(frozen=True, slots=True)
class CommentRow:
    comment: Comment
    author: User
    avatar: Image | None


@dataclass(frozen=True, slots=True)
class Thread:
    """A page of top-level comments, their first replies, and who may act on them."""

    rows: list[CommentRow]
    replies: dict[uuid.UUID, list[CommentRow]]
    seller_id: uuid.UUID
    # Replies this viewer can see per thread: the stored `reply_count` also counts
    # replies from members in a block with the viewer.
    visible_replies: dict[uuid.UUID, int] = field(default_factory=dict)


Keyset = tuple[datetime, uuid.UUID] | None


def can_edit(comment: Comment, viewer: User | None, now: datetime) -> bool:
    return (
        viewer is not None
        and comment.deleted_at is None
        and comment.author_id == viewer.id
        and now - comment.created_at <= EDIT_WINDOW
    )


def can_delete(comment: Comment, viewer: User | None, seller_id: uuid.UUID) -> bool:
    if viewer is None or comment.deleted_at is not None:
        return False
    return viewer.id in {comment.author_id, seller_id} or viewer.role in {
        Role.moderator,
        Role.admin,
    }


async def _visible_item(
    session: AsyncSession, viewer_id: uuid.UUID | None, item_id: uuid.UUID
) -> Item:
    item = await session.scalar(
        select(Item).where(
            Item.id == item_id,
            Item.status.in_(PUBLIC_STATUSES),
            visible_to(viewer_id, Item.seller_id),
        )
    )
    if item is None:
        raise ItemNotFound()
    return item


def _page_query(viewer_id: uuid.UUID | None) -> Select[Comment, User, Image]:
    return (
        select(Comment, User, Image)
        .join(User, User.id == Comment.author_id)
        .outerjoin(Image, and_(Image.id == User.avatar_image_id, Image.status == ImageStatus.ready))
        .where(visible_to(viewer_id, Comment.author_id))
    )


async def thread_page(
    session: AsyncSession, viewer: User | None, item_id: uuid.UUID, limit: int, after: Keyset
) -> Thread:
    """Top-level comments oldest first (`limit + 1` rows) with each one's first replies.

    Three statements whatever the page size: the listing, the page, and the replies of
    the page (a window function keeps the first few per thread).
    """
    viewer_id = viewer.id if viewer else None
    item = await _visible_item(session, viewer_id, item_id)
    query = (
        _page_query(viewer_id)
        .where(
            Comment.item_id == item_id,
            Comment.parent_id.is_(None),
            or_(Comment.deleted_at.is_(None), Comment.reply_count > 0),
        )
        .order_by(Comment.created_at, Comment.id)
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(tuple_(Comment.created_at, Comment.id) > after)
    rows = [CommentRow(*row) for row in await session.execute(query)]
    parents = [row.comment.id for row in rows[:limit]]
    replies, visible = await _first_replies(session, viewer_id, parents)
    return Thread(rows, replies, item.seller_id, visible)


async def _first_replies(
    session: AsyncSession, viewer_id: uuid.UUID | None, parents: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[CommentRow]], dict[uuid.UUID, int]]:
    """The first few visible replies of each thread, and how many it has in all."""
    if not parents:
        return {}, {}
    position = (
        func.row_number()
        .over(partition_by=Comment.parent_id, order_by=(Comment.created_at, Comment.id))
        .label("position")
    )
    visible = func.count().over(partition_by=Comment.parent_id).label("visible")
    ranked = (
        select(Comment.id, position, visible)
        .where(
            Comment.parent_id.in_(parents),
            Comment.deleted_at.is_(None),
            visible_to(viewer_id, Comment.author_id),
        )
        .subquery()
    )
    query = (
        _page_query(viewer_id)
        .add_columns(ranked.c.visible)
        .join(ranked, ranked.c.id == Comment.id)
        .where(ranked.c.position <= INLINE_REPLIES)
        .order_by(Comment.created_at, Comment.id)
    )
    replies: dict[uuid.UUID, list[CommentRow]] = {}
    counts: dict[uuid.UUID, int] = {}
    for comment, author, avatar, count in await session.execute(query):
        assert comment.parent_id is not None
        replies.setdefault(comment.parent_id, []).append(CommentRow(comment, author, avatar))
        counts[comment.parent_id] = count
    return replies, counts


async def reply_page(
    session: AsyncSession, viewer: User | None, comment_id: uuid.UUID, limit: int, after: Keyset
) -> Thread:
    """The replies of a thread, oldest first (`limit + 1` rows)."""
    viewer_id = viewer.id if viewer else None
    parent = await session.get(Comment, comment_id)
    if parent is None or parent.parent_id is not None:
        raise CommentNotFound()
    item = await _visible_item(session, viewer_id, parent.item_id)
    query = (
        _page_query(viewer_id)
        .where(Comment.parent_id == comment_id, Comment.deleted_at.is_(None))
        .order_by(Comment.created_at, Comment.id)
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(tuple_(Comment.created_at, Comment.id) > after)
    rows = [CommentRow(*row) for row in await session.execute(query)]
    return Thread(rows, {}, item.seller_id)


async def _thread_parent(session: AsyncSession, item: Item, parent_id: uuid.UUID) -> Comment:
    """The top-level comment a reply belongs to (replying to a reply joins its thread)."""
    parent = await session.get(Comment, parent_id, with_for_update=True)
    if parent is not None and parent.parent_id is not None:
        parent = await session.get(Comment, parent.parent_id, with_for_update=True)
    if parent is None or parent.item_id != item.id or parent.deleted_at is not None:
        raise CommentNotFound()
    return parent


async def add_comment(
    session: AsyncSession,
    cache: Cache,
    author: User,
    item_id: uuid.UUID,
    body: str,
    parent_id: uuid.UUID | None,
) -> tuple[CommentRow, uuid.UUID]:
    """Comment on a listing, or reply in a thread; 403 across a block with the seller."""
    item = await session.scalar(
        select(Item).where(Item.id == item_id, Item.status.in_(PUBLIC_STATUSES))
    )
    if item is None:
        raise ItemNotFound()
    if item.seller_id != author.id and await is_blocked_between(session, author.id, item.seller_id):
        raise MemberBlocked()
    if item.status not in _COMMENTABLE:
        raise ItemNotCommentable()
    parent = await _thread_parent(session, item, parent_id) if parent_id else None
    if (
        parent is not None
        and parent.author_id != author.id
        and await is_blocked_between(session, author.id, parent.author_id)
    ):
        raise MemberBlocked()
    comment = Comment(
        item_id=item.id,
        author_id=author.id,
        parent_id=parent.id if parent else None,
        body=body,
        mentions=await resolve_mentions(session, body),
    )
    session.add(comment)
    await session.execute(
        update(Item).where(Item.id == item.id).values(comment_count=Item.comment_count + 1)
    )
    if parent is not None:
        parent.reply_count += 1
    await session.flush()
    await session.refresh(comment, ["created_at"])
    append_event(
        session,
        "comment.created",
        comment.id,
        actor_id=author.id,
        item_id=str(item.id),
        seller_id=str(item.seller_id),
        parent_author_id=str(parent.author_id) if parent else None,
        mentioned_ids=[m["user_id"] for m in comment.mentions],
    )
    on_commit(session, lambda: cache.delete(item_cache_key(item.id)))
    avatar = await session.get(Image, author.avatar_image_id) if author.avatar_image_id else None
    return CommentRow(comment, author, avatar), item.seller_id


async def _live_comment(session: AsyncSession, comment_id: uuid.UUID, viewer: User) -> Comment:
    comment = await session.get(Comment, comment_id, with_for_update=True)
    if comment is None or comment.deleted_at is not None:
        raise CommentNotFound()
    if comment.author_id != viewer.id and await is_blocked_between(
        session, comment.author_id, viewer.id
    ):
        raise CommentNotFound()
    return comment


async def edit_comment(
    session: AsyncSession, author: User, comment_id: uuid.UUID, body: str
) -> Thread:
    """Change the text within 15 minutes of posting; the comment shows as edited.

    The answer is the comment as the thread shows it, first replies included.
    """
    comment = await _live_comment(session, comment_id, author)
    if comment.author_id != author.id:
        raise NotCommentAuthor()
    now = datetime.now(UTC)
    if now - comment.created_at > EDIT_WINDOW:
        raise EditWindowClosed()
    comment.body = body
    comment.mentions = await resolve_mentions(session, body)
    comment.edited_at = now
    await session.flush()
    seller_id = await session.scalar(select(Item.seller_id).where(Item.id == comment.item_id))
    avatar = await session.get(Image, author.avatar_image_id) if author.avatar_image_id else None
    assert seller_id is not None
    replies, visible = await _first_replies(
        session, author.id, [comment.id] if comment.parent_id is None else []
    )
    return Thread([CommentRow(comment, author, avatar)], replies, seller_id, visible)


async def delete_comment(
    session: AsyncSession, cache: Cache, viewer: User, comment_id: uuid.UUID
) -> None:
    """Delete as its author, the listing's seller or a moderator."""
    comment = await _live_comment(session, comment_id, viewer)
    seller_id = await session.scalar(select(Item.seller_id).where(Item.id == comment.item_id))
    if seller_id is None or not can_delete(comment, viewer, seller_id):
        raise CannotDeleteComment()
    if viewer.id == comment.author_id:
        comment.deleted_by = "author"
    elif viewer.id == seller_id:
        comment.deleted_by = "seller"
    else:
        comment.deleted_by = "moderator"
    comment.deleted_at = datetime.now(UTC)
    comment.body = ""
    comment.mentions = []
    await session.execute(
        update(Item).where(Item.id == comment.item_id).values(comment_count=Item.comment_count - 1)
    )
    if comment.parent_id is not None:
        parent = aliased(Comment)
        await session.execute(
            update(parent)
            .where(parent.id == comment.parent_id)
            .values(reply_count=parent.reply_count - 1)
        )
    await session.flush()
    item_id = comment.item_id
    on_commit(session, lambda: cache.delete(item_cache_key(item_id)))
