"""Listings: create, edit, move between states, delete; events for each change.

Services only flush; the request boundary commits. Cached item pages are dropped after
the commit, so no reader can re-cache the old version in between.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.errors import EmailNotVerified
from reloop.events.service import append_event
from reloop.items.errors import ItemNotFound, StaleItem, StatusChangeNotAllowed
from reloop.items.keys import item_cache_key
from reloop.items.repository import ItemRepository
from reloop.items.schemas import ItemCreate, ItemUpdate
from reloop.items.validation import Draft, Problems, check_fields, usable_images
from reloop.kit.cache import Cache
from reloop.kit.jobs import on_commit
from reloop.kit.money import Money
from reloop.media.repository import ImageRepository
from reloop.models.item import Item, ItemStatus
from reloop.models.media import Image
from reloop.models.user import User
from reloop.taxonomy.snapshot import Taxonomy

# (from, to) moves a seller may make; `reserved` is set and cleared by checkout.
_ALLOWED_MOVES = {
    (ItemStatus.draft, ItemStatus.active),
    (ItemStatus.active, ItemStatus.hidden),
    (ItemStatus.hidden, ItemStatus.active),
    (ItemStatus.active, ItemStatus.sold),
    (ItemStatus.hidden, ItemStatus.sold),
}


def etag_of(item: Item) -> str:
    """Listing ETags follow the content version; counters do not change them."""
    return f'"v{item.version}"'


async def _attach(session: AsyncSession, item: Item, images: list[Image]) -> None:
    await session.execute(
        update(Image)
        .where(Image.item_id == item.id, Image.id.not_in([i.id for i in images]))
        .values(item_id=None)
    )
    for position, image in enumerate(images):
        image.item_id = item.id
        image.position = position


def _publish(item: Item, seller: User, problems: Problems, image_count: int) -> None:
    if not seller.is_verified:
        raise EmailNotVerified()
    if image_count == 0:
        problems.add("image_ids", "Add at least one photo to publish.")
    item.status = ItemStatus.active
    item.published_at = item.published_at or datetime.now(UTC)


async def create_item(
    session: AsyncSession, taxonomy: Taxonomy, seller: User, data: ItemCreate
) -> Item:
    """A draft, or a published listing when `status` is `active` (verified sellers only)."""
    problems = Problems()
    check_fields(
        Draft(
            data.category_id,
            data.brand_id,
            data.size_id,
            data.condition,
            data.colors,
            data.price,
            data.image_ids,
        ),
        taxonomy,
        problems,
    )
    images = await usable_images(session, seller.id, None, data.image_ids, problems)
    item = Item(
        seller_id=seller.id,
        title=data.title,
        description=data.description,
        category_id=data.category_id,
        brand_id=data.brand_id,
        size_id=data.size_id,
        condition=data.condition,
        colors=list(data.colors),
        price_amount=data.price.amount,
        currency=data.price.currency,
        quantity=data.quantity,
        country_code=data.location.country,
        city=data.location.city,
    )
    if data.status == "active":
        _publish(item, seller, problems, len(images))
    problems.raise_if_any()
    session.add(item)
    await session.flush()
    await _attach(session, item, images)
    if item.status is ItemStatus.active:
        append_event(session, "item.published", item.id, actor_id=seller.id)
    await session.flush()
    await session.refresh(item, ["created_at", "updated_at"])
    return item


async def update_item(
    session: AsyncSession,
    taxonomy: Taxonomy,
    cache: Cache,
    seller: User,
    item_id: uuid.UUID,
    if_match: str,
    changes: ItemUpdate,
) -> Item:
    """Apply an edit made against the version in `if_match`; 412 when it is stale."""
    item = await ItemRepository(session).owned_for_update(item_id, seller.id)
    if item is None:
        raise ItemNotFound()
    if if_match.strip() not in {etag_of(item), "*"}:
        raise StaleItem(details={"current_etag": etag_of(item)})
    sent = changes.model_fields_set
    old_price = item.price_amount
    price = changes.price or Money(amount=item.price_amount, currency=item.currency)
    current_images = [i.id for i in await _images_of(session, item)]
    image_ids = changes.image_ids if changes.image_ids is not None else current_images
    draft = Draft(
        changes.category_id or item.category_id,
        changes.brand_id if "brand_id" in sent else item.brand_id,
        changes.size_id if "size_id" in sent else item.size_id,
        changes.condition or item.condition,
        changes.colors or item.colors,
        price,
        image_ids,
    )
    problems = Problems()
    check_fields(draft, taxonomy, problems)
    images = await usable_images(session, seller.id, item.id, image_ids, problems)
    for name in ("title", "description", "quantity"):
        if name in sent and getattr(changes, name) is not None:
            setattr(item, name, getattr(changes, name))
    item.category_id, item.brand_id, item.size_id = draft.category_id, draft.brand_id, draft.size_id
    item.condition, item.colors = draft.condition, list(draft.colors)
    item.price_amount, item.currency = price.amount, price.currency
    if changes.location is not None:
        item.country_code, item.city = changes.location.country, changes.location.city
    if item.quantity < item.reserved + item.sold_quantity:
        problems.add("quantity", "Some of this quantity is sold or held in a checkout.")
    target = ItemStatus(changes.status) if changes.status else item.status
    moved_from = item.status
    if target is not item.status:
        if (item.status, target) not in _ALLOWED_MOVES:
            raise StatusChangeNotAllowed(details={"from": item.status.value, "to": target.value})
        if target is ItemStatus.active:
            _publish(item, seller, problems, len(images))
        item.status = target
    elif item.status is ItemStatus.active and not images:
        problems.add("image_ids", "A published listing needs at least one photo.")
    problems.raise_if_any()
    await _attach(session, item, images)
    item.version += 1
    _append_change_events(session, item, seller.id, moved_from, old_price)
    await session.flush()
    await session.refresh(item, ["updated_at"])
    on_commit(session, lambda: cache.delete(item_cache_key(item.id)))
    return item


def _append_change_events(
    session: AsyncSession, item: Item, actor: uuid.UUID, moved_from: ItemStatus, old_price: int
) -> None:
    if moved_from is not item.status and item.status is ItemStatus.active:
        append_event(session, "item.published", item.id, actor_id=actor)
    elif moved_from is not item.status and item.status is ItemStatus.sold:
        append_event(session, "item.sold", item.id, actor_id=actor)
    else:
        append_event(session, "item.updated", item.id, actor_id=actor, version=item.version)
    if item.status is ItemStatus.active and item.price_amount < old_price:
        append_event(
            session,
            "item.price_dropped",
            item.id,
            actor_id=actor,
            old_amount=old_price,
            new_amount=item.price_amount,
            currency=item.currency,
        )


async def _images_of(session: AsyncSession, item: Item) -> list[Image]:
    return list(await ImageRepository(session).for_items([item.id]))


async def delete_item(
    session: AsyncSession, cache: Cache, seller: User, item_id: uuid.UUID
) -> None:
    """Soft delete: the listing disappears everywhere; orders keep pointing at it."""
    item = await ItemRepository(session).owned_for_update(item_id, seller.id)
    if item is None:
        raise ItemNotFound()
    if item.reserved > 0:
        raise StatusChangeNotAllowed("A checkout holds this listing; it cannot be deleted now.")
    item.status = ItemStatus.deleted
    item.version += 1
    append_event(session, "item.deleted", item.id, actor_id=seller.id)
    await session.flush()
    on_commit(session, lambda: cache.delete(item_cache_key(item.id)))
