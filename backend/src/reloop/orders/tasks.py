"""Order jobs: capture retries, provider refunds, timed transitions and the payment sweep.

Every job is safe to run twice: the capture and the refund carry provider idempotency
keys, the transitions re-check each order under its row lock.
"""

import uuid
from datetime import UTC, datetime

from reloop.orders.capture import capture_payment
from reloop.orders.low_stock import notify_low_stock
from reloop.orders.refunds import send_refund
from reloop.orders.timed import retry_stuck_payments, run_timed_transitions
from reloop.payments.providers import TransientPaymentError
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("orders.retry_capture")
async def retry_capture_task(context: TaskContext, payment_id: str) -> str:
    """One more capture attempt; a transient failure schedules the next (with backoff)."""
    outcome = await capture_payment(
        context.db, uuid.UUID(payment_id), cache=context.cache, settings=context.settings
    )
    return outcome.status.value


@async_task("orders.refund", retry_on=(TransientPaymentError,), max_retries=12)
async def refund_task(context: TaskContext, order_id: str) -> bool:
    return await send_refund(context.db, context.settings, uuid.UUID(order_id))


@async_task("orders.timed_transitions")
async def timed_transitions_task(context: TaskContext) -> int:
    return await run_timed_transitions(
        context.db, context.settings, datetime.now(UTC), cache=context.cache
    )


@async_task("orders.sweep_payments")
async def sweep_payments_task(context: TaskContext) -> int:
    return len(await retry_stuck_payments(context.db, datetime.now(UTC)))


@async_task("orders.low_stock")
async def low_stock_task(context: TaskContext) -> int:
    return await notify_low_stock(context.db, datetime.now(UTC))
