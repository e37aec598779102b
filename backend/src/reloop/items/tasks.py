"""Listing jobs."""

from reloop.items.counters import flush_views
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("items.flush_views")
async def flush_views_task(context: TaskContext) -> int:
    return await flush_views(context.db, context.redis)
