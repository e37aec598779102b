"""Paying again after a decline: a new payment for what is still unpaid in the checkout.

A declined payment is final, so the retry is a payment of its own (and a capture key of
its own): the provider must never answer a new card with the old card's decline.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.storage import Storage
from reloop.models.order import Order, OrderStatus
from reloop.models.payment import Payment, PaymentStatus
from reloop.orders.capture import capture_counted
from reloop.orders.errors import (
    OrderNotFound,
    PaymentInProgress,
    PaymentWindowClosed,
    TransitionNotAllowed,
)
from reloop.orders.moves import payment_of
from reloop.orders.repository import OrderRepository
from reloop.orders.schemas import OrderDetail
from reloop.orders.service import expire_if_lapsed, order_detail
from reloop.orders.views import IN_FLIGHT
from reloop.payments.errors import declined_error
from reloop.payments.providers import provider_for


async def _new_payment(
    database: Database,
    settings: Settings,
    cache: Cache,
    buyer_id: uuid.UUID,
    order_id: uuid.UUID,
    method_ref: str,
) -> Payment:
    """Check the order may be paid and write its new `pending` payment, attempt counted."""
    now = datetime.now(UTC)
    async with database.transaction() as session:
        order = await OrderRepository(session).for_viewer(order_id, buyer_id, lock=True)
        if order is None or order.buyer_id != buyer_id:
            raise OrderNotFound()
        if order.status is OrderStatus.pending_payment and now >= order.reserved_until:
            expired = await expire_if_lapsed(session, order, now, cache=cache)
            raise PaymentWindowClosed(
                details={"reserved_until": order.reserved_until.isoformat()},
                keep_changes=expired,
            )
        if order.status is not OrderStatus.pending_payment:
            raise TransitionNotAllowed(details={"status": order.status.value, "action": "pay"})
        previous = await payment_of(session, order.checkout_id)
        if previous is not None and previous.status in IN_FLIGHT:
            raise PaymentInProgress()
        unpaid = list(
            await session.scalars(
                select(Order).where(
                    Order.checkout_id == order.checkout_id,
                    Order.status == OrderStatus.pending_payment,
                )
            )
        )
        payment = Payment(
            checkout_id=order.checkout_id,
            buyer_id=buyer_id,
            provider=settings.payment_provider,
            payment_method_ref=method_ref,
            status=PaymentStatus.pending,
            amount=sum(o.total_amount for o in unpaid),
            refunded_amount=0,
            currency=order.currency,
            attempts=1,  # captured as soon as this commits (`capture_counted`)
        )
        session.add(payment)
        await session.flush()
    return payment


async def pay(
    database: Database,
    settings: Settings,
    storage: Storage,
    buyer_id: uuid.UUID,
    order_id: uuid.UUID,
    payment_method: str,
    *,
    cache: Cache,
) -> OrderDetail:
    """Capture a new payment for the order's checkout; 402 when declined again."""
    provider = provider_for(settings, database)
    method_ref = await provider.tokenize(payment_method)
    payment = await _new_payment(database, settings, cache, buyer_id, order_id, method_ref)
    checkout_id = payment.checkout_id
    outcome = await capture_counted(
        database, payment, cache=cache, settings=settings, provider=provider
    )
    now = datetime.now(UTC)
    async with database.transaction() as session:
        order = await OrderRepository(session).for_viewer(order_id, buyer_id)
        assert order is not None
        if outcome.status is PaymentStatus.failed:
            order_ids = await session.scalars(
                select(Order.id).where(Order.checkout_id == checkout_id)
            )
            raise declined_error(outcome.failure_code)(
                outcome.failure_message,
                details={
                    "reason": outcome.failure_code,
                    "checkout_id": str(checkout_id),
                    "order_ids": [str(i) for i in order_ids],
                    "reserved_until": order.reserved_until.isoformat(),
                },
            )
        return await order_detail(session, settings, storage, buyer_id, order, now)
