"""A captured payment's orders, moved to paid together: the `capture` move, by table.

`moves.apply` makes one move on one loaded order, which suits a member's action. The
capture of a checkout moves all its orders at once, on every checkout, and there the unit
of work (loading each order, flushing each changed object) cost more CPU than the rest of
the move. Here the orders are read as rows under lock and every write is one statement
per table for all of them: the same status, stamps, stock, ledger posting, timeline row
and `order.paid` event as `apply(order, Action.capture)` writes.
"""

import uuid
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Table, Uuid, any_, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.events.service import new_event
from reloop.inventory import service as inventory
from reloop.inventory.errors import ReservationLapsed
from reloop.kit.cache import Cache
from reloop.kit.driver_statement import DriverStatement
from reloop.ledger import service as ledger
from reloop.models.base import insert_entities
from reloop.models.order import Order, OrderActor, OrderEvent, OrderItem, OrderStatus
from reloop.models.payment import Payment
from reloop.orders.moves import apply, capture_legs, give_back
from reloop.orders.state import Action, transition

_orders: Table = Order.__table__  # type: ignore[assignment]
_lines: Table = OrderItem.__table__  # type: ignore[assignment]


class Awaiting(NamedTuple):
    """An order of the checkout still awaiting payment, locked."""

    id: uuid.UUID
    status: OrderStatus
    buyer_id: uuid.UUID
    seller_id: uuid.UUID
    currency: str
    items_amount: int
    shipping_amount: int
    fee_amount: int
    total_amount: int
    first_title: str | None  # what notifications and mails call the order
    line_count: int


def _of_lines(column: Any) -> Any:
    return select(column).where(_lines.c.order_id == _orders.c.id).scalar_subquery()


_AWAITING = DriverStatement(
    select(
        *(_orders.c[name] for name in Awaiting._fields[:-2]),
        _of_lines(func.min(_lines.c.title)),
        _of_lines(func.count()),
    )
    .where(
        _orders.c.checkout_id == bindparam("checkout_id"),
        _orders.c.status == OrderStatus.pending_payment,
    )
    .order_by(_orders.c.id)
    .with_for_update()
)
_PAID = DriverStatement(
    update(_orders)
    .where(_orders.c.id == any_(bindparam("order_ids", type_=ARRAY(Uuid))))
    .values(
        status=OrderStatus.paid,
        paid_at=bindparam("now"),
        updated_at=bindparam("now"),
        version=_orders.c.version + 1,
    )
)


class Captured(NamedTuple):
    """The payment just recorded as captured (its row locked), as far as paying needs it."""

    id: uuid.UUID
    checkout_id: uuid.UUID
    provider: str


async def pay_orders(
    session: AsyncSession, payment: Captured, now: datetime, *, cache: Cache
) -> None:
    """Move the checkout's orders awaiting `payment` (captured, locked) to paid.

    An order whose hold lapsed (its units went back on sale) expires instead, and its
    share of the charge goes back to the buyer.
    """
    paid: list[Awaiting] = []
    for row in await _AWAITING.rows(session, {"checkout_id": payment.checkout_id}):
        order = Awaiting(*row)
        transition(order.status, Action.capture, OrderActor.system)
        try:
            await inventory.consume(session, order.id, cache=cache)
        except ReservationLapsed:
            late = await session.get(Order, order.id)
            charged = await session.get(Payment, payment.id)
            assert late is not None
            assert charged is not None
            await apply(session, late, Action.expire, OrderActor.system, now, cache=cache)
            give_back(session, charged, late, now)
            continue
        paid.append(order)
    if not paid:
        return
    ids = [order.id for order in paid]
    await _PAID.rows(session, {"order_ids": ids, "now": now})
    await insert_entities(
        session,
        [
            entry
            for order in paid
            for entry in ledger.entries(
                "capture",
                order.id,
                order.currency,
                capture_legs(order, payment.provider),
                at=now,
            )
        ],
        [
            OrderEvent(
                order_id=order.id,
                type=OrderStatus.paid.value,
                actor=OrderActor.system,
                actor_id=None,
                details={},
                created_at=now,
            )
            for order in paid
        ],
        [
            new_event(
                session,
                "order.paid",
                order.id,
                actor_id=None,
                actor=OrderActor.system.value,
                order_id=str(order.id),
                buyer_id=str(order.buyer_id),
                seller_id=str(order.seller_id),
                title=order.first_title or "your order",
                item_count=order.line_count,
                total_amount=order.total_amount,
                currency=order.currency,
            )
            for order in paid
        ],
    )
