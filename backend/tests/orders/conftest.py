"""A seller with listings, a buyer, and helpers to move an order along with a moved clock."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from httpx import AsyncClient
from sqlalchemy import select, update

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.order import Order
from reloop.models.payment import Payment
from reloop.orders.capture import capture_payment
from tests.factories.items import Choices, choices
from tests.factories.orders import Placed, place, set_stock
from tests.factories.social import insert_items
from tests.factories.users import Member, bearer_headers, make_member


@dataclass
class SignedIn:
    member: Member
    headers: dict[str, str]

    @property
    def id(self) -> uuid.UUID:
        return self.member.user.id


async def signed_in(client: AsyncClient, database: Database, username: str) -> SignedIn:
    member = await make_member(database, username=username)
    return SignedIn(member, await bearer_headers(client, member))


@pytest.fixture
async def choice(database: Database) -> Choices:
    return await choices(database)


@pytest.fixture
async def seller(client: AsyncClient, database: Database) -> SignedIn:
    return await signed_in(client, database, "sophie")


@pytest.fixture
async def buyer(client: AsyncClient, database: Database) -> SignedIn:
    return await signed_in(client, database, "ben")


@pytest.fixture
async def stranger(client: AsyncClient, database: Database) -> SignedIn:
    return await signed_in(client, database, "sam")


@pytest.fixture
async def item(database: Database, choice: Choices, seller: SignedIn) -> uuid.UUID:
    """A listing of three units at 10.00 EUR."""
    item_id = (await insert_items(database, choice, seller.id, 1, title="Wool coat"))[0]
    await set_stock(database, item_id, 3)
    return item_id


@pytest.fixture
async def placed(database: Database, buyer: SignedIn, item: uuid.UUID) -> Placed:
    """An unpaid order of one unit, card 4242, stock held for 15 minutes."""
    return await place(database, buyer.id, [(item, 1)])


@pytest.fixture
async def paid(database: Database, settings: Settings, placed: Placed, cache: Cache) -> Placed:
    outcome = await capture_payment(database, placed.payment_id, settings=settings, cache=cache)
    assert outcome.status.value == "succeeded"
    return placed


async def order_row(database: Database, order_id: uuid.UUID) -> Order:
    async with database.sessionmaker() as session:
        order = await session.scalar(select(Order).where(Order.id == order_id))
        assert order is not None
        return order


async def payment_row(database: Database, payment_id: uuid.UUID) -> Payment:
    async with database.sessionmaker() as session:
        payment = await session.get(Payment, payment_id)
        assert payment is not None
        return payment


def utcnow() -> datetime:
    return datetime.now(UTC)


async def lapse_reservation(database: Database, order_id: uuid.UUID) -> None:
    """Move the order's reservation a second into the past, as if its window ran out."""
    async with database.transaction() as session:
        await session.execute(
            update(Order)
            .where(Order.id == order_id)
            .values(reserved_until=utcnow() - timedelta(seconds=1))
        )
