"""Listings over the real taxonomy, each with one processed-looking cover image row.

Sellers, publication dates and what is still for sale come from the plan; category,
brand, size, condition, colour and a log-uniform price (€3 to €300) are drawn per row.
The image rows are metadata only: no files are written.
"""

import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import asyncpg

from reloop.benchdata.copying import at, copy_rows
from reloop.benchdata.plan import Plan
from reloop.benchdata.progress import Progress
from reloop.benchdata.sizes import HOT_ITEM_PRICE
from reloop.kit.ids import new_id

_PLACEHOLDER = "data:image/webp;base64,UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAfQ//73v/+BiOh/AAA="
_VARIANTS = (
    '{"thumb": {"width": 320, "height": 400}, "medium": {"width": 960, "height": 1200},'
    ' "large": {"width": 1200, "height": 1500}}'
)


@dataclass
class _Vocabulary:
    leaves: list[tuple[uuid.UUID, uuid.UUID | None]]
    sizes: dict[uuid.UUID, list[uuid.UUID]]
    brands: list[uuid.UUID]
    conditions: list[str]
    colors: list[str]


async def _vocabulary(conn: asyncpg.Connection) -> _Vocabulary:
    leaves = [
        (r["id"], r["size_group_id"])
        for r in await conn.fetch("SELECT id, size_group_id FROM categories WHERE is_leaf")
    ]
    sizes: dict[uuid.UUID, list[uuid.UUID]] = {}
    for r in await conn.fetch("SELECT id, group_id FROM sizes"):
        sizes.setdefault(r["group_id"], []).append(r["id"])
    brands = [r["id"] for r in await conn.fetch("SELECT id FROM brands")]
    conditions = [
        r["key"] for r in await conn.fetch("SELECT key FROM conditions ORDER BY position")
    ]
    colors = [r["key"] for r in await conn.fetch("SELECT key FROM colors")]
    return _Vocabulary(leaves, sizes, brands, conditions, colors)


_ITEM_COLUMNS = (
    "id",
    "seller_id",
    "title",
    "description",
    "category_id",
    "brand_id",
    "size_id",
    "condition",
    "colors",
    "price_amount",
    "currency",
    "quantity",
    "reserved",
    "status",
    "country_code",
    "city",
    "like_count",
    "save_count",
    "comment_count",
    "view_count",
    "popularity",
    "version",
    "published_at",
    "created_at",
    "updated_at",
)
_IMAGE_COLUMNS = (
    "id",
    "owner_id",
    "item_id",
    "position",
    "purpose",
    "status",
    "declared_type",
    "size_bytes",
    "width",
    "height",
    "dominant_color",
    "placeholder",
    "variants",
    "processed_at",
    "created_at",
    "updated_at",
)


async def load_items(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: Plan,
    member_ids: list[uuid.UUID],
    item_ids: list[uuid.UUID],
    progress: Progress,
) -> None:
    """Listings with their exact counters, then one cover image row each."""
    words = await _vocabulary(conn)
    likes = plan.likes.per_target(len(item_ids))
    saves = plan.saves.per_target(len(item_ids))
    low, high = math.log(300), math.log(30_000)

    def items() -> Iterator[tuple[object, ...]]:
        for n, item_id in enumerate(item_ids):
            leaf, group = rng.choice(words.leaves)
            published = at(plan.item_published[n])
            price = HOT_ITEM_PRICE if n == plan.hot_item else int(math.exp(rng.uniform(low, high)))
            yield (
                item_id,
                member_ids[plan.item_seller[n]],
                f"Bench listing {n}",
                "Benchmark listing description.",
                leaf,
                rng.choice(words.brands) if rng.random() < 0.8 else None,
                rng.choice(words.sizes[group]) if group else None,
                rng.choice(words.conditions),
                [rng.choice(words.colors)],
                price,
                "EUR",
                1,
                0,
                "active" if plan.item_active[n] else "sold",
                "FR",
                "Lyon",
                likes[n],
                saves[n],
                plan.comments_per_item[n],
                rng.randrange(0, 500),
                0.0,
                1,
                published,
                published,
                published,
            )

    def images() -> Iterator[tuple[object, ...]]:
        for n, item_id in enumerate(item_ids):
            published = at(plan.item_published[n])
            yield (
                new_id(),
                member_ids[plan.item_seller[n]],
                item_id,
                0,
                "item",
                "ready",
                "image/jpeg",
                250_000,
                1200,
                1500,
                "#8a7f72",
                _PLACEHOLDER,
                _VARIANTS,
                published,
                published,
                published,
            )

    await copy_rows(conn, "items", _ITEM_COLUMNS, items(), len(item_ids), progress)
    await copy_rows(conn, "images", _IMAGE_COLUMNS, images(), len(item_ids), progress)
