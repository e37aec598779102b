"""Timed transitions and sweeps, run by beat; each takes `now` so tests move the clock.

Every sweep picks due orders from a small partial index, locks them `SKIP LOCKED` (a
buyer acting on an order at the same moment keeps it) and moves them in batches, one
transaction per batch: a crash loses at most a batch, which the next run picks up.
"""

import uuid
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.jobs import enqueue_after_commit
from reloop.models.order import Order, OrderActor, OrderStatus
from reloop.models.payment import Payment, PaymentStatus
from reloop.orders.capture import RETRY_TASK
from reloop.orders.moves import apply
from reloop.orders.service import expire_if_lapsed
from reloop.orders.state import Action
from reloop.workers.app import celery_app

BATCH = 100
# A pending payment this old lost its capture (a crash after checkout's commit); a
# processing one this quiet lost its retry job.
PENDING_GRACE = timedelta(seconds=30)
PROCESSING_GRACE = timedelta(minutes=10)


async def _due(
    session: AsyncSession, status: OrderStatus, condition: ColumnElement[bool]
) -> list[Order]:
    result = await session.scalars(
        select(Order)
        .where(Order.status == status, condition)
        .order_by(Order.id)
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )
    return list(result)


# A capture still running decides these orders itself (paid, or expired when it gives up).
_in_flight = (
    select(Payment.id)
    .where(
        Payment.checkout_id == Order.checkout_id,
        Payment.status.in_([PaymentStatus.pending, PaymentStatus.processing]),
    )
    .exists()
)


async def expire_unpaid(database: Database, now: datetime, *, cache: Cache) -> int:
    """Unpaid orders past their reservation: expired, stock released."""
    moved = 0
    while True:
        async with database.transaction() as session:
            orders = await _due(session, OrderStatus.pending_payment, Order.reserved_until <= now)
            for order in orders:
                moved += await expire_if_lapsed(session, order, now, cache=cache)
        if len(orders) < BATCH:
            return moved


async def refund_unshipped(
    database: Database, settings: Settings, now: datetime, *, cache: Cache
) -> int:
    """Paid orders the seller did not ship in time: refunded to the buyer."""
    deadline = now - timedelta(days=settings.ship_within_days)
    return await _sweep(
        database, OrderStatus.paid, Order.paid_at <= deadline, Action.refund, now, cache
    )


async def complete_delivered(
    database: Database, settings: Settings, now: datetime, *, cache: Cache
) -> int:
    """Delivered orders nobody disputed in time: completed, the seller's money available."""
    deadline = now - timedelta(days=settings.complete_after_days)
    return await _sweep(
        database, OrderStatus.delivered, Order.delivered_at <= deadline, Action.complete, now, cache
    )


async def _sweep(
    database: Database,
    status: OrderStatus,
    condition: ColumnElement[bool],
    action: Action,
    now: datetime,
    cache: Cache,
) -> int:
    moved = 0
    while True:
        async with database.transaction() as session:
            orders = await _due(session, status, condition)
            for order in orders:
                await apply(session, order, action, OrderActor.system, now, cache=cache)
            moved += len(orders)
        if len(orders) < BATCH:
            return moved


async def retry_stuck_payments(database: Database, now: datetime) -> list[uuid.UUID]:
    """Queue a capture for payments left pending or processing too long (idempotent)."""
    async with database.transaction() as session:
        ids = list(
            await session.scalars(
                select(Payment.id).where(
                    (
                        (Payment.status == PaymentStatus.pending)
                        & (Payment.updated_at <= now - PENDING_GRACE)
                    )
                    | (
                        (Payment.status == PaymentStatus.processing)
                        & (Payment.updated_at <= now - PROCESSING_GRACE)
                    )
                )
            )
        )
        for payment_id in ids:
            enqueue_after_commit(session, celery_app.signature(RETRY_TASK), str(payment_id))
    return ids


async def run_timed_transitions(
    database: Database, settings: Settings, now: datetime, *, cache: Cache
) -> int:
    """Every timed transition once (beat's entry point)."""
    return (
        await expire_unpaid(database, now, cache=cache)
        + await refund_unshipped(database, settings, now, cache=cache)
        + await complete_delivered(database, settings, now, cache=cache)
    )
