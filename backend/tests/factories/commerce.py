"""Buyers, stock and the checks every commerce scenario ends with.

Hundreds of buyers through sign-up and sign-in would spend most of a test in Argon2; these
buyers share one password hash and get their sessions from the same `SessionIssuer` that
sign-in uses, so the API authenticates them exactly as it would any member.
"""

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text

from reloop.auth.security_log import RequestMeta
from reloop.auth.sessions import SessionIssuer
from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.kit.security.jwt_keys import SigningKeys
from reloop.kit.security.passwords import hash_password
from reloop.models.item import Item, ItemStatus
from reloop.models.order import Checkout, Order
from reloop.models.user import Role, User
from tests.factories.items import Choices
from tests.factories.users import PASSWORD

_sequence = itertools.count(1)
ADDRESS = {
    "name": "Ada Buyer",
    "line1": "12 Rue de la Paix",
    "postal_code": "75002",
    "city": "Paris",
    "country_code": "FR",
}
GOOD_CARD = "4242 4242 4242 4242"


@dataclass(frozen=True)
class Buyer:
    id: uuid.UUID
    username: str
    headers: dict[str, str]


async def make_buyers(
    database: Database,
    settings: Settings,
    keys: SigningKeys,
    count: int,
    *,
    verified: bool = True,
) -> list[Buyer]:
    """`count` members with signed-in bearer sessions, written in one transaction."""
    password_hash = await hash_password(PASSWORD)
    issuer = SessionIssuer(settings, keys)
    now = datetime.now(UTC)
    buyers = []
    async with database.transaction() as session:
        users = []
        for _ in range(count):
            n = next(_sequence)
            username = f"buyer{n}x{uuid.uuid4().hex[:6]}"
            users.append(
                User(
                    email=f"{username}@example.com",
                    username=username,
                    password_hash=password_hash,
                    display_name=username,
                    role=Role.member,
                    email_verified_at=now if verified else None,
                )
            )
        session.add_all(users)
        await session.flush()
        meta = RequestMeta(ip="127.0.0.1", user_agent="tests")
        for user in users:
            issued = await issuer.start(session, user, meta)
            buyers.append(
                Buyer(user.id, user.username, {"Authorization": f"Bearer {issued.access_token}"})
            )
    return buyers


async def make_listing(
    database: Database,
    choice: Choices,
    seller_id: uuid.UUID,
    *,
    quantity: int = 1,
    price: int = 2500,
    currency: str = "EUR",
    status: ItemStatus = ItemStatus.active,
    title: str = "Wool coat",
) -> uuid.UUID:
    item = Item(
        seller_id=seller_id,
        title=title,
        description="",
        category_id=choice.unsized_leaf,
        condition="very_good",
        colors=["blue"],
        price_amount=price,
        currency=currency,
        quantity=quantity,
        country_code="FR",
        city="Lyon",
        status=status,
        published_at=datetime.now(UTC),
    )
    async with database.transaction() as session:
        session.add(item)
    return item.id


async def make_order(
    database: Database, buyer_id: uuid.UUID, seller_id: uuid.UUID, *, minutes: int = 15
) -> uuid.UUID:
    """A bare pending order (and its checkout) for stock tests to reserve against."""
    until = datetime.now(UTC) + timedelta(minutes=minutes)
    checkout_id, order_id = new_id(), new_id()
    async with database.transaction() as session:
        session.add(
            Checkout(
                id=checkout_id,
                buyer_id=buyer_id,
                currency="EUR",
                items_total=0,
                shipping_total=0,
                fee_total=0,
                total=0,
                shipping_address=ADDRESS,
                reserved_until=until,
            )
        )
        await session.flush()
        session.add(
            Order(
                id=order_id,
                checkout_id=checkout_id,
                buyer_id=buyer_id,
                seller_id=seller_id,
                currency="EUR",
                items_amount=0,
                shipping_amount=0,
                fee_amount=0,
                total_amount=0,
                shipping_address=ADDRESS,
                reserved_until=until,
            )
        )
    return order_id


@dataclass(frozen=True)
class Stock:
    quantity: int
    reserved: int
    sold_quantity: int
    reserved_until: datetime | None
    status: ItemStatus
    version: int


async def stock_of(database: Database, item_id: uuid.UUID) -> Stock:
    async with database.sessionmaker() as session:
        row = (
            await session.execute(
                select(
                    Item.quantity,
                    Item.reserved,
                    Item.sold_quantity,
                    Item.reserved_until,
                    Item.status,
                    Item.version,
                ).where(Item.id == item_id)
            )
        ).one()
    return Stock(*row)


async def count_orders(database: Database, item_id: uuid.UUID | None = None) -> int:
    query = "SELECT count(DISTINCT order_id) FROM order_items"
    params: dict[str, Any] = {}
    if item_id is not None:
        query += " WHERE item_id = :item"
        params["item"] = item_id
    async with database.sessionmaker() as session:
        return int((await session.execute(text(query), params)).scalar_one())


async def assert_books_balance(database: Database) -> None:
    """No listing oversold, held units match held reservations, the ledger sums to zero."""
    async with database.sessionmaker() as session:
        oversold = await session.scalar(
            select(func.count()).where(Item.reserved + Item.sold_quantity > Item.quantity)
        )
        assert oversold == 0
        mismatched = await session.scalar(
            text(
                "SELECT count(*) FROM items i WHERE i.reserved <> COALESCE((SELECT sum(quantity)"
                " FROM reservations r WHERE r.item_id = i.id AND r.state = 'held'), 0)"
            )
        )
        assert mismatched == 0
        sums = (
            await session.execute(
                text("SELECT currency, sum(amount) FROM ledger_entries GROUP BY currency")
            )
        ).all()
        assert all(total == 0 for _, total in sums), sums


def checkout_body(
    lines: list[tuple[uuid.UUID, int, int]], *, card: str = GOOD_CARD, currency: str = "EUR"
) -> dict[str, Any]:
    """A checkout request for `(item_id, quantity, unit_price)` lines."""
    return {
        "lines": [
            {
                "item_id": str(item_id),
                "quantity": quantity,
                "unit_price": {"amount": price, "currency": currency},
            }
            for item_id, quantity, price in lines
        ],
        "shipping_address": ADDRESS,
        "payment_method": card,
    }


async def new_session(
    database: Database, settings: Settings, keys: SigningKeys, user_id: uuid.UUID
) -> dict[str, str]:
    """Bearer headers of a fresh session of an existing member, as signing in gives."""
    async with database.transaction() as session:
        user = await session.get(User, user_id)
        assert user is not None
        issued = await SessionIssuer(settings, keys).start(
            session, user, RequestMeta(ip="127.0.0.1", user_agent="tests")
        )
    return {"Authorization": f"Bearer {issued.access_token}"}
