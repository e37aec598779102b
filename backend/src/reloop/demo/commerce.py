"""Demo trade: orders in every stage and the reviews that give sellers their ratings.

Made through the services a request uses — checkout, capture by the simulated provider
with the success card, the buyer's and seller's moves, reviews — so stock, ledger,
timelines and notifications agree with what the app would have done. Deterministic
(seeded), and skipped as a whole once any order exists, so loading again adds nothing.
The first demo member (ana.vintage) has a sale waiting to be shipped and a purchase on
its way, so the orders pages have something to act on from the first sign-in.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum

from sqlalchemy import select

from reloop.checkout.schemas import CheckoutIn, CheckoutLineIn
from reloop.checkout.service import place_with_retries
from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.money import Money
from reloop.kit.storage import Storage
from reloop.models.item import Item, ItemStatus
from reloop.models.order import Order
from reloop.models.user import Role, User
from reloop.orders.capture import capture_payment
from reloop.orders.schemas import ShippingAddress
from reloop.orders.service import act
from reloop.orders.state import Action
from reloop.payments.simulated import SimulatedProvider
from reloop.reviews.service import create_review

SUCCESS_CARD = "4242424242424242"
CARRIERS = ("Colissimo", "DHL", "Royal Mail", "PostNL", "CTT")
REVIEWS = (
    (5, "Exactly as described and beautifully packed. Thank you!"),
    (5, "Quick to ship and lovely to deal with."),
    (4, "Good condition, a little slower to arrive than I hoped."),
    (5, "Even better in person. Would buy again."),
    (4, "As pictured; small mark not in the photos, but fine for the price."),
    (3, "Took a while to ship, item is OK."),
)


class Stage(IntEnum):
    """How far a demo order got; each stage includes the moves of those before it."""

    paid = 1
    shipped = 2
    delivered = 3
    completed = 4
    reviewed = 5


@dataclass(frozen=True, slots=True)
class CommerceReport:
    orders: int
    reviews: int


@dataclass(frozen=True, slots=True)
class _Listing:
    id: uuid.UUID
    seller_id: uuid.UUID
    price: Money


@dataclass(frozen=True, slots=True)
class _Trade:
    buyer: User
    seller: User
    listing: _Listing
    stage: Stage


async def load_commerce(
    database: Database, storage: Storage, cache: Cache, settings: Settings
) -> CommerceReport:
    """Buy about one listing per demo member and move each order to its planned stage."""
    async with database.transaction() as session:
        if await session.scalar(select(Order.id).limit(1)) is not None:
            return CommerceReport(orders=0, reviews=0)
        members = list(
            await session.scalars(
                select(User)
                .where(User.role == Role.member, User.deleted_at.is_(None))
                .order_by(User.created_at, User.username)
            )
        )
        rows = await session.execute(
            select(Item.id, Item.seller_id, Item.price_amount, Item.currency)
            .where(Item.status == ItemStatus.active, Item.quantity == 1)
            .order_by(Item.published_at, Item.id)
        )
        listings = [_Listing(row[0], row[1], Money(amount=row[2], currency=row[3])) for row in rows]
    trades = _plan(members, listings)
    # Demo payments always go to the simulated provider, whatever the install is set to.
    simulated = settings.model_copy(update={"payment_provider": "simulated"})
    provider = SimulatedProvider(database, simulated)
    method_ref = await provider.tokenize(SUCCESS_CARD)
    reviews = 0
    for index, trade in enumerate(trades):
        order_id = await _buy(database, cache, simulated, provider, method_ref, trade)
        reviews += await _advance(database, storage, cache, simulated, trade, order_id, index)
    return CommerceReport(orders=len(trades), reviews=reviews)


def _plan(members: list[User], listings: list[_Listing]) -> list[_Trade]:
    """Each member buys one listing of another seller; the first also sells one to ship."""
    rng = random.Random(20261202)  # noqa: S311 (reproducible demo data, not secrets)
    by_id = {member.id: member for member in members}
    available = [listing for listing in listings if listing.seller_id in by_id]
    rng.shuffle(available)
    taken: set[uuid.UUID] = set()
    trades: list[_Trade] = []

    def buy(buyer: User, stage: Stage, seller_id: uuid.UUID | None = None) -> None:
        for listing in available:
            if listing.id in taken or listing.seller_id == buyer.id:
                continue
            if seller_id is not None and listing.seller_id != seller_id:
                continue
            taken.add(listing.id)
            trades.append(_Trade(buyer, by_id[listing.seller_id], listing, stage))
            return

    if len(members) >= 2:
        first, second = members[0], members[1]
        buy(second, Stage.paid, seller_id=first.id)  # a sale for the first member to ship
        buy(first, Stage.shipped)  # a purchase of theirs on its way
    stages = (Stage.reviewed, Stage.reviewed, Stage.reviewed, Stage.completed, Stage.delivered)
    for index, member in enumerate(members[2:]):
        buy(member, stages[index % len(stages)])
    return trades


async def _buy(
    database: Database,
    cache: Cache,
    settings: Settings,
    provider: SimulatedProvider,
    method_ref: str,
    trade: _Trade,
) -> uuid.UUID:
    body = CheckoutIn(
        lines=[
            CheckoutLineIn(item_id=trade.listing.id, quantity=1, unit_price=trade.listing.price)
        ],
        shipping_address=ShippingAddress(
            name=trade.buyer.display_name,
            line1="12 Demo Street",
            postal_code="1000",
            city=trade.buyer.city or "Lisbon",
            country_code=trade.buyer.country_code or "PT",
        ),
        payment_method=SUCCESS_CARD,
    )
    placed = await place_with_retries(
        database, settings, trade.buyer.id, body, method_ref, cache=cache
    )
    await capture_payment(
        database, placed.payment.id, cache=cache, settings=settings, provider=provider
    )
    return placed.orders[0].id


async def _advance(
    database: Database,
    storage: Storage,
    cache: Cache,
    settings: Settings,
    trade: _Trade,
    order_id: uuid.UUID,
    index: int,
) -> int:
    """Move the paid order to its stage; 1 when it ended with a review."""
    moves = [
        (Stage.shipped, trade.seller, Action.ship),
        (Stage.delivered, trade.buyer, Action.deliver),
        (Stage.completed, trade.buyer, Action.complete),
    ]
    for stage, actor, action in moves:
        if trade.stage < stage:
            break
        async with database.transaction() as session:
            await act(
                session,
                settings,
                actor,
                order_id,
                action,
                datetime.now(UTC),
                cache=cache,
                carrier=CARRIERS[index % len(CARRIERS)] if action is Action.ship else None,
                tracking_number=f"RL{index:04d}DEMO" if action is Action.ship else None,
            )
    if trade.stage < Stage.reviewed:
        return 0
    rating, text = REVIEWS[index % len(REVIEWS)]
    async with database.transaction() as session:
        await create_review(
            session, storage, trade.buyer, order_id, rating, text, datetime.now(UTC)
        )
    return 1
