"""`reloop seed --bench SIZE`: load-test data at scale, written with COPY.

Realistic shapes rather than realistic prose: members, listings spread over the real
taxonomy with skewed seller sizes and prices by category, one processed-looking image
row per listing (metadata only; no files). Runs against an empty-ish database in
seconds for `small` (1k members, 10k listings); indexes stay in place and `ANALYZE`
runs at the end so plans match production.
"""

import math
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import asyncpg

from reloop.kit.ids import new_id
from reloop.kit.security.passwords import hash_password


@dataclass(frozen=True)
class BenchSize:
    members: int
    items: int


SIZES = {"small": BenchSize(members=1_000, items=10_000)}
BENCH_PASSWORD = "bench member passphrase"  # noqa: S105 (benchmark data only)
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


async def seed(
    database_url: str, size: str, progress: Callable[[str, int, int], None]
) -> BenchSize:
    """Insert `size` worth of members and listings; returns what was asked for."""
    spec = SIZES[size]
    rng = random.Random(20261124)  # noqa: S311 (reproducible data, not secrets)
    now = datetime.now(UTC)
    conn = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        vocabulary = await _vocabulary(conn)
        leaves, sizes, brands = vocabulary.leaves, vocabulary.sizes, vocabulary.brands
        conditions, colors = vocabulary.conditions, vocabulary.colors
        password_hash = await hash_password(BENCH_PASSWORD)
        members = []
        for n in range(spec.members):
            joined = now - timedelta(days=rng.uniform(30, 720))
            members.append(
                (
                    new_id(),
                    f"bench{n}@example.com",
                    f"bench_{n}",
                    password_hash,
                    "member",
                    joined,
                    f"Bench member {n}",
                    "FR",
                    "Lyon",
                    joined,
                    joined,
                )
            )
        # citext has no binary COPY codec; a thousand parameterised inserts take a moment.
        await conn.executemany(
            "INSERT INTO users (id, email, username, password_hash, role, email_verified_at,"
            " display_name, country_code, city, created_at, updated_at)"
            " VALUES ($1, $2::text, $3::text, $4, $5, $6, $7, $8, $9, $10, $11)",
            members,
        )
        progress("members", spec.members, spec.members)
        # Zipf-like sellers: a few sell a lot, most sell little.
        weights = [1 / (rank + 1) ** 1.1 for rank in range(spec.members)]
        items, images = [], []
        for n in range(spec.items):
            seller = rng.choices(members, weights=weights)[0]
            leaf, group = rng.choice(leaves)
            published = now - timedelta(minutes=rng.uniform(0, 60 * 24 * 90))
            status = "sold" if rng.random() < 0.1 else "active"
            item_id = new_id()
            items.append(
                (
                    item_id,
                    seller[0],
                    f"Bench listing {n}",
                    "Benchmark listing description.",
                    leaf,
                    rng.choice(brands) if rng.random() < 0.8 else None,
                    rng.choice(sizes[group]) if group else None,
                    rng.choice(conditions),
                    [rng.choice(colors)],
                    int(math.exp(rng.uniform(math.log(300), math.log(30000)))),
                    "EUR",
                    1,
                    0,
                    status,
                    "FR",
                    "Lyon",
                    int(rng.paretovariate(1.5)) - 1,
                    0,
                    0,
                    rng.randrange(0, 500),
                    0.0,
                    1,
                    published,
                    published,
                    published,
                )
            )
            images.append(
                (
                    new_id(),
                    seller[0],
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
            )
        await conn.copy_records_to_table(
            "items",
            records=items,
            columns=[
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
            ],
        )
        progress("listings", spec.items, spec.items)
        await conn.copy_records_to_table(
            "images",
            records=images,
            columns=[
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
            ],
        )
        progress("images", spec.items, spec.items)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return spec
