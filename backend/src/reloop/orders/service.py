"""Order reads and the moves buyers and sellers make, each on the locked order row."""

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.storage import Storage
from reloop.models.order import Order, OrderActor, OrderStatus
from reloop.models.user import User
from reloop.orders.errors import OrderNotFound, PaymentInProgress, TransitionNotAllowed
from reloop.orders.moves import apply, payment_of
from reloop.orders.repository import OrderRepository
from reloop.orders.schemas import OrderDetail
from reloop.orders.state import Action, TransitionRefused, allowed
from reloop.orders.views import IN_FLIGHT, detail_out, dispute_open, lines_out, role_of


async def expire_if_lapsed(
    session: AsyncSession, order: Order, now: datetime, *, cache: Cache
) -> bool:
    """Expire a locked unpaid order past its reservation (unless a capture is in flight)."""
    if order.status is not OrderStatus.pending_payment or now < order.reserved_until:
        return False
    payment = await payment_of(session, order.checkout_id)
    if payment is not None and payment.status in IN_FLIGHT:
        return False
    await apply(session, order, Action.expire, OrderActor.system, now, cache=cache)
    return True


async def order_detail(
    session: AsyncSession,
    settings: Settings,
    storage: Storage,
    viewer_id: uuid.UUID,
    order: Order,
    now: datetime,
) -> OrderDetail:
    """The full view of `order` for its buyer or seller."""
    repo = OrderRepository(session)
    role = role_of(order, viewer_id)
    people = await repo.people([order.buyer_id, order.seller_id])
    lines = (await repo.lines([order.id])).get(order.id, [])
    return detail_out(
        order,
        role,
        people,
        lines_out(order, lines, storage),
        await repo.timeline(order.id),
        await payment_of(session, order.checkout_id),
        await repo.review(order.id),
        settings,
        storage,
        now,
    )


async def get_order(
    session: AsyncSession,
    database: Database,
    settings: Settings,
    storage: Storage,
    viewer: User,
    order_id: uuid.UUID,
    now: datetime,
    *,
    cache: Cache,
) -> OrderDetail:
    """An order its buyer or seller may see (404 for anyone else); expires it if lapsed.

    `session` may be a read session, which cannot write: the expiry (a lock, the stock
    released, the timeline) is its own unit of work, after which the order is read again.
    """
    repo = OrderRepository(session)
    order = await repo.for_viewer(order_id, viewer.id)
    if order is None:
        raise OrderNotFound()
    if order.status is OrderStatus.pending_payment and now >= order.reserved_until:
        async with database.transaction() as unit:
            locked = await OrderRepository(unit).for_viewer(order_id, viewer.id, lock=True)
            assert locked is not None
            await expire_if_lapsed(unit, locked, now, cache=cache)
        await session.refresh(order)
    return await order_detail(session, settings, storage, viewer.id, order, now)


def _refused(order: Order, action: str, *, expired: bool = False) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        details={"status": order.status.value, "action": action}, keep_changes=expired
    )


async def act(
    session: AsyncSession,
    settings: Settings,
    viewer: User,
    order_id: uuid.UUID,
    action: Action,
    now: datetime,
    *,
    cache: Cache,
    reason: str | None = None,
    carrier: str | None = None,
    tracking_number: str | None = None,
) -> Order:
    """Make `action` on the order as its buyer or seller (409 when not allowed now)."""
    order = await OrderRepository(session).for_viewer(order_id, viewer.id, lock=True)
    if order is None:
        raise OrderNotFound()
    if await expire_if_lapsed(session, order, now, cache=cache):
        raise _refused(order, action.value, expired=True)
    role = role_of(order, viewer.id)
    if not allowed(order.status, action, role) or (
        action is Action.dispute and not dispute_open(order, settings, now)
    ):
        raise _refused(order, action.value)
    if action is Action.cancel and order.status is OrderStatus.pending_payment:
        payment = await payment_of(session, order.checkout_id)
        if payment is not None and payment.status in IN_FLIGHT:
            raise PaymentInProgress()
    details: dict[str, str] = {}
    if reason:
        details["reason"] = reason
    if action is Action.ship:
        details.update(carrier=carrier or "", tracking_number=tracking_number or "")
    try:
        await apply(
            session, order, action, role, now, cache=cache, actor_id=viewer.id, details=details
        )
    except TransitionRefused:
        raise _refused(order, action.value) from None
    if action is Action.ship:
        order.carrier, order.tracking_number = carrier, tracking_number
    if action is Action.dispute:
        order.dispute_reason = reason
    await session.flush()
    return order
