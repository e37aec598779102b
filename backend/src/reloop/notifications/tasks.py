"""Notification jobs: the outbox dispatcher and the daily digest."""

from reloop.events.service import DISPATCH_PENDING_KEY
from reloop.kit.jobs import JobGate
from reloop.notifications.digest import send_digests
from reloop.notifications.dispatcher import dispatch_pending
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("notifications.dispatch")
async def dispatch_task(context: TaskContext) -> int:
    """Dispatch pending events; enqueued after commits that append events, and by beat.

    The waiting-job key goes first: an event committed from here on sends a new job, and
    every event committed before is read below.
    """
    await JobGate(context.redis).reopen(DISPATCH_PENDING_KEY)
    return await dispatch_pending(context.db, context.redis)


@async_task("notifications.send_digests")
async def send_digests_task(context: TaskContext) -> int:
    return await send_digests(context.db)
