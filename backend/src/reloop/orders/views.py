"""Rendering orders for their buyer or seller: lines, timeline, deadlines and actions."""

import uuid
from datetime import datetime, timedelta

from reloop.config import Settings
from reloop.items.schemas import SellerCard
from reloop.kit.money import Money
from reloop.kit.storage import Storage
from reloop.media.service import image_out
from reloop.models.media import Image
from reloop.models.order import Order, OrderActor, OrderEvent, OrderItem, OrderStatus
from reloop.models.payment import Payment, PaymentStatus
from reloop.models.review import Review
from reloop.orders.repository import Person
from reloop.orders.schemas import (
    OrderAction,
    OrderAmounts,
    OrderDeadlines,
    OrderDetail,
    OrderLine,
    OrderSummary,
    PaymentFailure,
    PaymentOut,
    ReviewOut,
    ShippingAddress,
)
from reloop.orders.schemas import (
    OrderEvent as OrderEventOut,
)
from reloop.orders.state import Action, allowed

IN_FLIGHT = frozenset({PaymentStatus.pending, PaymentStatus.processing})


def person_card(person: Person, storage: Storage) -> SellerCard:
    user = person.user
    return SellerCard(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        avatar=image_out(person.avatar, storage) if person.avatar else None,
    )


def _money(amount: int, currency: str) -> Money:
    return Money.model_construct(amount=amount, currency=currency)


def lines_out(
    order: Order, lines: list[tuple[OrderItem, Image | None]], storage: Storage
) -> list[OrderLine]:
    return [
        OrderLine(
            item_id=item.item_id,
            title=item.title,
            quantity=item.quantity,
            unit_price=_money(item.unit_price_amount, order.currency),
            cover=image_out(cover, storage) if cover else None,
        )
        for item, cover in lines
    ]


def role_of(order: Order, viewer_id: object) -> OrderActor:
    return OrderActor.buyer if order.buyer_id == viewer_id else OrderActor.seller


def summary_out(
    order: Order, role: OrderActor, counterpart: SellerCard, lines: list[OrderLine]
) -> OrderSummary:
    return OrderSummary(
        id=order.id,
        status=order.status,
        role="buyer" if role is OrderActor.buyer else "seller",
        counterpart=counterpart,
        items=lines,
        total=_money(order.total_amount, order.currency),
        created_at=order.created_at,
        reserved_until=order.reserved_until
        if order.status is OrderStatus.pending_payment
        else None,
    )


def dispute_open(order: Order, settings: Settings, now: datetime) -> bool:
    """Buyers may dispute while shipped, and for a while after confirming delivery."""
    if order.status is OrderStatus.shipped:
        return True
    return (
        order.status is OrderStatus.delivered
        and order.delivered_at is not None
        and now <= order.delivered_at + timedelta(days=settings.dispute_window_days)
    )


def can_pay(order: Order, payment: Payment | None, now: datetime) -> bool:
    return (
        order.status is OrderStatus.pending_payment
        and now < order.reserved_until
        and (payment is None or payment.status is PaymentStatus.failed)
    )


def actions_for(
    order: Order,
    role: OrderActor,
    payment: Payment | None,
    review: Review | None,
    settings: Settings,
    now: datetime,
) -> list[OrderAction]:
    """What this viewer may do now: exactly the moves the endpoints would accept."""
    actions: list[OrderAction] = []
    if role is OrderActor.buyer and can_pay(order, payment, now):
        actions.append("pay")
    in_flight = payment is not None and payment.status in IN_FLIGHT
    if allowed(order.status, Action.cancel, role) and not (
        order.status is OrderStatus.pending_payment and in_flight
    ):
        actions.append("cancel")
    for action, name in ((Action.ship, "ship"), (Action.deliver, "deliver")):
        if allowed(order.status, action, role):
            actions.append(name)  # type: ignore[arg-type]
    if allowed(order.status, Action.complete, role):
        actions.append("complete")
    if allowed(order.status, Action.dispute, role) and dispute_open(order, settings, now):
        actions.append("dispute")
    if order.status is OrderStatus.completed:
        if role is OrderActor.buyer and review is None:
            actions.append("review")
        if role is OrderActor.seller and review is not None and review.reply is None:
            actions.append("reply")
    return actions


def deadlines_of(order: Order, settings: Settings) -> OrderDeadlines:
    if order.status is OrderStatus.pending_payment:
        return OrderDeadlines(pay_by=order.reserved_until)
    if order.status is OrderStatus.paid and order.paid_at:
        return OrderDeadlines(ship_by=order.paid_at + timedelta(days=settings.ship_within_days))
    if order.status is OrderStatus.delivered and order.delivered_at:
        return OrderDeadlines(
            dispute_until=order.delivered_at + timedelta(days=settings.dispute_window_days),
            complete_at=order.delivered_at + timedelta(days=settings.complete_after_days),
        )
    return OrderDeadlines()


def payment_out(payment: Payment) -> PaymentOut:
    failure = (
        PaymentFailure(code=payment.failure_code, message=payment.failure_message or "")
        if payment.failure_code
        else None
    )
    return PaymentOut(
        id=payment.id,
        status=payment.status,
        amount=_money(payment.amount, payment.currency),
        failure=failure,
    )


def review_out(review: Review, buyer: SellerCard | None) -> ReviewOut:
    return ReviewOut(
        id=review.id,
        order_id=review.order_id,
        rating=review.rating,
        text=review.text,
        reply=review.reply,
        replied_at=review.replied_at,
        created_at=review.created_at,
        buyer=buyer,
    )


def detail_out(
    order: Order,
    role: OrderActor,
    people: dict[uuid.UUID, Person],
    lines: list[OrderLine],
    timeline: list[OrderEvent],
    payment: Payment | None,
    review: Review | None,
    settings: Settings,
    storage: Storage,
    now: datetime,
) -> OrderDetail:
    buyer = person_card(people[order.buyer_id], storage)
    seller = person_card(people[order.seller_id], storage)
    # The seller learns where to send it only once it is paid for.
    show_address = role is OrderActor.buyer or order.paid_at is not None
    base = summary_out(order, role, seller if role is OrderActor.buyer else buyer, lines)
    return OrderDetail(
        **base.model_dump(exclude={"counterpart", "items"}),
        counterpart=base.counterpart,
        items=base.items,
        buyer=buyer,
        seller=seller,
        amounts=OrderAmounts(
            items=_money(order.items_amount, order.currency),
            shipping=_money(order.shipping_amount, order.currency),
            fee=_money(order.fee_amount, order.currency),
            total=_money(order.total_amount, order.currency),
        ),
        shipping_address=ShippingAddress.model_validate(
            {k: v for k, v in order.shipping_address.items() if k in ShippingAddress.model_fields}
        )
        if show_address
        else None,
        carrier=order.carrier,
        tracking_number=order.tracking_number,
        timeline=[
            OrderEventOut(type=e.type, actor=e.actor, created_at=e.created_at, details=e.details)
            for e in timeline
        ],
        actions=actions_for(order, role, payment, review, settings, now),
        payment=payment_out(payment) if payment else None,
        review=review_out(review, buyer if review.buyer_id else None) if review else None,
        deadlines=deadlines_of(order, settings),
    )
