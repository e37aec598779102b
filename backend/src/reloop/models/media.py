"""Images: an upload, its processing state, and the variants served to clients."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Enum, ForeignKey, Index, SmallInteger, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from reloop.models.base import Entity, TimestampMixin


class ImageStatus(StrEnum):
    awaiting_upload = "awaiting_upload"
    processing = "processing"
    ready = "ready"
    failed = "failed"


class ImagePurpose(StrEnum):
    item = "item"
    avatar = "avatar"


class Image(TimestampMixin, Entity):
    __tablename__ = "images"
    __table_args__ = (
        CheckConstraint(
            "status IN ('awaiting_upload', 'processing', 'ready', 'failed')", name="status_known"
        ),
        CheckConstraint("purpose IN ('item', 'avatar')", name="purpose_known"),
        Index("ix_images_item_position", "item_id", "position"),
        Index("ix_images_owner_created", "owner_id", "created_at"),
        Index("ix_images_orphans", "created_at", postgresql_where="item_id IS NULL"),
    )

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("items.id", ondelete="SET NULL", use_alter=True)
    )
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    purpose: Mapped[ImagePurpose] = mapped_column(
        Enum(ImagePurpose, name="image_purpose", native_enum=False, length=16)
    )
    status: Mapped[ImageStatus] = mapped_column(
        Enum(ImageStatus, name="image_status", native_enum=False, length=20),
        default=ImageStatus.awaiting_upload,
    )
    failure_reason: Mapped[str | None] = mapped_column(String(200))
    declared_type: Mapped[str] = mapped_column(String(40))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int | None]
    height: Mapped[int | None]
    dominant_color: Mapped[str | None] = mapped_column(String(7))
    placeholder: Mapped[str | None] = mapped_column(String(2000))
    variants: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    processed_at: Mapped[datetime | None]

    @property
    def upload_key(self) -> str:
        return f"uploads/{self.id}"

    def variant_key(self, variant: str, extension: str) -> str:
        return variant_key(self.id, variant, extension)


def variant_key(image_id: uuid.UUID, variant: str, extension: str) -> str:
    """Where one processed size of an image is stored, in one format."""
    return f"images/{image_id}/{variant}.{extension}"
