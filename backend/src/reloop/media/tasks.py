"""Media jobs: processing uploads, removing orphans."""

import uuid

from reloop.media.pipeline import process, remove_orphans
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("media.process_image", retry_on=(OSError,))
async def process_image_task(context: TaskContext, image_id: str) -> None:
    await process(context.db, context.storage, context.settings, uuid.UUID(image_id))


@async_task("media.remove_orphans")
async def remove_orphans_task(context: TaskContext) -> int:
    return await remove_orphans(context.db, context.storage)
