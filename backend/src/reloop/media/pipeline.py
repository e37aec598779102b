"""The image pipeline run by workers: processing uploads and removing orphans."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import structlog

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.storage import Storage
from reloop.media.processing import VARIANT_WIDTHS, ImageRejected, process_image
from reloop.media.repository import ImageRepository
from reloop.models.media import Image, ImageStatus

logger = structlog.get_logger(__name__)
ORPHAN_AGE = timedelta(hours=24)


async def process(db: Database, storage: Storage, settings: Settings, image_id: uuid.UUID) -> None:
    """Produce the variants of one image (the `media.process_image` job).

    Idempotent: only an image in `processing` is worked on, and variants have
    deterministic keys, so a job redelivered after a crash rewrites the same files and
    the image ends `ready` once. The original upload is deleted afterwards: it may carry
    the photographer's location, which no variant keeps.
    """
    async with db.transaction() as session:
        image = await session.get(Image, image_id)
        if image is None or image.status is not ImageStatus.processing:
            return
        upload_key = image.upload_key
    original = await storage.read(upload_key)
    try:
        processed = await asyncio.to_thread(
            process_image, original, max_pixels=settings.media_max_pixels
        )
    except ImageRejected as rejected:
        async with db.transaction() as session:
            failed = await session.get(Image, image_id, with_for_update=True)
            if failed is not None and failed.status is ImageStatus.processing:
                failed.status = ImageStatus.failed
                failed.failure_reason = str(rejected)[:200]
        await storage.delete(upload_key)
        logger.info("media.rejected", image_id=str(image_id), reason=str(rejected))
        return
    for name, files in processed.files.items():
        for extension, data in files.items():
            content_type = "image/webp" if extension == "webp" else "image/jpeg"
            await storage.write(f"images/{image_id}/{name}.{extension}", data, content_type)
    async with db.transaction() as session:
        ready = await session.get(Image, image_id, with_for_update=True)
        if ready is None or ready.status is not ImageStatus.processing:
            return
        ready.width, ready.height = processed.width, processed.height
        ready.dominant_color = processed.dominant_color
        ready.placeholder = processed.placeholder
        ready.variants = processed.sizes
        ready.status = ImageStatus.ready
        ready.processed_at = datetime.now(UTC)
    await storage.delete(upload_key)


async def remove_orphans(db: Database, storage: Storage, limit: int = 500) -> int:
    """Delete item photos never attached to an item within a day, files included."""
    async with db.transaction() as session:
        orphans = await ImageRepository(session).orphans(datetime.now(UTC) - ORPHAN_AGE, limit)
        keys = [o.upload_key for o in orphans] + [
            o.variant_key(name, ext)
            for o in orphans
            for name in VARIANT_WIDTHS
            for ext in ("webp", "jpg")
        ]
        for orphan in orphans:
            await session.delete(orphan)
    await storage.delete(*keys)
    return len(orphans)
