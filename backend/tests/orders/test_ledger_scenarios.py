"""After every scenario the books balance and a seller's balances match their orders."""

import uuid

from httpx import AsyncClient
from sqlalchemy import text

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.ledger import service as ledger
from reloop.orders.capture import capture_payment
from tests.factories.orders import Placed, place
from tests.orders.conftest import SignedIn

SHIP = {"carrier": "DHL", "tracking_number": "JD1"}


async def _books_balance(database: Database) -> None:
    async with database.sessionmaker() as session:
        unbalanced = await session.scalar(
            text(
                "SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries "
                "GROUP BY transaction_id, currency HAVING sum(amount) <> 0) t"
            )
        )
        total = await session.scalar(text("SELECT coalesce(sum(amount), 0) FROM ledger_entries"))
    assert (unbalanced, total) == (0, 0)


async def _seller(database: Database, seller_id: uuid.UUID) -> tuple[int, int]:
    async with database.sessionmaker() as session:
        totals = await ledger.balances(
            session, [ledger.seller_pending(seller_id), ledger.seller_available(seller_id)]
        )
    return (
        -totals.get((ledger.seller_pending(seller_id), "EUR"), 0),
        -totals.get((ledger.seller_available(seller_id), "EUR"), 0),
    )


async def test_a_capture_owes_the_seller_items_and_shipping_and_keeps_the_fee(
    database: Database, seller: SignedIn, paid: Placed
) -> None:
    await _books_balance(database)
    assert await _seller(database, seller.id) == (1000 + 399, 0)
    async with database.sessionmaker() as session:
        fees = await ledger.balances(session, [ledger.PLATFORM_FEES])
    assert fees == {(ledger.PLATFORM_FEES, "EUR"): -(70 + 50)}


async def test_completion_moves_the_sellers_money_from_pending_to_available(
    client: AsyncClient, database: Database, seller: SignedIn, buyer: SignedIn, paid: Placed
) -> None:
    await client.post(f"/api/v1/orders/{paid.order_id}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"/api/v1/orders/{paid.order_id}/deliver", headers=buyer.headers)
    await client.post(f"/api/v1/orders/{paid.order_id}/complete", headers=buyer.headers)

    await _books_balance(database)
    assert await _seller(database, seller.id) == (0, 1399)


async def test_a_refund_reverses_the_capture_entirely(
    client: AsyncClient, database: Database, seller: SignedIn, paid: Placed
) -> None:
    await client.post(f"/api/v1/orders/{paid.order_id}/cancel", headers=seller.headers)

    await _books_balance(database)
    assert await _seller(database, seller.id) == (0, 0)
    async with database.sessionmaker() as session:
        held = await ledger.balances(session, ["psp:simulated", ledger.PLATFORM_FEES])
    assert held == {("psp:simulated", "EUR"): 0, (ledger.PLATFORM_FEES, "EUR"): 0}


async def test_declines_and_expiries_post_nothing(
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0002")
    await capture_payment(database, placed.payment_id, settings=settings, cache=cache)

    async with database.sessionmaker() as session:
        assert await session.scalar(text("SELECT count(*) FROM ledger_entries")) == 0
    assert await _seller(database, seller.id) == (0, 0)


async def test_a_mix_of_orders_leaves_the_seller_with_what_their_orders_say(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    buyer: SignedIn,
    seller: SignedIn,
    item: uuid.UUID,
    cache: Cache,
) -> None:
    orders = [await place(database, buyer.id, [(item, 1)]) for _ in range(3)]
    for placed in orders:
        await capture_payment(database, placed.payment_id, settings=settings, cache=cache)
    done, refunded, _waiting = (p.order_id for p in orders)
    await client.post(f"/api/v1/orders/{done}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"/api/v1/orders/{done}/deliver", headers=buyer.headers)
    await client.post(f"/api/v1/orders/{done}/complete", headers=buyer.headers)
    await client.post(f"/api/v1/orders/{refunded}/cancel", headers=seller.headers)

    await _books_balance(database)
    assert await _seller(database, seller.id) == (1399, 1399)
