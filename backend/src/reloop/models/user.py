"""Members: identity, credentials and public profile."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import CITEXT
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity, TimestampMixin


class Role(StrEnum):
    member = "member"
    moderator = "moderator"
    admin = "admin"


class User(TimestampMixin, Entity):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('member', 'moderator', 'admin')", name="role_known"),
        CheckConstraint("char_length(username) BETWEEN 3 AND 40", name="username_length"),
        Index("ix_users_active_created", "created_at", postgresql_where="deleted_at IS NULL"),
    )

    # citext: unique regardless of case, matched regardless of case, stored as typed.
    email: Mapped[str] = mapped_column(CITEXT(), unique=True)
    username: Mapped[str] = mapped_column(CITEXT(), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="user_role", native_enum=False, length=16), default=Role.member
    )
    email_verified_at: Mapped[datetime | None]
    display_name: Mapped[str] = mapped_column(String(60))
    bio: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(80))
    avatar_image_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("images.id", ondelete="SET NULL", use_alter=True)
    )
    password_changed_at: Mapped[datetime | None]
    # Kept exact in the same transaction as each follow and unfollow.
    follower_count: Mapped[int] = mapped_column(default=0, server_default="0")
    following_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # A seller's reviews, kept in the review's transaction: the profile's average is one read.
    rating_count: Mapped[int] = mapped_column(default=0, server_default="0")
    rating_sum: Mapped[int] = mapped_column(default=0, server_default="0")
    deleted_at: Mapped[datetime | None]

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
