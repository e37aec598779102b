"""The rules a listing must meet, checked against the taxonomy and the seller's photos.

Every problem is reported at once, each against its field, so a seller fixes the form in
one pass.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.items.errors import ItemInvalid
from reloop.kit.money import Money
from reloop.media.repository import ImageRepository
from reloop.models.media import Image, ImagePurpose, ImageStatus
from reloop.taxonomy.snapshot import Taxonomy

MIN_PRICE_MINOR = 100  # one unit of the currency (1 EUR); nobody ships for less
MAX_PRICE_MINOR = 10_000_000  # 100,000 EUR: above that is a typo, not a second-hand sale
MAX_IMAGES = 20


@dataclass
class Problems:
    fields: list[dict[str, str]] = field(default_factory=list)

    def add(self, name: str, message: str) -> None:
        self.fields.append({"field": name, "message": message})

    def raise_if_any(self) -> None:
        if self.fields:
            raise ItemInvalid(details={"fields": self.fields})


@dataclass(frozen=True)
class Draft:
    """A listing's values as they would be after a create or an edit."""

    category_id: uuid.UUID
    brand_id: uuid.UUID | None
    size_id: uuid.UUID | None
    condition: str
    colors: Sequence[str]
    price: Money
    image_ids: Sequence[uuid.UUID]


def check_fields(draft: Draft, taxonomy: Taxonomy, problems: Problems) -> None:
    category = taxonomy.categories.get(draft.category_id)
    if category is None:
        problems.add("category_id", "Choose a category from the list.")
    elif not category.is_leaf:
        problems.add("category_id", "Choose the most specific category (not a group).")
    if draft.brand_id is not None and draft.brand_id not in taxonomy.brands:
        problems.add("brand_id", "Choose a brand from the list, or none.")
    if category is not None and category.is_leaf:
        size = taxonomy.sizes.get(draft.size_id) if draft.size_id else None
        if category.size_group_id is None and draft.size_id is not None:
            problems.add("size_id", "This category has no sizes.")
        elif category.size_group_id is not None and size is None:
            problems.add("size_id", "Choose a size for this category.")
        elif size is not None and size.group_id != category.size_group_id:
            problems.add("size_id", "This size does not belong to the category's sizes.")
    if draft.condition not in taxonomy.conditions:
        problems.add("condition", "Choose a condition from the list.")
    unknown = [c for c in draft.colors if c not in taxonomy.colors]
    if unknown:
        problems.add("colors", f"Unknown colour: {', '.join(unknown)}.")
    if len(set(draft.colors)) != len(draft.colors):
        problems.add("colors", "Each colour once.")
    if not MIN_PRICE_MINOR <= draft.price.amount <= MAX_PRICE_MINOR:
        low = Money(amount=MIN_PRICE_MINOR, currency=draft.price.currency).to_decimal()
        high = Money(amount=MAX_PRICE_MINOR, currency=draft.price.currency).to_decimal()
        problems.add(
            "price.amount", f"Set a price between {low} and {high} {draft.price.currency}."
        )
    if len(set(draft.image_ids)) != len(draft.image_ids):
        problems.add("image_ids", "Each photo once.")


async def usable_images(
    session: AsyncSession,
    seller_id: uuid.UUID,
    item_id: uuid.UUID | None,
    image_ids: Sequence[uuid.UUID],
    problems: Problems,
) -> list[Image]:
    """The seller's processed photos in the order given; anything else is a problem."""
    if not image_ids:
        return []
    found = {i.id: i for i in await ImageRepository(session).owned_many(image_ids, seller_id)}
    ordered = []
    for image_id in image_ids:
        image = found.get(image_id)
        if (
            image is None
            or image.purpose is not ImagePurpose.item
            or image.status is not ImageStatus.ready
            or (image.item_id is not None and image.item_id != item_id)
        ):
            problems.add("image_ids", f"Photo {image_id} is not one of your ready photos.")
            continue
        ordered.append(image)
    return ordered
