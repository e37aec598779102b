"""The whole taxonomy in memory: a few hundred rows, read constantly, changed by deploys.

Loaded from the database once per process on first use (five small queries) and then
served without SQL: item validation, item rendering and the taxonomy endpoints all read
this snapshot. Taxonomy changes ship as migrations, which come with a restart.
"""

import uuid
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from reloop.kit.db import Reads
from reloop.kit.hot_reads import HotReads
from reloop.models.taxonomy import Brand, Category, Color, Condition, Size, SizeGroup


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    slug: str
    name: str
    is_leaf: bool
    size_group_id: uuid.UUID | None
    position: int


@dataclass(frozen=True, slots=True)
class SizeInfo:
    id: uuid.UUID
    group_id: uuid.UUID
    key: str
    label: str
    position: int


@dataclass(frozen=True, slots=True)
class BrandInfo:
    id: uuid.UUID
    slug: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NamedInfo:
    key: str
    name: str
    detail: str  # a condition's description, a colour's hex
    position: int


@dataclass
class Taxonomy:
    categories: dict[uuid.UUID, CategoryInfo] = field(default_factory=dict)
    children: dict[uuid.UUID | None, list[CategoryInfo]] = field(default_factory=dict)
    size_groups: dict[uuid.UUID, str] = field(default_factory=dict)
    sizes: dict[uuid.UUID, SizeInfo] = field(default_factory=dict)
    sizes_by_group: dict[uuid.UUID, list[SizeInfo]] = field(default_factory=dict)
    brands: dict[uuid.UUID, BrandInfo] = field(default_factory=dict)
    conditions: dict[str, NamedInfo] = field(default_factory=dict)
    colors: dict[str, NamedInfo] = field(default_factory=dict)

    def path(self, category_id: uuid.UUID) -> list[CategoryInfo]:
        """The category and its ancestors, root first."""
        chain = []
        current: uuid.UUID | None = category_id
        while current is not None:
            info = self.categories[current]
            chain.append(info)
            current = info.parent_id
        return list(reversed(chain))

    @cached_property
    def brands_by_name(self) -> list[BrandInfo]:
        """Every brand, A to Z (casefolded). Built on first use, once the snapshot is
        complete, like the two indexes below that keystrokes' suggestions scan."""
        return sorted(self.brands.values(), key=lambda b: b.name.casefold())

    @cached_property
    def brand_names(self) -> dict[str, BrandInfo]:
        """Every brand name and alias, casefolded, with its brand (the first brand A to Z
        when two share one)."""
        names: dict[str, BrandInfo] = {}
        for brand in self.brands_by_name:
            for name in (brand.name, *brand.aliases):
                names.setdefault(name.casefold(), brand)
        return names

    @cached_property
    def _brand_search_rows(self) -> list[tuple[BrandInfo, str]]:
        # Each brand's casefolded names in one string, each after a NUL: "starts with" is
        # one substring test for NUL + query, "contains" one for the query.
        return [
            (b, "".join(f"\0{n.casefold()}" for n in (b.name, *b.aliases)))
            for b in self.brands_by_name
        ]

    def search_brands(self, query: str, limit: int) -> list[BrandInfo]:
        """Brands whose name or an alias starts with `query` (then contains it), A to Z."""
        needle = query.strip().casefold().replace("\0", "")
        starts = f"\0{needle}"
        prefix: list[BrandInfo] = []
        inner: list[BrandInfo] = []
        for brand, names in self._brand_search_rows:
            if starts in names:
                prefix.append(brand)
                if len(prefix) == limit:
                    break
            elif len(inner) < limit and len(needle) >= 3 and needle in names:
                inner.append(brand)
        return (prefix + inner)[:limit]


_snapshot: Taxonomy | None = None


async def _load(session: AsyncSession) -> Taxonomy:
    taxonomy = Taxonomy()
    for c in (
        await session.scalars(select(Category).order_by(Category.depth, Category.position))
    ).all():
        info = CategoryInfo(
            c.id, c.parent_id, c.slug, c.name, c.is_leaf, c.size_group_id, c.position
        )
        taxonomy.categories[c.id] = info
        taxonomy.children.setdefault(c.parent_id, []).append(info)
    for g in (await session.scalars(select(SizeGroup))).all():
        taxonomy.size_groups[g.id] = g.key
    for s in (await session.scalars(select(Size).order_by(Size.position))).all():
        size = SizeInfo(s.id, s.group_id, s.key, s.label, s.position)
        taxonomy.sizes[s.id] = size
        taxonomy.sizes_by_group.setdefault(s.group_id, []).append(size)
    for b in (await session.scalars(select(Brand))).all():
        taxonomy.brands[b.id] = BrandInfo(b.id, b.slug, b.name, tuple(b.aliases))
    for cond in (await session.scalars(select(Condition).order_by(Condition.position))).all():
        taxonomy.conditions[cond.key] = NamedInfo(
            cond.key, cond.name, cond.description, cond.position
        )
    for col in (await session.scalars(select(Color).order_by(Color.position))).all():
        taxonomy.colors[col.key] = NamedInfo(col.key, col.name, col.hex, col.position)
    return taxonomy


async def get_taxonomy(reads: Reads) -> Taxonomy:
    """The snapshot; two requests racing to load it both load the same data (harmless)."""
    global _snapshot
    if _snapshot is None:
        if isinstance(reads, HotReads):
            async with reads.sessions() as session:
                _snapshot = await _load(session)
        elif isinstance(reads, AsyncConnection):
            async with AsyncSession(bind=reads) as session:
                _snapshot = await _load(session)
        else:
            _snapshot = await _load(reads)
    return _snapshot
