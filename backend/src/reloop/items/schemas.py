"""Listing shapes: what sellers send, what buyers see, and list cards."""

import uuid
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from reloop.kit.money import Money
from reloop.kit.schemas import Schema, UtcDatetime
from reloop.media.schemas import ImageOut
from reloop.models.item import ItemStatus
from reloop.taxonomy.schemas import BrandOut, CategoryRef, ColorOut, ConditionOut, SizeOut
from reloop.users.schemas import Location

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
ColorKeys = Annotated[
    list[Annotated[str, StringConstraints(max_length=30)]], Field(min_length=1, max_length=3)
]
ImageIds = Annotated[list[uuid.UUID], Field(max_length=20)]


class ItemFields(Schema):
    title: Title
    description: Description = ""
    category_id: uuid.UUID
    brand_id: uuid.UUID | None = None
    size_id: uuid.UUID | None = None
    condition: Annotated[str, StringConstraints(max_length=30)]
    colors: ColorKeys
    price: Money
    quantity: int = Field(default=1, ge=1, le=999)
    location: Location
    image_ids: ImageIds = Field(
        default_factory=list, description="In display order; 1 to 20 to publish."
    )


class ItemCreate(ItemFields):
    status: Literal["draft", "active"] = "draft"


class ItemUpdate(Schema):
    """Only the fields sent change; `status` moves the listing (publish, hide, mark sold)."""

    title: Title | None = None
    description: Description | None = None
    category_id: uuid.UUID | None = None
    brand_id: uuid.UUID | None = None
    size_id: uuid.UUID | None = None
    condition: Annotated[str, StringConstraints(max_length=30)] | None = None
    colors: ColorKeys | None = None
    price: Money | None = None
    quantity: int | None = Field(default=None, ge=1, le=999)
    location: Location | None = None
    image_ids: ImageIds | None = None
    status: Literal["draft", "active", "hidden", "sold"] | None = None


class SellerCard(Schema):
    id: uuid.UUID
    username: str
    display_name: str
    avatar: ImageOut | None = None


class ItemCounts(Schema):
    likes: int
    saves: int
    comments: int
    views: int


class ItemViewer(Schema):
    """The signed-in viewer's own relation to the listing (null for visitors)."""

    liked: bool
    saved: bool


class ItemDetail(Schema):
    id: uuid.UUID
    title: str
    description: str
    category: CategoryRef
    brand: BrandOut | None
    size: SizeOut | None
    condition: ConditionOut
    colors: list[ColorOut]
    price: Money
    quantity: int
    available: int = Field(description="Quantity not sold or held in a checkout.")
    reserved_until: UtcDatetime | None = Field(
        default=None, description="Set while every unit is held by checkouts: until when."
    )
    status: ItemStatus
    location: Location
    images: list[ImageOut]
    seller: SellerCard
    counts: ItemCounts
    version: int
    published_at: UtcDatetime | None
    created_at: UtcDatetime
    updated_at: UtcDatetime
    viewer: ItemViewer | None = None


class ItemCard(Schema):
    """A listing in a grid: small, with what a card shows."""

    id: uuid.UUID
    title: str
    price: Money
    brand: str | None
    size: str | None
    condition: str
    status: ItemStatus
    cover: ImageOut | None
    seller: SellerCard
    like_count: int
    liked: bool = Field(description="Whether the viewer likes it (false for visitors).")
    saved: bool = Field(description="Whether the viewer saved it (false for visitors).")
    published_at: UtcDatetime | None
    created_at: UtcDatetime
    reason: Literal["following", "popular"] | None = Field(
        default=None, description="Why a feed shows it: a seller you follow, or popular."
    )
    reserved_until: UtcDatetime | None = Field(
        default=None, description="Set while every unit is held by checkouts: until when."
    )


class ItemPage(Schema):
    items: list[ItemCard]
    next_cursor: str | None = None
