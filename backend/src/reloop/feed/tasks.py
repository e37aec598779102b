"""Feed jobs."""

from reloop.feed.popularity import refresh_popularity
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("feed.refresh_popularity")
async def refresh_popularity_task(context: TaskContext) -> int:
    return await refresh_popularity(context.db)
