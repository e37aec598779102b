"""The cart: lines kept in Redis, checked against the listings on every read.

A cart is advice, not a hold: nothing is reserved until checkout. Each read therefore
says, line by line, what checkout would refuse (sold, hidden, held by someone else, a new
price, fewer units, a block) so the member fixes it before paying, not after.
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.cart.amounts import order_amounts
from reloop.cart.errors import CartFull, CartOwnItem
from reloop.cart.repository import ListingLine, listing_lines
from reloop.cart.schemas import Cart, CartGroup, CartItem, CartLine, CartProblem
from reloop.cart.store import MAX_LINES, CartStore, StoredLine
from reloop.config import Settings
from reloop.inventory.errors import QuantityUnavailable
from reloop.items.errors import ItemNotFound
from reloop.items.schemas import SellerCard
from reloop.items.viewer import CardSeller
from reloop.items.views import seller_card, stock_on_hand
from reloop.kit.money import Money
from reloop.kit.storage import Storage
from reloop.media.service import image_out
from reloop.models.item import ItemStatus
from reloop.social.errors import MemberBlocked

_GONE = (ItemStatus.draft, ItemStatus.hidden, ItemStatus.deleted)


def line_problem(  # noqa: PLR0911 (one early answer per problem, in order)
    listing: ListingLine, stored: StoredLine, now: datetime
) -> CartProblem | None:
    """What checkout would refuse about this line, most serious first (None: fine)."""
    if listing.status in _GONE or listing.seller_gone:
        return CartProblem(code="unavailable", message="This listing is no longer on sale.")
    if listing.blocked:
        return CartProblem(code="blocked", message="A block between you and the seller.")
    available, reserved_until = stock_on_hand(
        listing.quantity, listing.reserved, listing.sold_quantity, listing.reserved_until, now
    )
    if listing.status == ItemStatus.sold or listing.quantity - listing.sold_quantity <= 0:
        return CartProblem(code="sold", message="This listing has sold.", available=0)
    if available == 0:
        return CartProblem(
            code="reserved",
            message="Someone is checking out the last units; they may come back.",
            available=0,
            reserved_until=reserved_until,
        )
    if available < stored.quantity:
        return CartProblem(
            code="quantity_reduced",
            message=f"Only {available} left.",
            available=available,
        )
    if listing.price_amount != stored.unit_price_amount or listing.currency != stored.currency:
        return CartProblem(
            code="price_changed",
            message="The price changed since you added it.",
            current_price=Money(amount=listing.price_amount, currency=listing.currency),
        )
    return None


def _line(listing: ListingLine, stored: StoredLine, storage: Storage, now: datetime) -> CartLine:
    unit_price = Money(amount=stored.unit_price_amount, currency=stored.currency)
    available, reserved_until = stock_on_hand(
        listing.quantity, listing.reserved, listing.sold_quantity, listing.reserved_until, now
    )
    item = CartItem(
        id=listing.id,
        title=listing.title,
        cover=image_out(listing.cover, storage) if listing.cover else None,
        status=listing.status,
        available=available,
        price=Money(amount=listing.price_amount, currency=listing.currency),
        reserved_until=reserved_until,
    )
    return CartLine(
        item=item,
        quantity=stored.quantity,
        unit_price=unit_price,
        line_total=unit_price.times(stored.quantity),
        problem=line_problem(listing, stored, now),
    )


def _seller(listing: ListingLine, storage: Storage) -> SellerCard:
    avatar = image_out(listing.avatar, storage) if listing.avatar else None
    seller = CardSeller(listing.seller_id, listing.seller_username, listing.seller_display_name)
    return seller_card(seller, avatar)


def build_cart(
    stored: Sequence[StoredLine],
    listings: dict[uuid.UUID, ListingLine],
    settings: Settings,
    storage: Storage,
    now: datetime | None = None,
) -> Cart:
    """Group lines by seller (in the order the first line of each was added)."""
    now = now or datetime.now(UTC)
    groups: dict[uuid.UUID, tuple[SellerCard, list[CartLine]]] = {}
    kept = []
    for line in stored:
        listing = listings.get(line.item_id)
        if listing is None:
            continue  # the row is gone with its seller's account: nothing left to show
        kept.append(line)
        group = groups.get(listing.seller_id)
        if group is None:
            group = groups[listing.seller_id] = (_seller(listing, storage), [])
        group[1].append(_line(listing, line, storage, now))
    out: list[CartGroup] = []
    for seller, lines in groups.values():
        currency = lines[0].unit_price.currency
        # The same math checkout charges with, so the cart shows what will be paid.
        amounts = order_amounts(
            sum(line.line_total.amount for line in lines),
            fee_fixed=settings.buyer_fee_fixed,
            fee_percent=settings.buyer_fee_percent,
            shipping=settings.shipping_flat,
        )
        out.append(
            CartGroup(
                seller=seller,
                lines=lines,
                items_total=Money(amount=amounts.items, currency=currency),
                shipping=Money(amount=amounts.shipping, currency=currency),
                fee=Money(amount=amounts.fee, currency=currency),
                total=Money(amount=amounts.total, currency=currency),
                checkout_ready=all(line.problem is None for line in lines),
            )
        )
    currencies = {group.items_total.currency for group in out}
    total = None
    if len(currencies) == 1:
        total = Money(amount=sum(g.total.amount for g in out), currency=currencies.pop())
    return Cart(
        groups=out,
        total=total,
        count=sum(line.quantity for line in kept),
        checkout_ready=bool(out) and all(group.checkout_ready for group in out),
    )


async def read_cart(
    session: AsyncSession,
    store: CartStore,
    settings: Settings,
    storage: Storage,
    member_id: uuid.UUID,
) -> Cart:
    """The member's cart, each line checked against its listing (one SQL statement)."""
    stored = await store.lines(member_id)
    listings = await listing_lines(session, member_id, [line.item_id for line in stored])
    return build_cart(stored, listings, settings, storage)


async def set_line(
    session: AsyncSession,
    store: CartStore,
    member_id: uuid.UUID,
    item_id: uuid.UUID,
    quantity: int,
) -> None:
    """Add a listing or set its quantity; the line takes the listing's current price.

    Setting a line again is how a member accepts a new price: it no longer shows
    `price_changed`. Refuses own listings, blocked sellers, missing listings, more units
    than are available and a 51st line.
    """
    listing = (await listing_lines(session, member_id, [item_id])).get(item_id)
    if listing is None or listing.status in _GONE or listing.seller_gone:
        raise ItemNotFound()
    if listing.seller_id == member_id:
        raise CartOwnItem()
    if listing.blocked:
        raise MemberBlocked()
    available, reserved_until = stock_on_hand(
        listing.quantity, listing.reserved, listing.sold_quantity, listing.reserved_until
    )
    if listing.status == ItemStatus.sold:
        available = 0
    if quantity > available:
        details: dict[str, object] = {"item_id": str(item_id), "available": available}
        if reserved_until is not None:
            details["reserved_until"] = reserved_until.isoformat().replace("+00:00", "Z")
        raise QuantityUnavailable(details=details)
    count, existing = await store.existing(member_id, item_id)
    if existing is None and count >= MAX_LINES:
        raise CartFull(details={"max_lines": MAX_LINES})
    await store.put(
        member_id,
        StoredLine(
            item_id=item_id,
            quantity=quantity,
            unit_price_amount=listing.price_amount,
            currency=listing.currency,
            added_at=existing.added_at if existing else datetime.now(UTC),
        ),
    )
