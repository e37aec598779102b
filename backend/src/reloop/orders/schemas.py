"""Order shapes shared by orders, checkout and the SPA (docs/COMMERCE.md "Orders")."""

import uuid
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from reloop.items.schemas import SellerCard
from reloop.kit.money import Money
from reloop.kit.schemas import Schema, UtcDatetime
from reloop.media.schemas import ImageOut
from reloop.models.order import OrderActor, OrderStatus
from reloop.models.payment import PaymentStatus

OrderRole = Literal["buyer", "seller"]
OrderAction = Literal["pay", "cancel", "ship", "deliver", "complete", "dispute", "review", "reply"]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class OrderLine(Schema):
    item_id: uuid.UUID
    title: str = Field(description="The title when bought (a snapshot).")
    quantity: int
    unit_price: Money
    cover: ImageOut | None = None


class OrderSummary(Schema):
    """An order in a list, seen by its buyer or its seller."""

    id: uuid.UUID
    status: OrderStatus
    role: OrderRole = Field(description="The viewer's side of the order.")
    counterpart: SellerCard = Field(
        description="The seller for the buyer, the buyer for the seller."
    )
    items: list[OrderLine]
    total: Money
    created_at: UtcDatetime
    reserved_until: UtcDatetime | None = Field(
        description="While unpaid: when the held stock is let go."
    )


class OrderEvent(Schema):
    """One step of the order's timeline."""

    type: str = Field(description="The new status, or `note`.")
    actor: OrderActor
    created_at: UtcDatetime
    details: dict[str, Any]


class PaymentFailure(Schema):
    code: str
    message: str


class PaymentOut(Schema):
    id: uuid.UUID
    status: PaymentStatus
    amount: Money
    failure: PaymentFailure | None = None


class ReviewOut(Schema):
    id: uuid.UUID
    order_id: uuid.UUID
    rating: int
    text: str
    reply: str | None
    replied_at: UtcDatetime | None
    created_at: UtcDatetime
    buyer: SellerCard | None = Field(description="Null once the buyer's account is deleted.")


class OrderAmounts(Schema):
    items: Money
    shipping: Money
    fee: Money
    total: Money


class ShippingAddress(Schema):
    name: Line
    line1: Line
    line2: Line | None = None
    postal_code: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)
    ]
    city: Line
    country_code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class OrderDeadlines(Schema):
    """When the next timed transition happens, if nobody acts first."""

    pay_by: UtcDatetime | None = Field(default=None, description="Unpaid: expires then.")
    ship_by: UtcDatetime | None = Field(default=None, description="Paid: refunded if unshipped.")
    dispute_until: UtcDatetime | None = Field(default=None, description="Disputes close then.")
    complete_at: UtcDatetime | None = Field(default=None, description="Delivered: completes then.")


class OrderDetail(OrderSummary):
    buyer: SellerCard
    seller: SellerCard
    amounts: OrderAmounts
    shipping_address: ShippingAddress | None = Field(
        description="For the buyer always; for the seller once paid."
    )
    carrier: str | None
    tracking_number: str | None
    timeline: list[OrderEvent]
    actions: list[OrderAction] = Field(description="What the viewer may do now.")
    payment: PaymentOut | None
    review: ReviewOut | None
    deadlines: OrderDeadlines


class OrderPage(Schema):
    items: list[OrderSummary]
    next_cursor: str | None = None


class PayRequest(Schema):
    payment_method: Annotated[str, StringConstraints(min_length=1, max_length=255)] = Field(
        description="Simulated: a test card number; Stripe: a PaymentMethod id."
    )


class CancelRequest(Schema):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None


class ShipRequest(Schema):
    carrier: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    tracking_number: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)
    ]


class DisputeRequest(Schema):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
