"""Mail delivery jobs.

Delivery state lives in the outbox row, not in Celery: a failed attempt commits its error
and next due time, and the every-minute sweeper re-sends whatever is due. That is what
makes an SMTP outage lose nothing, and a redelivered job send nothing twice.
"""

import uuid

from reloop.mail.delivery import deliver_email, due_email_ids
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("mail.deliver")
async def deliver_email_task(context: TaskContext, email_id: str) -> bool:
    async with context.db.transaction() as session:
        return await deliver_email(session, context.settings, uuid.UUID(email_id), context.smtp)


@async_task("mail.flush_outbox")
async def flush_outbox_task(context: TaskContext) -> int:
    """Attempt every due message; returns how many left the outbox."""
    async with context.db.transaction() as session:
        ids = await due_email_ids(session)
    delivered = 0
    for email_id in ids:
        async with context.db.transaction() as session:
            delivered += await deliver_email(session, context.settings, email_id, context.smtp)
    return delivered
