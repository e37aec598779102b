"""Queries on images."""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

import orjson
from sqlalchemy import ColumnElement, Text, Uuid, any_, bindparam, cast, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY, distinct_on

from reloop.kit.db import Reads
from reloop.kit.driver_select import DriverSelect
from reloop.kit.repository import Repository
from reloop.models.item import PUBLIC_STATUSES, Item
from reloop.models.media import Image, ImagePurpose, ImageStatus, variant_key
from reloop.models.user import User


class Cover(NamedTuple):
    """The first ready photo of a listing, as a card shows it: columns, not an entity.

    Every page of cards reads 24 of them, and loading them as ORM entities (identity map,
    instance state) cost more than the statement itself. The variants come as the JSON
    text PostgreSQL stores: a card's cover is rendered once per image and kept
    (`media.service.image_json`), so they are parsed only then, not on every read (24
    parses were 5 % of a feed page's CPU).
    """

    id: uuid.UUID
    item_id: uuid.UUID
    status: ImageStatus
    failure_reason: str | None
    width: int | None
    height: int | None
    dominant_color: str | None
    placeholder: str | None
    variants_json: str

    @property
    def variants(self) -> dict[str, Any]:
        parsed: dict[str, Any] = orjson.loads(self.variants_json)
        return parsed

    def variant_key(self, variant: str, extension: str) -> str:
        return variant_key(self.id, variant, extension)


def _cover_column(name: str) -> ColumnElement[Any]:
    if name == "variants_json":
        return cast(Image.variants, Text).label(name)
    column: ColumnElement[Any] = getattr(Image, name)
    return column


# Built once, with the ids as one array parameter: the same SQL (and the same prepared
# statement) for a page of any size; reads run it on the driver (`kit.driver_select`).
_COVERS = DriverSelect(
    select(*(_cover_column(name) for name in Cover._fields))
    .ext(distinct_on(Image.item_id))
    .where(
        Image.item_id == any_(bindparam("item_ids", type_=ARRAY(Uuid))),
        Image.status == ImageStatus.ready,
    )
    .order_by(Image.item_id, Image.position)
)


async def read_covers(reads: Reads, item_ids: Sequence[uuid.UUID]) -> list[Cover]:
    """The first ready image of each item."""
    rows = await _COVERS.rows(reads, {"item_ids": list(item_ids)})
    return [Cover(*row) for row in rows]


class ImageRepository(Repository[Image]):
    model = Image

    async def owned(self, image_id: uuid.UUID, owner_id: uuid.UUID) -> Image | None:
        result = await self.session.execute(
            select(Image).where(Image.id == image_id, Image.owner_id == owner_id)
        )
        return result.scalar_one_or_none()

    async def owned_many(self, ids: Sequence[uuid.UUID], owner_id: uuid.UUID) -> Sequence[Image]:
        result = await self.session.execute(
            select(Image).where(Image.id.in_(ids), Image.owner_id == owner_id).with_for_update()
        )
        return result.scalars().all()

    async def bytes_used(self, owner_id: uuid.UUID) -> int:
        result = await self.session.execute(
            select(func.coalesce(func.sum(Image.size_bytes), 0)).where(
                Image.owner_id == owner_id, Image.status != ImageStatus.failed
            )
        )
        return int(result.scalar_one())

    async def for_items(self, item_ids: Sequence[uuid.UUID]) -> Sequence[Image]:
        """Ready images of several items, in display order: one statement for a page."""
        result = await self.session.execute(
            select(Image)
            .where(Image.item_id.in_(item_ids), Image.status == ImageStatus.ready)
            .order_by(Image.item_id, Image.position)
        )
        return result.scalars().all()

    async def for_item_page(
        self, item_id: uuid.UUID, avatar_id: uuid.UUID | None
    ) -> tuple[list[Image], Image | None]:
        """An item's ready photos in order, and its seller's avatar: one statement."""
        condition = Image.item_id == item_id
        if avatar_id is not None:
            condition = or_(condition, Image.id == avatar_id)
        result = await self.session.execute(
            select(Image)
            .where(condition, Image.status == ImageStatus.ready)
            .order_by(Image.position)
        )
        found = result.scalars().all()
        photos = [i for i in found if i.item_id == item_id and i.id != avatar_id]
        avatar = next((i for i in found if i.id == avatar_id), None)
        return photos, avatar

    async def is_public(self, image: Image) -> bool:
        """On a listing others can see, or a member's avatar."""
        if image.purpose is ImagePurpose.avatar:
            found = await self.session.execute(
                select(User.id).where(User.avatar_image_id == image.id, User.deleted_at.is_(None))
            )
            return found.first() is not None
        if image.item_id is None:
            return False
        found = await self.session.execute(
            select(Item.id).where(Item.id == image.item_id, Item.status.in_(PUBLIC_STATUSES))
        )
        return found.first() is not None

    async def orphans(self, older_than: datetime, limit: int) -> Sequence[Image]:
        """Item photos never attached to an item; avatars are attached by the profile."""
        result = await self.session.execute(
            select(Image)
            .where(
                Image.item_id.is_(None),
                Image.purpose == ImagePurpose.item,
                Image.created_at < older_than,
            )
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return result.scalars().all()
