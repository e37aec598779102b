"""The social graph: follows, likes, saves, comments, blocks and mutes.

Link tables have composite primary keys (who, whom) so "at most once" is the database's
job and an idempotent PUT is one `INSERT … ON CONFLICT DO NOTHING`. Each has the reverse
index its lists and fan-outs read.
"""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Base, Entity


def _user_fk() -> Mapped[uuid.UUID]:
    return mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


def _item_fk() -> Mapped[uuid.UUID]:
    return mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)


class Follow(Base):
    __tablename__ = "follows"
    __table_args__ = (
        CheckConstraint("follower_id <> followee_id", name="not_self"),
        Index("ix_follows_followee_created", "followee_id", "created_at", "follower_id"),
        Index("ix_follows_follower_created", "follower_id", "created_at", "followee_id"),
    )

    follower_id: Mapped[uuid.UUID] = _user_fk()
    followee_id: Mapped[uuid.UUID] = _user_fk()
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Like(Base):
    __tablename__ = "likes"
    __table_args__ = (
        Index("ix_likes_user_created", "user_id", "created_at", "item_id"),
        Index("ix_likes_item", "item_id", "user_id"),
    )

    user_id: Mapped[uuid.UUID] = _user_fk()
    item_id: Mapped[uuid.UUID] = _item_fk()
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Save(Base):
    __tablename__ = "saves"
    __table_args__ = (
        Index("ix_saves_user_created", "user_id", "created_at", "item_id"),
        Index("ix_saves_item", "item_id", "user_id"),
    )

    user_id: Mapped[uuid.UUID] = _user_fk()
    item_id: Mapped[uuid.UUID] = _item_fk()
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Block(Base):
    __tablename__ = "blocks"
    __table_args__ = (
        CheckConstraint("blocker_id <> blocked_id", name="not_self"),
        Index("ix_blocks_blocked", "blocked_id", "blocker_id"),
    )

    blocker_id: Mapped[uuid.UUID] = _user_fk()
    blocked_id: Mapped[uuid.UUID] = _user_fk()
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Mute(Base):
    __tablename__ = "mutes"
    __table_args__ = (CheckConstraint("muter_id <> muted_id", name="not_self"),)

    muter_id: Mapped[uuid.UUID] = _user_fk()
    muted_id: Mapped[uuid.UUID] = _user_fk()
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Comment(Entity):
    """A comment on a listing, or a reply to one (threads are one level deep).

    Deleting a comment that has replies keeps the row as a marker (`deleted_at` set, body
    emptied) so the thread still reads; one without replies disappears from lists.
    """

    __tablename__ = "comments"
    __table_args__ = (
        CheckConstraint("char_length(body) <= 1000", name="body_length"),
        Index(
            "ix_comments_item_thread",
            "item_id",
            "created_at",
            "id",
            postgresql_where="parent_id IS NULL",
        ),
        Index("ix_comments_parent", "parent_id", "created_at", "id"),
        Index("ix_comments_author", "author_id"),
    )

    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE")
    )
    body: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list[dict[str, str]]] = mapped_column(
        JSONB, default=list, comment="[{username, user_id}] of members the body mentions"
    )
    reply_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    edited_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    deleted_by: Mapped[str | None] = mapped_column(String(16))
