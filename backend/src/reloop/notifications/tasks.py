"""Notification jobs: the outbox dispatcher and the daily digest."""

from reloop.notifications.digest import send_digests
from reloop.notifications.dispatcher import dispatch_pending
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("notifications.dispatch")
async def dispatch_task(context: TaskContext) -> int:
    """Dispatch pending events; enqueued after each commit that appends events, and by beat."""
    return await dispatch_pending(context.db, context.redis)


@async_task("notifications.send_digests")
async def send_digests_task(context: TaskContext) -> int:
    return await send_digests(context.db)
