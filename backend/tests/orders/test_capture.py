"""Capturing a checkout's payment with each test card, and recording it once."""

import asyncio
import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select, update

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.event import Event
from reloop.models.inventory import Reservation, ReservationState
from reloop.models.item import Item
from reloop.models.order import OrderEvent, OrderStatus
from reloop.models.payment import Payment, PaymentStatus, SimulatedCharge
from reloop.orders.capture import capture_payment, record_capture
from reloop.payments.providers import CaptureResult
from tests.factories.items import Choices
from tests.factories.orders import Placed, place
from tests.factories.social import insert_items
from tests.orders.conftest import SignedIn, order_row, payment_row


async def _charges(database: Database) -> int:
    async with database.sessionmaker() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(SimulatedCharge)
            .where(SimulatedCharge.status != "refund")
        )
        return count or 0


async def test_a_good_card_pays_the_order_and_sells_the_held_unit(
    database: Database, settings: Settings, placed: Placed, item: uuid.UUID, cache: Cache
) -> None:
    outcome = await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    assert outcome.status is PaymentStatus.succeeded
    order = await order_row(database, placed.order_id)
    assert order.status is OrderStatus.paid
    assert order.paid_at is not None
    async with database.sessionmaker() as session:
        stock = await session.get(Item, item)
        assert stock is not None
        assert (stock.reserved, stock.sold_quantity) == (0, 1)
        states = await session.scalars(
            select(Reservation.state).where(Reservation.order_id == placed.order_id)
        )
        assert list(states) == [ReservationState.consumed]
        types = await session.scalars(
            select(OrderEvent.type).where(OrderEvent.order_id == placed.order_id)
        )
        assert list(types) == ["pending_payment", "paid"]


async def test_a_paid_orders_event_names_its_first_title_and_counts_its_lines(
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
    choice: Choices,
    cache: Cache,
) -> None:
    other = (await insert_items(database, choice, seller.id, 1, title="Alpaca scarf"))[0]
    placed = await place(database, buyer.id, [(item, 1), (other, 1)])

    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    async with database.sessionmaker() as session:
        paid = await session.scalar(
            select(Event).where(Event.type == "order.paid", Event.aggregate_id == placed.order_id)
        )
    assert paid is not None
    assert paid.payload == {
        "actor": "system",
        "order_id": str(placed.order_id),
        "buyer_id": str(buyer.id),
        "seller_id": str(seller.id),
        "title": "Alpaca scarf 0",  # the first by name (the factory numbers titles)
        "item_count": 2,
        "total_amount": (await order_row(database, placed.order_id)).total_amount,
        "currency": "EUR",
    }
    order = await order_row(database, placed.order_id)
    assert (order.status, order.version) == (OrderStatus.paid, 2)


async def test_a_declined_card_fails_the_payment_and_keeps_the_order_waiting(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0002")

    outcome = await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    assert (outcome.status, outcome.failure_code) == (PaymentStatus.failed, "card_declined")
    assert (await order_row(database, placed.order_id)).status is OrderStatus.pending_payment


async def test_insufficient_funds_is_told_apart_from_a_plain_decline(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_9995")

    outcome = await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    assert outcome.failure_code == "insufficient_funds"


async def test_a_lost_answer_leaves_the_payment_processing_and_the_retry_finds_the_charge(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0119")

    first = await capture_payment(database, placed.payment_id, settings=settings, cache=cache)
    second = await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    assert first.status is PaymentStatus.processing
    assert second.status is PaymentStatus.succeeded
    assert await _charges(database) == 1
    assert (await payment_row(database, placed.payment_id)).attempts == 2


async def test_a_slow_answer_times_out_and_the_retry_finds_the_charge(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    fast = settings.model_copy(update={"payment_timeout_s": 0.2})
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0259")

    first = await capture_payment(database, placed.payment_id, settings=fast, cache=cache)
    second = await capture_payment(database, placed.payment_id, settings=fast, cache=cache)

    assert first.status is PaymentStatus.processing
    assert second.status is PaymentStatus.succeeded
    assert await _charges(database) == 1


async def test_concurrent_captures_of_one_payment_charge_and_record_it_once(
    database: Database, settings: Settings, placed: Placed, cache: Cache
) -> None:
    outcomes = await asyncio.gather(
        *(
            capture_payment(database, placed.payment_id, settings=settings, cache=cache)
            for _ in range(4)
        )
    )

    assert {o.status for o in outcomes} == {PaymentStatus.succeeded}
    assert await _charges(database) == 1
    async with database.sessionmaker() as session:
        paid_events = await session.scalar(
            select(func.count())
            .select_from(OrderEvent)
            .where(OrderEvent.order_id == placed.order_id, OrderEvent.type == "paid")
        )
    assert paid_events == 1


async def test_capturing_a_final_payment_again_changes_nothing(
    database: Database, settings: Settings, paid: Placed, cache: Cache
) -> None:
    again = await capture_payment(database, paid.payment_id, settings=settings, cache=cache)

    assert again.status is PaymentStatus.succeeded
    assert (await payment_row(database, paid.payment_id)).attempts == 1


async def test_a_late_decline_of_a_paid_payment_is_left_unrecorded(
    database: Database, settings: Settings, paid: Placed, cache: Cache
) -> None:
    late = CaptureResult("declined", None, "card_declined", "Your card was declined.")

    async with database.transaction() as session:
        outcome = await record_capture(
            session, settings, paid.payment_id, late, datetime.now(UTC), cache=cache
        )

    assert (outcome.status, outcome.failure_code) == (PaymentStatus.succeeded, None)
    assert (await order_row(database, paid.order_id)).status is OrderStatus.paid


async def test_an_answer_without_a_provider_reference_keeps_the_one_stored(
    database: Database, settings: Settings, placed: Placed, cache: Cache
) -> None:
    async with database.transaction() as session:
        await session.execute(
            update(Payment).where(Payment.id == placed.payment_id).values(provider_ref="pi_1")
        )
    declined = CaptureResult("declined", None, "card_declined", "Your card was declined.")

    async with database.transaction() as session:
        outcome = await record_capture(
            session, settings, placed.payment_id, declined, datetime.now(UTC), cache=cache
        )

    assert (outcome.status, outcome.failure_code) == (PaymentStatus.failed, "card_declined")
    payment = await payment_row(database, placed.payment_id)
    assert (payment.status, payment.provider_ref) == (PaymentStatus.failed, "pi_1")


async def test_out_of_attempts_the_payment_fails_and_the_order_expires_with_its_stock(
    database: Database, settings: Settings, buyer: SignedIn, item: uuid.UUID, cache: Cache
) -> None:
    once = settings.model_copy(update={"payment_max_attempts": 1, "payment_timeout_s": 0.2})
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0259")

    outcome = await capture_payment(database, placed.payment_id, settings=once, cache=cache)

    assert (outcome.status, outcome.failure_code) == (PaymentStatus.failed, "provider_unavailable")
    assert (await order_row(database, placed.order_id)).status is OrderStatus.expired
    async with database.sessionmaker() as session:
        stock = await session.get(Item, item)
        assert stock is not None
        assert (stock.reserved, stock.sold_quantity) == (0, 0)


async def test_one_checkout_pays_every_order_of_it(
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    item: uuid.UUID,
    stranger: SignedIn,
    choice: Choices,
    cache: Cache,
) -> None:
    other = (await insert_items(database, choice, stranger.id, 1))[0]
    placed = await place(database, buyer.id, [(item, 1), (other, 1)])

    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    assert len(placed.order_ids) == 2
    for order_id in placed.order_ids:
        assert (await order_row(database, order_id)).status is OrderStatus.paid
