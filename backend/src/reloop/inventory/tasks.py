"""Stock jobs."""

from datetime import UTC, datetime

from reloop.inventory.service import release_lapsed
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


async def release_all_lapsed(context: TaskContext, now: datetime | None = None) -> int:
    """Release every lapsed hold, a batch of items per transaction; how many items."""
    now = now or datetime.now(UTC)
    cache = context.cache
    total = 0
    while True:
        async with context.db.transaction() as session:
            released = await release_lapsed(session, now, cache=cache)
        total += len(released)
        if not released:
            return total


@async_task("inventory.release_lapsed")
async def release_lapsed_task(context: TaskContext) -> int:
    return await release_all_lapsed(context)
