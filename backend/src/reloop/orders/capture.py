"""Capturing a checkout's payment: the provider call outside, the outcome in one transaction.

The provider is called with no transaction open and no row locked (a slow card network
must not hold anyone's stock rows), always with the key `payment:{id}:capture`, so any
number of attempts — the checkout request, the retry task, a redelivered task after a
worker died — make at most one charge. Recording the outcome locks the payment row and
does nothing if it is already final, so two attempts that both succeed record it once.
"""

import asyncio
import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings, get_settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.driver_statement import DriverStatement
from reloop.kit.jobs import enqueue_after_commit
from reloop.models.order import Order, OrderActor, OrderStatus
from reloop.models.payment import Payment, PaymentStatus
from reloop.orders.moves import apply
from reloop.orders.paid import Captured, pay_orders
from reloop.orders.state import Action
from reloop.payments.providers import (
    CaptureResult,
    PaymentProvider,
    TransientPaymentError,
    provider_for,
)
from reloop.workers.app import celery_app

RETRY_TASK = "orders.retry_capture"
FINAL_PAYMENT = frozenset(
    {
        PaymentStatus.succeeded,
        PaymentStatus.failed,
        PaymentStatus.refunded,
        PaymentStatus.partially_refunded,
    }
)
UNREACHABLE = ("provider_unavailable", "The payment provider could not be reached.")


@dataclass(frozen=True, slots=True)
class PaymentOutcome:
    status: PaymentStatus
    failure_code: str | None = None
    failure_message: str | None = None


# Work that joins the transaction recording an outcome (`capture_counted(then=...)`).
Recorded = Callable[[AsyncSession, PaymentOutcome], Awaitable[None]]


def capture_key(payment_id: uuid.UUID) -> str:
    return f"payment:{payment_id}:capture"


def retry_delay_s(attempts: int, cap_s: float = 300.0) -> float:
    """Exponential backoff with full jitter: uniform in [0, min(cap, 2^attempts)] seconds."""
    return random.uniform(0, min(cap_s, 2.0**attempts))  # noqa: S311 (not a secret)


def _outcome(payment: Payment) -> PaymentOutcome:
    return PaymentOutcome(payment.status, payment.failure_code, payment.failure_message)


async def _start_attempt(database: Database, payment_id: uuid.UUID) -> Payment | None:
    """Count the attempt; the payment, or `None` when it is already final."""
    async with database.transaction() as session:
        payment: Payment | None = await session.scalar(
            update(Payment)
            .where(Payment.id == payment_id, Payment.status.not_in(FINAL_PAYMENT))
            .values(attempts=Payment.attempts + 1)
            .returning(Payment)
        )
        return payment


async def _orders_awaiting(session: AsyncSession, checkout_id: uuid.UUID) -> list[Order]:
    result = await session.scalars(
        select(Order)
        .where(Order.checkout_id == checkout_id, Order.status == OrderStatus.pending_payment)
        .order_by(Order.id)
        .with_for_update()
    )
    return list(result)


_payments: Table = Payment.__table__  # type: ignore[assignment]
# The provider's answer, written where the payment is not final yet: the update takes the
# row lock that recording needs, and one that another attempt made final first (the update
# waits for it, then matches nothing) keeps its outcome. Built once for every checkout.
_ANSWERED = DriverStatement(
    update(_payments)
    .where(
        _payments.c.id == bindparam("payment_id"),
        # Not final, spelled as equalities: the driver takes no list expanded per call.
        or_(
            *(
                _payments.c.status == status
                for status in PaymentStatus
                if status not in FINAL_PAYMENT
            )
        ),
    )
    .values(
        status=bindparam("new_status"),
        failure_code=bindparam("new_failure_code"),
        failure_message=bindparam("new_failure_message"),
        updated_at=bindparam("now"),
        provider_ref=func.coalesce(bindparam("new_provider_ref"), _payments.c.provider_ref),
    )
    .returning(_payments.c.checkout_id, _payments.c.provider)
)


def _answered(payment_id: uuid.UUID, result: CaptureResult, now: datetime) -> dict[str, Any]:
    declined = result.status == "declined"
    return {
        "payment_id": payment_id,
        "new_status": PaymentStatus.failed if declined else PaymentStatus.succeeded,
        "new_failure_code": result.failure_code if declined else None,
        "new_failure_message": ((result.failure_message or "")[:255] or None) if declined else None,
        "now": now,
        "new_provider_ref": result.provider_ref or None,
    }


async def record_capture(
    session: AsyncSession,
    settings: Settings,
    payment_id: uuid.UUID,
    result: CaptureResult | None,
    now: datetime,
    *,
    cache: Cache,
) -> PaymentOutcome:
    """Record what the provider said (`None`: nothing, in time) on the locked payment."""
    if result is None:
        return await _record_no_answer(session, settings, payment_id, now, cache=cache)
    values = _answered(payment_id, result, now)
    written = await _ANSWERED.rows(session, values)
    if not written:
        final = await session.get(Payment, payment_id)
        if final is None:
            raise LookupError(f"payment {payment_id} does not exist")
        return _outcome(final)
    if values["new_status"] == PaymentStatus.succeeded:
        checkout_id, provider = written[0]
        await pay_orders(session, Captured(payment_id, checkout_id, provider), now, cache=cache)
    return PaymentOutcome(
        values["new_status"], values["new_failure_code"], values["new_failure_message"]
    )


async def _record_no_answer(
    session: AsyncSession,
    settings: Settings,
    payment_id: uuid.UUID,
    now: datetime,
    *,
    cache: Cache,
) -> PaymentOutcome:
    """No answer in time: try again later, or, out of attempts, fail and let the orders go."""
    payment = await session.scalar(
        select(Payment).where(Payment.id == payment_id).with_for_update()
    )
    if payment is None:
        raise LookupError(f"payment {payment_id} does not exist")
    if payment.status in FINAL_PAYMENT:
        return _outcome(payment)
    payment.updated_at = now
    if payment.attempts < settings.payment_max_attempts:
        payment.status = PaymentStatus.processing
        enqueue_after_commit(
            session,
            celery_app.signature(RETRY_TASK),
            str(payment.id),
            countdown_s=retry_delay_s(payment.attempts),
        )
        return _outcome(payment)
    payment.status = PaymentStatus.failed
    payment.failure_code, payment.failure_message = UNREACHABLE
    for order in await _orders_awaiting(session, payment.checkout_id):
        await apply(session, order, Action.expire, OrderActor.system, now, cache=cache)
    return _outcome(payment)


async def capture_payment(
    database: Database,
    payment_id: uuid.UUID,
    *,
    cache: Cache,
    settings: Settings | None = None,
    provider: PaymentProvider | None = None,
    now: datetime | None = None,
) -> PaymentOutcome:
    """Capture `payment_id` once and record the outcome (docs/COMMERCE.md).

    Safe to call any number of times, concurrently or after a crash: the provider key
    makes one charge, the row lock records it once.
    """
    payment = await _start_attempt(database, payment_id)
    if payment is None:
        async with database.transaction() as session:
            final = await session.get(Payment, payment_id)
            if final is None:
                raise LookupError(f"payment {payment_id} does not exist")
            return _outcome(final)
    return await capture_counted(
        database, payment, cache=cache, settings=settings, provider=provider, now=now
    )


async def capture_counted(
    database: Database,
    payment: Payment,
    *,
    cache: Cache,
    settings: Settings | None = None,
    provider: PaymentProvider | None = None,
    now: datetime | None = None,
    then: Recorded | None = None,
) -> PaymentOutcome:
    """Capture `payment`, whose attempt is already counted and committed, and record it.

    Checkout and `POST /orders/{id}/pay` write a new payment with `attempts=1` in the
    transaction that creates it, so the first capture skips the counting transaction of
    `capture_payment`; every later attempt goes through `capture_payment`. `then` runs in
    the transaction that records the outcome, after it (checkout stores its answer there).
    """
    settings = settings or get_settings()
    provider = provider or provider_for(settings, database)
    result: CaptureResult | None
    try:
        async with asyncio.timeout(settings.payment_timeout_s):
            result = await provider.capture(
                idempotency_key=capture_key(payment.id),
                amount=payment.amount,
                currency=payment.currency,
                payment_method_ref=payment.payment_method_ref or "",
            )
    except (TransientPaymentError, TimeoutError):
        result = None
    async with database.transaction() as session:
        outcome = await record_capture(
            session, settings, payment.id, result, now or datetime.now(UTC), cache=cache
        )
        if then is not None:
            await then(session, outcome)
        return outcome
