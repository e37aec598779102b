"""Feed jobs."""

from reloop.feed.service import refresh_popular_feed
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("feed.refresh_popularity")
async def refresh_popularity_task(context: TaskContext) -> int:
    return await refresh_popular_feed(context.db, context.cache)
