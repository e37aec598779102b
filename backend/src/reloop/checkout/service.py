"""Checkout: validate the lines, hold the stock, write one order per seller, then pay.

The steps and their transactions are those of docs/COMMERCE.md ("Transactions in
checkout"): the unit of work here reserves and writes everything the payment needs and
commits; the capture runs after it, in its own transaction, so no item row stays locked
while a card network answers. The unit of work is retried when PostgreSQL aborts it for a
deadlock or a serialization failure; a client never sees those, only `checkout_busy`
once the retries are spent.
"""

import asyncio
import random
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import structlog
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.cart.amounts import OrderAmounts, order_amounts
from reloop.cart.errors import CartOwnItem
from reloop.cart.repository import ListingLine, listing_lines
from reloop.checkout.errors import CurrencyMismatch
from reloop.checkout.schemas import CheckoutIn, CheckoutLineIn
from reloop.config import Settings
from reloop.events.service import new_event
from reloop.inventory import service as inventory
from reloop.inventory.errors import (
    CheckoutBusy,
    ItemUnavailable,
    PriceChanged,
    QuantityUnavailable,
)
from reloop.items.errors import ItemNotFound
from reloop.items.views import stock_on_hand
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.kit.money import Money
from reloop.models.base import insert_entities
from reloop.models.item import ItemStatus
from reloop.models.order import (
    Checkout,
    Order,
    OrderActor,
    OrderEvent,
    OrderItem,
    OrderStatus,
)
from reloop.models.payment import Payment, PaymentStatus
from reloop.social.errors import MemberBlocked

T = TypeVar("T")
logger = structlog.get_logger(__name__)

# Deadlock, serialization failure, and the stock CHECK (a race the code missed: a retry
# re-reads and answers with a proper 409).
_RETRYABLE = {"40P01", "40001", "23514"}
ATTEMPTS = 4


@dataclass
class Placed:
    """What the unit of work wrote, for the response."""

    checkout: Checkout
    orders: list[Order]
    items: dict[uuid.UUID, list[OrderItem]]
    listings: dict[uuid.UUID, ListingLine]
    payment: Payment


def _z(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def check_line(
    line: CheckoutLineIn, listing: ListingLine | None, buyer_id: uuid.UUID, now: datetime
) -> None:
    """Refuse a line with the error that explains it (docs/COMMERCE.md "Checkout")."""
    item_id = str(line.item_id)
    if listing is None or listing.status in (ItemStatus.draft, ItemStatus.deleted):
        raise ItemNotFound(details={"item_id": item_id})
    if listing.seller_id == buyer_id:
        raise CartOwnItem(details={"item_id": item_id})
    if listing.blocked:
        raise MemberBlocked(details={"item_id": item_id})
    if listing.status == ItemStatus.hidden or listing.seller_gone:
        raise ItemUnavailable(details={"item_id": item_id, "reason": "hidden"})
    if listing.status == ItemStatus.sold or listing.quantity - listing.sold_quantity <= 0:
        raise ItemUnavailable(details={"item_id": item_id, "reason": "sold"})
    available, reserved_until = stock_on_hand(
        listing.quantity, listing.reserved, listing.sold_quantity, listing.reserved_until, now
    )
    if available == 0:
        details: dict[str, object] = {"item_id": item_id, "reason": "reserved"}
        if reserved_until is not None:
            details["reserved_until"] = _z(reserved_until)
        raise ItemUnavailable(details=details)
    current = Money(amount=listing.price_amount, currency=listing.currency)
    if line.unit_price != current:
        raise PriceChanged(details={"item_id": item_id, "current_price": current.model_dump()})
    if line.quantity > available:
        raise QuantityUnavailable(details={"item_id": item_id, "available": available})


def check_currencies(body: CheckoutIn) -> str:
    currencies = {line.unit_price.currency for line in body.lines}
    if len(currencies) != 1:
        raise CurrencyMismatch(details={"currencies": sorted(currencies)})
    return currencies.pop()


def _by_seller(
    body: CheckoutIn, listings: dict[uuid.UUID, ListingLine]
) -> dict[uuid.UUID, list[CheckoutLineIn]]:
    """Lines per seller, sellers in the order their first line came."""
    groups: dict[uuid.UUID, list[CheckoutLineIn]] = {}
    for line in body.lines:
        groups.setdefault(listings[line.item_id].seller_id, []).append(line)
    return groups


async def place(
    session: AsyncSession,
    settings: Settings,
    buyer_id: uuid.UUID,
    body: CheckoutIn,
    payment_method_ref: str,
    *,
    cache: Cache,
) -> Placed:
    """The unit of work: checkout, orders, lines, timeline, holds, payment and events."""
    now = datetime.now(UTC)
    currency = check_currencies(body)
    listings = await listing_lines(session, buyer_id, [line.item_id for line in body.lines])
    for line in body.lines:
        check_line(line, listings.get(line.item_id), buyer_id, now)
    reserved_until = now + timedelta(minutes=settings.reservation_minutes)
    address = body.shipping_address.model_dump(mode="json")
    groups = _by_seller(body, listings)
    amounts: dict[uuid.UUID, OrderAmounts] = {
        seller_id: order_amounts(
            sum(line.unit_price.amount * line.quantity for line in lines),
            fee_fixed=settings.buyer_fee_fixed,
            fee_percent=settings.buyer_fee_percent,
            shipping=settings.shipping_flat,
        )
        for seller_id, lines in groups.items()
    }
    checkout = Checkout(
        id=new_id(),
        buyer_id=buyer_id,
        currency=currency,
        items_total=sum(a.items for a in amounts.values()),
        shipping_total=sum(a.shipping for a in amounts.values()),
        fee_total=sum(a.fee for a in amounts.values()),
        total=sum(a.total for a in amounts.values()),
        shipping_address=address,
        reserved_until=reserved_until,
        created_at=now,
    )
    orders, order_items, requests = [], {}, []
    for seller_id, lines in groups.items():
        amount = amounts[seller_id]
        order = Order(
            id=new_id(),
            checkout_id=checkout.id,
            buyer_id=buyer_id,
            seller_id=seller_id,
            status=OrderStatus.pending_payment,
            currency=currency,
            items_amount=amount.items,
            shipping_amount=amount.shipping,
            fee_amount=amount.fee,
            total_amount=amount.total,
            shipping_address=address,
            reserved_until=reserved_until,
            version=1,
            created_at=now,
            updated_at=now,
        )
        orders.append(order)
        order_items[order.id] = [
            OrderItem(
                order_id=order.id,
                item_id=line.item_id,
                quantity=line.quantity,
                unit_price_amount=line.unit_price.amount,
                title=listings[line.item_id].title,
                cover_image_id=cover.id if (cover := listings[line.item_id].cover) else None,
            )
            for line in lines
        ]
        requests += [
            inventory.StockRequest(
                item_id=line.item_id,
                order_id=order.id,
                quantity=line.quantity,
                unit_price_amount=line.unit_price.amount,
                currency=currency,
            )
            for line in lines
        ]
    # Written by table, in the order of their foreign keys, before the stock is locked:
    # the order items' key-share locks on the item rows come first, as
    # `StockRepository.lock` expects.
    await insert_entities(
        session,
        [checkout],
        orders,
        [item for items in order_items.values() for item in items],
        [
            OrderEvent(
                order_id=order.id,
                type=OrderStatus.pending_payment.value,
                actor=OrderActor.buyer,
                actor_id=buyer_id,
                details={"checkout_id": str(checkout.id)},
                created_at=now,
            )
            for order in orders
        ],
    )
    payment = Payment(
        id=new_id(),
        checkout_id=checkout.id,
        buyer_id=buyer_id,
        provider=settings.payment_provider,
        payment_method_ref=payment_method_ref,
        status=PaymentStatus.pending,
        amount=checkout.total,
        refunded_amount=0,
        currency=currency,
        # The request captures it as soon as this commits: that first attempt is counted
        # here rather than in a transaction of its own (`capture_counted`).
        attempts=1,
        created_at=now,
        updated_at=now,
    )
    placed_events = [
        new_event(
            session,
            "order.placed",
            order.id,
            actor_id=buyer_id,
            order_id=str(order.id),
            buyer_id=str(buyer_id),
            seller_id=str(order.seller_id),
            title=order_items[order.id][0].title,
            item_count=len(order_items[order.id]),
            total_amount=order.total_amount,
            currency=currency,
        )
        for order in orders
    ]
    # The payment and the events go with the reservations, in their statement.
    await inventory.reserve(
        session,
        requests,
        buyer_id=buyer_id,
        expires_at=reserved_until,
        mode=settings.stock_locking,
        cache=cache,
        along=[[payment], placed_events],
    )
    return Placed(checkout, orders, order_items, listings, payment)


def _sqlstate(exc: DBAPIError) -> str | None:
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code if isinstance(code, str) else None


async def with_retries(work: Callable[[], Awaitable[T]], *, attempts: int = ATTEMPTS) -> T:
    """Run `work()` (a whole transaction), again after a deadlock or serialization failure.

    Exhausted retries, or no pooled connection in time, answer `checkout_busy` (409 with
    Retry-After): the buyer may simply try again; a 500 would say something broke.
    """
    for attempt in range(attempts):
        try:
            return await work()
        except DBAPIError as exc:
            code = _sqlstate(exc)
            if code not in _RETRYABLE:
                raise
            logger.info("checkout.retry", sqlstate=code, attempt=attempt)
            ceiling = min(0.2, 0.01 * 2**attempt)
            await asyncio.sleep(random.uniform(0, ceiling))  # noqa: S311 (not a secret)
        except PoolTimeout:
            logger.warning("checkout.pool_exhausted")
            break
    raise CheckoutBusy()


async def place_with_retries(
    database: Database,
    settings: Settings,
    buyer_id: uuid.UUID,
    body: CheckoutIn,
    payment_method_ref: str,
    *,
    cache: Cache,
) -> Placed:
    async def attempt() -> Placed:
        async with database.transaction() as session:
            return await place(session, settings, buyer_id, body, payment_method_ref, cache=cache)

    return await with_retries(attempt)


def bought_items(placed: Placed) -> Sequence[uuid.UUID]:
    return [item.item_id for items in placed.items.values() for item in items]
