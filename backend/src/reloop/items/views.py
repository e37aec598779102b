"""Rendering a listing for clients: its detail page, its seller, its stock.

Taxonomy comes from the in-memory snapshot. List cards are written straight to JSON by
`items.cards`.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from reloop.items.schemas import ItemCounts, ItemDetail, SellerCard
from reloop.items.viewer import CardSeller
from reloop.kit.money import Money
from reloop.kit.storage import Storage
from reloop.media.schemas import ImageOut
from reloop.media.service import image_out
from reloop.models.item import Item
from reloop.models.media import Image
from reloop.models.user import User
from reloop.taxonomy.schemas import BrandOut, CategoryRef, ColorOut, ConditionOut, SizeOut
from reloop.taxonomy.snapshot import Taxonomy
from reloop.users.schemas import Location


def stock_on_hand(
    quantity: int,
    reserved: int,
    sold_quantity: int,
    reserved_until: datetime | None,
    now: datetime | None = None,
) -> tuple[int, datetime | None]:
    """Units available now, and until when every unit is held by checkouts (else None).

    Past `reserved_until` every hold has lapsed: the units count as available again even
    before beat's sweep writes that down (COMMERCE.md, "reservations").
    """
    now = now or datetime.now(UTC)
    holding = reserved_until is not None and reserved_until > now
    held = reserved if holding else 0
    available = max(quantity - held - sold_quantity, 0)
    return available, reserved_until if holding and available == 0 and held > 0 else None


def seller_card(user: User | CardSeller, avatar: ImageOut | None = None) -> SellerCard:
    return SellerCard.model_construct(
        id=user.id, username=user.username, display_name=user.display_name, avatar=avatar
    )


def item_detail(
    item: Item,
    seller: User,
    images: Sequence[Image],
    taxonomy: Taxonomy,
    storage: Storage,
    avatar: Image | None = None,
) -> ItemDetail:
    path = taxonomy.path(item.category_id)
    leaf = path[-1]
    brand = taxonomy.brands.get(item.brand_id) if item.brand_id else None
    size = taxonomy.sizes.get(item.size_id) if item.size_id else None
    condition = taxonomy.conditions[item.condition]
    available, reserved_until = stock_on_hand(
        item.quantity, item.reserved, item.sold_quantity, item.reserved_until
    )
    return ItemDetail(
        id=item.id,
        title=item.title,
        description=item.description,
        category=CategoryRef(
            id=leaf.id, slug=leaf.slug, name=leaf.name, path=[c.name for c in path]
        ),
        brand=BrandOut(id=brand.id, slug=brand.slug, name=brand.name) if brand else None,
        size=SizeOut(id=size.id, key=size.key, label=size.label) if size else None,
        condition=ConditionOut(
            key=condition.key, name=condition.name, description=condition.detail
        ),
        colors=[
            ColorOut(key=c, name=taxonomy.colors[c].name, hex=taxonomy.colors[c].detail)
            for c in item.colors
            if c in taxonomy.colors
        ],
        price=Money(amount=item.price_amount, currency=item.currency),
        quantity=item.quantity,
        available=available,
        reserved_until=reserved_until,
        status=item.status,
        location=Location(country=item.country_code, city=item.city),
        images=[image_out(image, storage) for image in images],
        seller=seller_card(seller, image_out(avatar, storage) if avatar else None),
        counts=ItemCounts(
            likes=item.like_count,
            saves=item.save_count,
            comments=item.comment_count,
            views=item.view_count,
        ),
        version=item.version,
        published_at=item.published_at,
        created_at=item.created_at,
        updated_at=item.updated_at,
    )
