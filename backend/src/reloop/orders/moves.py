"""Moving one locked order through the state machine, with everything a move implies.

Each move writes the new status and its timestamp, a timeline row and an `order.*`
outbox event, in the caller's transaction; stock and money follow the move: paid
consumes the reservation and posts the capture, cancel and expiry release the stock,
a refund reverses the posting and queues the provider refund for after the commit.
"""

import uuid
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.events.service import append_event
from reloop.inventory import service as inventory
from reloop.kit.cache import Cache
from reloop.kit.jobs import enqueue_after_commit
from reloop.ledger import service as ledger
from reloop.models.order import Order, OrderActor, OrderEvent, OrderItem, OrderStatus
from reloop.models.payment import Payment, PaymentStatus
from reloop.orders.state import FINAL, Action, transition
from reloop.workers.app import celery_app

REFUND_TASK = "orders.refund"
_STAMPS = {
    OrderStatus.paid: "paid_at",
    OrderStatus.shipped: "shipped_at",
    OrderStatus.delivered: "delivered_at",
    OrderStatus.completed: "completed_at",
}


async def event_payload(session: AsyncSession, order: Order) -> dict[str, Any]:
    """What notifications and emails need, so they never read orders themselves."""
    rows = (
        await session.execute(
            select(OrderItem.title, func.count().over())
            .where(OrderItem.order_id == order.id)
            .order_by(OrderItem.title)
            .limit(1)
        )
    ).all()
    title, count = rows[0] if rows else ("your order", 0)
    return {
        "order_id": str(order.id),
        "buyer_id": str(order.buyer_id),
        "seller_id": str(order.seller_id),
        "title": title,
        "item_count": count,
        "total_amount": order.total_amount,
        "currency": order.currency,
    }


class Owed(Protocol):
    """What a capture's legs need of an order (an `Order`, or a row of its columns)."""

    @property
    def seller_id(self) -> uuid.UUID: ...
    @property
    def total_amount(self) -> int: ...
    @property
    def items_amount(self) -> int: ...
    @property
    def shipping_amount(self) -> int: ...
    @property
    def fee_amount(self) -> int: ...


def capture_legs(order: Owed, provider: str) -> list[tuple[str, int]]:
    """The provider holds the total; the seller is owed items and shipping, we the fee."""
    return [
        (ledger.psp(provider), order.total_amount),
        (ledger.seller_pending(order.seller_id), -(order.items_amount + order.shipping_amount)),
        (ledger.PLATFORM_FEES, -order.fee_amount),
    ]


async def payment_of(session: AsyncSession, checkout_id: uuid.UUID) -> Payment | None:
    """The checkout's latest payment (a retried payment replaces a declined one)."""
    result: Payment | None = await session.scalar(
        select(Payment)
        .where(Payment.checkout_id == checkout_id)
        .order_by(Payment.created_at.desc(), Payment.id.desc())
        .limit(1)
    )
    return result


async def _captured_payment(session: AsyncSession, order: Order) -> Payment | None:
    result: Payment | None = await session.scalar(
        select(Payment)
        .where(Payment.checkout_id == order.checkout_id, Payment.status.in_(_CAPTURED))
        .with_for_update()
    )
    return result


async def _refund(session: AsyncSession, order: Order, now: datetime) -> None:
    payment = await _captured_payment(session, order)
    if payment is None:
        return
    legs = capture_legs(order, payment.provider)
    ledger.post(session, "refund", order.id, order.currency, [(a, -x) for a, x in legs], at=now)
    give_back(session, payment, order, now)


def give_back(session: AsyncSession, payment: Payment, order: Order, now: datetime) -> None:
    """Count the order's total as refunded and queue the provider refund after commit."""
    payment.refunded_amount += order.total_amount
    payment.status = (
        PaymentStatus.refunded
        if payment.refunded_amount >= payment.amount
        else PaymentStatus.partially_refunded
    )
    payment.updated_at = now
    enqueue_after_commit(session, celery_app.signature(REFUND_TASK), str(order.id))


_CAPTURED = (PaymentStatus.succeeded, PaymentStatus.partially_refunded)


async def apply(
    session: AsyncSession,
    order: Order,
    action: Action,
    actor: OrderActor,
    now: datetime,
    *,
    cache: Cache,
    actor_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
    provider: str | None = None,
) -> OrderStatus:
    """Make one move on `order` (locked by the caller); `TransitionRefused` if not allowed.

    `cache` is where the item pages of stock the move consumes or releases are dropped
    once the caller commits.
    """
    new = transition(order.status, action, actor)
    if new is OrderStatus.paid:
        # First, before anything changes: a lapsed hold raises `ReservationLapsed`.
        await inventory.consume(session, order.id, cache=cache)
    order.status = new
    order.version += 1
    order.updated_at = now
    if new in _STAMPS:
        setattr(order, _STAMPS[new], now)
    if new in FINAL:
        order.closed_at = now
    if new is OrderStatus.paid:
        ledger.post(
            session,
            "capture",
            order.id,
            order.currency,
            capture_legs(order, provider or ""),
            at=now,
        )
    elif new in {OrderStatus.cancelled, OrderStatus.expired}:
        await inventory.release(session, order.id, cache=cache)
    elif new is OrderStatus.refunded:
        await _refund(session, order, now)
    elif new is OrderStatus.completed:
        earned = order.items_amount + order.shipping_amount
        ledger.post(
            session,
            "completion",
            order.id,
            order.currency,
            [
                (ledger.seller_pending(order.seller_id), earned),
                (ledger.seller_available(order.seller_id), -earned),
            ],
            at=now,
        )
    session.add(
        OrderEvent(
            order_id=order.id,
            type=new.value,
            actor=actor,
            actor_id=actor_id,
            details=details or {},
            created_at=now,
        )
    )
    payload = await event_payload(session, order)
    append_event(
        session, f"order.{new.value}", order.id, actor_id=actor_id, actor=actor.value, **payload
    )
    return new
