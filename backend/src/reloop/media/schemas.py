"""Upload and image shapes."""

import uuid
from typing import Literal

from pydantic import Field

from reloop.kit.schemas import Schema, UtcDatetime
from reloop.models.media import ImageStatus

UploadContentType = Literal["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"]


class UploadRequest(Schema):
    content_type: str = Field(max_length=100, description="The file's type, e.g. image/jpeg.")
    size_bytes: int = Field(gt=0, description="The exact size of the file to upload.")
    purpose: Literal["item", "avatar"] = "item"


class UploadTicket(Schema):
    id: uuid.UUID
    upload_url: str
    method: Literal["PUT"] = "PUT"
    headers: dict[str, str]
    expires_at: UtcDatetime


class VariantFiles(Schema):
    width: int
    height: int
    webp: str
    jpeg: str


class ImageOut(Schema):
    """Everything a client needs to lay out an image before it loads."""

    id: uuid.UUID
    status: ImageStatus
    failure_reason: str | None = None
    width: int | None = None
    height: int | None = None
    aspect_ratio: float | None = None
    dominant_color: str | None = None
    placeholder: str | None = None
    variants: dict[str, VariantFiles] = Field(default_factory=dict)
