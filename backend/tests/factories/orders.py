"""Orders written straight to the database, as a checkout would leave them.

Checkout's own tests go through `POST /checkout`; these build the scenery for the order
lifecycle: a checkout, its order and lines, held stock and a `pending` payment.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from reloop.kit.db import Database
from reloop.models.inventory import Reservation
from reloop.models.item import Item
from reloop.models.order import Checkout, Order, OrderActor, OrderEvent, OrderItem
from reloop.models.payment import Payment

SHIPPING = 399
ADDRESS = {
    "name": "Ben Martin",
    "line1": "3 rue des Lilas",
    "line2": None,
    "postal_code": "69001",
    "city": "Lyon",
    "country_code": "FR",
}


def fee_for(items_amount: int) -> int:
    return 70 + items_amount * 5 // 100


@dataclass(frozen=True)
class Placed:
    checkout_id: uuid.UUID
    order_ids: list[uuid.UUID]
    payment_id: uuid.UUID
    total: int

    @property
    def order_id(self) -> uuid.UUID:
        return self.order_ids[0]


async def place(
    database: Database,
    buyer_id: uuid.UUID,
    items: list[tuple[uuid.UUID, int]],
    *,
    card: str = "sim_4242",
    provider: str = "simulated",
    now: datetime | None = None,
    hold: timedelta = timedelta(minutes=15),
) -> Placed:
    """A checkout of `(item_id, quantity)` pairs: one order per seller, stock held."""
    moment = now or datetime.now(UTC)
    until = moment + hold
    async with database.transaction() as session:
        rows = (await session.scalars(select(Item).where(Item.id.in_([i for i, _ in items])))).all()
        by_id = {item.id: item for item in rows}
        by_seller: dict[uuid.UUID, list[tuple[Item, int]]] = {}
        for item_id, quantity in items:
            item = by_id[item_id]
            by_seller.setdefault(item.seller_id, []).append((item, quantity))
        orders: list[Order] = []
        for seller_id, lines in by_seller.items():
            items_amount = sum(item.price_amount * q for item, q in lines)
            fee = fee_for(items_amount)
            orders.append(
                Order(
                    buyer_id=buyer_id,
                    seller_id=seller_id,
                    currency="EUR",
                    items_amount=items_amount,
                    shipping_amount=SHIPPING,
                    fee_amount=fee,
                    total_amount=items_amount + SHIPPING + fee,
                    shipping_address=ADDRESS,
                    reserved_until=until,
                    created_at=moment,
                    updated_at=moment,
                )
            )
        checkout = Checkout(
            buyer_id=buyer_id,
            currency="EUR",
            items_total=sum(o.items_amount for o in orders),
            shipping_total=sum(o.shipping_amount for o in orders),
            fee_total=sum(o.fee_amount for o in orders),
            total=sum(o.total_amount for o in orders),
            shipping_address=ADDRESS,
            reserved_until=until,
            created_at=moment,
        )
        session.add(checkout)
        await session.flush()
        for order in orders:
            order.checkout_id = checkout.id
        session.add_all(orders)
        await session.flush()
        for order, lines in zip(orders, by_seller.values(), strict=True):
            for item, quantity in lines:
                session.add(
                    OrderItem(
                        order_id=order.id,
                        item_id=item.id,
                        quantity=quantity,
                        unit_price_amount=item.price_amount,
                        title=item.title,
                    )
                )
                session.add(
                    Reservation(
                        item_id=item.id,
                        order_id=order.id,
                        buyer_id=buyer_id,
                        quantity=quantity,
                        expires_at=until,
                    )
                )
                await session.execute(
                    update(Item)
                    .where(Item.id == item.id)
                    .values(reserved=Item.reserved + quantity, reserved_until=until)
                )
            session.add(
                OrderEvent(
                    order_id=order.id,
                    type="pending_payment",
                    actor=OrderActor.buyer,
                    actor_id=buyer_id,
                    created_at=moment,
                )
            )
        payment = Payment(
            checkout_id=checkout.id,
            buyer_id=buyer_id,
            provider=provider,
            payment_method_ref=card,
            amount=checkout.total,
            refunded_amount=0,
            currency="EUR",
            attempts=0,
            created_at=moment,
            updated_at=moment,
        )
        session.add(payment)
    return Placed(checkout.id, [o.id for o in orders], payment.id, checkout.total)


async def set_stock(database: Database, item_id: uuid.UUID, quantity: int) -> None:
    async with database.transaction() as session:
        await session.execute(update(Item).where(Item.id == item_id).values(quantity=quantity))
