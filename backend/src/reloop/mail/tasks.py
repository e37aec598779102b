"""Mail delivery jobs.

Delivery state lives in the outbox row, not in Celery: a failed attempt commits its error
and next due time, and the every-minute sweeper re-sends whatever is due. That is what
makes an SMTP outage lose nothing, and a redelivered job send nothing twice.

One job delivers every due message, over the worker's kept SMTP connection: a commit that
queues mail sends it only while none is waiting (`JobGate`), so a burst of orders (two
confirmations each) costs a few jobs, not two apiece.
"""

from reloop.kit.jobs import JobGate
from reloop.mail.delivery import deliver_email, due_email_ids
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext

DELIVERY_PENDING_KEY = "jobs:pending:mail.flush_outbox"
DUE_BATCH = 200


@async_task("mail.flush_outbox")
async def flush_outbox_task(context: TaskContext) -> int:
    """Attempt every due message; returns how many left the outbox.

    Enqueued after commits that queue mail, and every minute by beat. The waiting-job key
    goes first: mail queued from here on sends a new job, and mail queued before is read
    below.
    """
    await JobGate(context.redis).reopen(DELIVERY_PENDING_KEY)
    delivered = 0
    while True:
        async with context.db.transaction() as session:
            ids = await due_email_ids(session, DUE_BATCH)
        sent = 0
        for email_id in ids:
            async with context.db.transaction() as session:
                sent += await deliver_email(session, context.settings, email_id, context.smtp)
        delivered += sent
        # A short batch was everything due; a batch with nothing sent means SMTP is down
        # or another worker holds the rest (the next attempt or the sweeper goes on).
        if len(ids) < DUE_BATCH or sent == 0:
            return delivered
