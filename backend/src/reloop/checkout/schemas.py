"""Checkout shapes (docs/COMMERCE.md "Checkout"); orders and payments are `reloop.orders`'."""

import uuid
from typing import Annotated

from pydantic import Field, model_validator

from reloop.kit.money import Money
from reloop.kit.schemas import Schema, UtcDatetime
from reloop.orders.schemas import OrderSummary, PaymentOut, ShippingAddress

MAX_LINES = 50


class CheckoutLineIn(Schema):
    item_id: uuid.UUID
    quantity: int = Field(ge=1, le=999)
    unit_price: Money = Field(description="The price the buyer saw; another one is a 409.")


class CheckoutIn(Schema):
    lines: Annotated[list[CheckoutLineIn], Field(min_length=1, max_length=MAX_LINES)]
    shipping_address: ShippingAddress
    payment_method: Annotated[str, Field(min_length=1, max_length=255)] = Field(
        description="Simulated: a test card number; Stripe: a PaymentMethod id."
    )

    @model_validator(mode="after")
    def _one_line_per_item(self) -> "CheckoutIn":
        ids = [line.item_id for line in self.lines]
        if len(set(ids)) != len(ids):
            raise ValueError("each listing may appear in one line only")
        return self


class CheckoutTotals(Schema):
    items: Money
    shipping: Money
    fees: Money
    total: Money


class CheckoutResult(Schema):
    id: uuid.UUID
    orders: list[OrderSummary] = Field(description="One per seller.")
    payment: PaymentOut
    reserved_until: UtcDatetime = Field(description="Unpaid orders hold the stock until then.")
    totals: CheckoutTotals
