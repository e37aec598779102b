"""Mail delivery jobs.

Delivery state lives in the outbox row, not in Celery: a failed attempt commits its error
and next due time, and the every-minute sweeper re-sends whatever is due. That is what
makes an SMTP outage lose nothing, and a redelivered job send nothing twice (a claimed
message is leased to the job that claimed it).

One job delivers every due message, over the worker's kept SMTP connection: a commit that
queues mail sends it only while none is waiting (`JobGate`), so a burst of orders (two
confirmations each) costs a few jobs, not two apiece.
"""

from reloop.kit.jobs import JobGate
from reloop.mail.delivery import CLAIM_BATCH, deliver_due
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext

DELIVERY_PENDING_KEY = "jobs:pending:mail.flush_outbox"


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
        batch = await deliver_due(context.db, context.settings, context.smtp, CLAIM_BATCH)
        delivered += batch.sent
        # A short batch was everything due; a batch with nothing sent means SMTP is down
        # (the sweeper tries again once the backoff has passed).
        if batch.claimed < CLAIM_BATCH or batch.sent == 0:
            return delivered
