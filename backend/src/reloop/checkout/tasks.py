"""Checkout jobs."""

from datetime import UTC, datetime

from reloop.kit.idempotency import sweep_expired
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("checkout.sweep_idempotency_keys")
async def sweep_idempotency_keys_task(context: TaskContext) -> int:
    """Delete idempotency keys past their retention (checkout's and payments')."""
    return await sweep_expired(context.db, datetime.now(UTC))
