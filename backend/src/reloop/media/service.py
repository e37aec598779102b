"""Uploads and images: presigned uploads, completion, processing, public views."""

import uuid
from typing import Any, Protocol

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.jobs import enqueue_after_commit
from reloop.kit.storage import Storage
from reloop.media.errors import (
    ImageNotFound,
    QuotaExceeded,
    UnsupportedImageType,
    UploadNotReceived,
    UploadTooLarge,
)
from reloop.media.repository import ImageRepository
from reloop.media.schemas import ImageOut, UploadRequest, UploadTicket, VariantFiles
from reloop.media.tasks import process_image_task
from reloop.models.media import Image, ImagePurpose, ImageStatus

ACCEPTED_TYPES = {"image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"}


class ImageFields(Protocol):
    """What rendering an image reads: an `Image` entity or a card's `Cover` row."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def status(self) -> ImageStatus: ...
    @property
    def failure_reason(self) -> str | None: ...
    @property
    def width(self) -> int | None: ...
    @property
    def height(self) -> int | None: ...
    @property
    def dominant_color(self) -> str | None: ...
    @property
    def placeholder(self) -> str | None: ...
    @property
    def variants(self) -> dict[str, Any]: ...
    def variant_key(self, variant: str, extension: str) -> str: ...


def image_out(image: ImageFields, storage: Storage) -> ImageOut:
    """The client view of an image, with a URL per variant and format.

    Processing writes a ready image once and never again, so its view is kept (by the
    storage, for as long as the URLs in it stay the same) and shared by every page that
    shows it: a page of cards then builds none of its 24 covers.
    """
    if image.status is ImageStatus.ready:
        return storage.remembered(("image", image.id), lambda: _view(image, storage))
    return _view(image, storage)


def image_json(image: ImageFields, storage: Storage) -> orjson.Fragment:
    """`image_out` as JSON, rendered by its schema; kept like the view (cards embed it)."""
    if image.status is ImageStatus.ready:
        return storage.remembered(("image-json", image.id), lambda: _json(image, storage))
    return _json(image, storage)


def _json(image: ImageFields, storage: Storage) -> orjson.Fragment:
    # From the view itself, not `image_out`: a card keeps only the JSON, and keeping the
    # model too would take two of the memo's places per cover.
    return orjson.Fragment(_view(image, storage).model_dump_json())


def _view(image: ImageFields, storage: Storage) -> ImageOut:
    # Built with `model_construct`: the values come from our own rows, and validating
    # them (with the NUL-byte walk every `Schema` does on input) is work a page of cards
    # would repeat for its 96 image models. Serialisation still goes through the schema.
    variants = {}
    if image.status is ImageStatus.ready:
        for name, size in image.variants.items():
            variants[name] = VariantFiles.model_construct(
                width=size["width"],
                height=size["height"],
                webp=storage.public_url(image.variant_key(name, "webp")),
                jpeg=storage.public_url(image.variant_key(name, "jpg")),
            )
    ratio = round(image.width / image.height, 4) if image.width and image.height else None
    return ImageOut.model_construct(
        id=image.id,
        status=image.status,
        failure_reason=image.failure_reason,
        width=image.width,
        height=image.height,
        aspect_ratio=ratio,
        dominant_color=image.dominant_color,
        placeholder=image.placeholder,
        variants=variants,
    )


async def create_upload(
    session: AsyncSession,
    storage: Storage,
    settings: Settings,
    owner_id: uuid.UUID,
    request: UploadRequest,
) -> UploadTicket:
    """An image row awaiting its bytes, and where to PUT them."""
    content_type = request.content_type.split(";", 1)[0].strip().lower()
    if content_type not in ACCEPTED_TYPES:
        raise UnsupportedImageType(details={"content_type": request.content_type})
    if request.size_bytes > settings.media_max_upload_bytes:
        raise UploadTooLarge(details={"max_bytes": settings.media_max_upload_bytes})
    images = ImageRepository(session)
    used = await images.bytes_used(owner_id)
    if used + request.size_bytes > settings.media_quota_bytes:
        raise QuotaExceeded(details={"used_bytes": used, "quota_bytes": settings.media_quota_bytes})
    image = await images.add(
        Image(
            owner_id=owner_id,
            purpose=ImagePurpose(request.purpose),
            declared_type=content_type,
            size_bytes=request.size_bytes,
        )
    )
    presigned = await storage.presign_upload(
        image.upload_key,
        content_type=content_type,
        size_bytes=request.size_bytes,
        expires_s=settings.upload_url_ttl_s,
    )
    return UploadTicket(
        id=image.id,
        upload_url=presigned.url,
        headers=presigned.headers,
        expires_at=presigned.expires_at,
    )


async def complete_upload(
    session: AsyncSession, storage: Storage, owner_id: uuid.UUID, image_id: uuid.UUID
) -> Image:
    """Check the bytes arrived, then queue processing; repeating it changes nothing."""
    image = await ImageRepository(session).owned(image_id, owner_id)
    if image is None:
        raise ImageNotFound()
    if image.status is not ImageStatus.awaiting_upload:
        return image
    size = await storage.size_of(image.upload_key)
    if size is None or size == 0:
        raise UploadNotReceived()
    if size > image.size_bytes:
        await storage.delete(image.upload_key)
        raise UploadTooLarge(details={"declared_bytes": image.size_bytes, "received_bytes": size})
    image.size_bytes = size
    image.status = ImageStatus.processing
    await session.flush()
    enqueue_after_commit(session, process_image_task, str(image.id))
    return image


async def visible_image(
    session: AsyncSession, image_id: uuid.UUID, viewer_id: uuid.UUID | None
) -> Image:
    """The owner sees their images in any state; others only those on a public listing."""
    image = await ImageRepository(session).get(image_id)
    if image is None:
        raise ImageNotFound()
    if viewer_id is not None and image.owner_id == viewer_id:
        return image
    if image.status is ImageStatus.ready and await ImageRepository(session).is_public(image):
        return image
    raise ImageNotFound()
