"""Cart shapes (docs/COMMERCE.md "Cart")."""

import uuid
from typing import Literal

from pydantic import Field

from reloop.items.schemas import SellerCard
from reloop.kit.money import Money
from reloop.kit.schemas import Schema, UtcDatetime
from reloop.media.schemas import ImageOut
from reloop.models.item import ItemStatus

ProblemCode = Literal[
    "sold", "unavailable", "reserved", "price_changed", "quantity_reduced", "blocked"
]


class CartLineIn(Schema):
    quantity: int = Field(ge=1, le=999)


class CartItem(Schema):
    id: uuid.UUID
    title: str
    cover: ImageOut | None
    status: ItemStatus
    available: int
    price: Money = Field(description="The listing's price now.")
    reserved_until: UtcDatetime | None


class CartProblem(Schema):
    code: ProblemCode
    message: str
    current_price: Money | None = None
    available: int | None = None
    reserved_until: UtcDatetime | None = None


class CartLine(Schema):
    item: CartItem
    quantity: int
    unit_price: Money = Field(description="The price when the line was added or last set.")
    line_total: Money
    problem: CartProblem | None


class CartGroup(Schema):
    seller: SellerCard
    lines: list[CartLine]
    items_total: Money
    shipping: Money
    fee: Money = Field(description="Buyer protection for this seller's order.")
    total: Money = Field(description="Items, shipping and buyer protection.")
    checkout_ready: bool


class Cart(Schema):
    groups: list[CartGroup]
    total: Money | None = Field(
        description="Items, shipping and buyer protection; null when empty or mixed."
    )
    count: int = Field(description="Units in the cart.")
    checkout_ready: bool
