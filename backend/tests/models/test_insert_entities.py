"""`insert_entities`: groups of new rows written parents first, in one statement."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select

from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.models.base import insert_entities
from reloop.models.order import Checkout, Order, OrderActor, OrderEvent, OrderStatus
from tests.factories.users import make_member

ADDRESS = {"name": "Ben", "line1": "1 Rue", "postal_code": "75001", "city": "Paris"}


async def _checkout_and_orders(database: Database, orders: int) -> tuple[Checkout, list[Order]]:
    buyer, seller = await make_member(database), await make_member(database)
    now = datetime.now(UTC)
    checkout = Checkout(
        id=new_id(),
        buyer_id=buyer.user.id,
        currency="EUR",
        items_total=1000 * orders,
        shipping_total=0,
        fee_total=0,
        total=1000 * orders,
        shipping_address=ADDRESS,
        reserved_until=now + timedelta(minutes=15),
        created_at=now,
    )
    return checkout, [
        Order(
            id=new_id(),
            checkout_id=checkout.id,
            buyer_id=buyer.user.id,
            seller_id=seller.user.id,
            status=OrderStatus.pending_payment,
            currency="EUR",
            items_amount=1000,
            shipping_amount=0,
            fee_amount=0,
            total_amount=1000,
            shipping_address=ADDRESS,
            reserved_until=checkout.reserved_until,
            version=1,
        )
        for _ in range(orders)
    ]


def _timeline(orders: list[Order]) -> list[OrderEvent]:
    return [
        OrderEvent(
            order_id=order.id,
            type="pending_payment",
            actor=OrderActor.buyer,
            actor_id=order.buyer_id,
            details={},
            created_at=datetime.now(UTC),
        )
        for order in orders
    ]


async def test_parents_and_their_children_are_written_in_one_statement(
    database: Database,
) -> None:
    checkout, orders = await _checkout_and_orders(database, 2)
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", record)
    try:
        async with database.transaction() as session:
            await insert_entities(session, [checkout], orders, _timeline(orders))
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", record)

    async with database.sessionmaker() as session:
        written = await session.scalar(
            select(func.count())
            .select_from(OrderEvent)
            .where(OrderEvent.order_id.in_([order.id for order in orders]))
        )
        order_count = await session.scalar(
            select(func.count()).select_from(Order).where(Order.checkout_id == checkout.id)
        )
    assert (order_count, written) == (2, 2)
    assert len(statements) == 1


async def test_a_column_whose_default_python_computes_must_be_set(database: Database) -> None:
    checkout, [order] = await _checkout_and_orders(database, 1)
    del order.version  # `version` defaults to 1 in Python, which the driver would not send

    with pytest.raises(ValueError, match="version"):
        async with database.transaction() as session:
            await insert_entities(session, [checkout], [order])
