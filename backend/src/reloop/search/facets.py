"""The result count and facet counts of a search, in one statement.

The result count stops at `COUNT_CAP` (then `capped`: "1,000+"): with facet filters
it is its own scan with every filter, without any it counts the facet sample. For the
facets, the text and visibility conditions pick a sample of at most `FACET_SAMPLE`
listings (materialized once); each facet counts over it with every filter but its own,
so its counts are the alternatives to what is chosen. Past the sample size facet counts
are lower bounds: counting every one of 200,000 "dress" listings would cost more than
the page itself, and nobody needs the exact number. Both sizes were set by the `1m`
benchmark (`bench/search.py`) to keep a common word's page within budget.
"""

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.util import ClauseAdapter

from reloop.access.visibility import visible_to
from reloop.models.item import Item, ItemStatus
from reloop.search.filters import Filters, facet_conditions, matches_text
from reloop.search.kept import KeptSearch
from reloop.search.schemas import (
    Facets,
    FacetValue,
    LocationFacet,
    PriceBand,
    ResultCount,
)
from reloop.taxonomy.snapshot import NamedInfo, Taxonomy

FACET_SAMPLE = 2_000
COUNT_CAP = 1_000
TOP_BRANDS = 12
TOP_LOCATIONS = 10
# Upper bounds in cents of the price bands; the last band is open.
PRICE_BAND_EDGES = (1_000, 2_500, 5_000, 10_000, 25_000)

_FACETS = ("category", "brand", "size", "condition", "color", "price", "location")


@dataclass(frozen=True, slots=True)
class FacetCounts:
    total: ResultCount
    facets: Facets
    dense: bool = False
    """At least `COUNT_CAP` matches: a sort index walk finds a page within a few
    tens of thousands of rows at worst."""


def _band_index(price: ColumnElement[int]) -> ColumnElement[int]:
    whens = [(price < edge, index) for index, edge in enumerate(PRICE_BAND_EDGES)]
    return case(*whens, else_=len(PRICE_BAND_EDGES))


def _statement(filters: Filters, viewer_id: uuid.UUID | None) -> CompoundSelect[*tuple[Any, ...]]:
    base_where = [Item.status == ItemStatus.active, visible_to(viewer_id, Item.seller_id)]
    if filters.text:
        base_where.append(matches_text(filters.text))
    base = (
        select(
            Item.id,
            Item.category_id,
            Item.brand_id,
            Item.size_id,
            Item.condition,
            Item.colors,
            Item.price_amount,
            Item.country_code,
            Item.city,
            Item.latitude,
            Item.longitude,
        )
        .where(*base_where)
        .limit(FACET_SAMPLE)
        .cte("base")
        .prefix_with("MATERIALIZED")
    )
    on_items = facet_conditions(filters)
    adapter = ClauseAdapter(base)
    conditions = {k: adapter.traverse(v) for k, v in on_items.items()}
    # The result count is exact up to the cap. With facet filters it is its own scan, so it
    # can use the filters' indexes and is not limited to what the sample happened to hold;
    # without any, the sample is that scan (it is larger than the cap), and scanning a
    # common word's matches a second time was a third of the statement's time.
    if on_items:
        matching = (
            select(Item.id).where(*base_where, *on_items.values()).limit(COUNT_CAP).subquery()
        )
    else:
        matching = select(base.c.id).limit(COUNT_CAP).subquery()

    def others(facet: str | None) -> ColumnElement[bool]:
        kept = [c for name, c in conditions.items() if name != facet]
        return and_(true(), *kept)

    def grouped(facet: str, value: ColumnElement[str]) -> Select[str, str, int]:
        return (
            select(literal(facet), value, func.count())
            .select_from(base)
            .where(others(facet))
            .group_by(value)
        )

    color = func.unnest(base.c.colors).table_valued("value").render_derived()
    branches = [
        select(literal("total"), literal(""), func.count()).select_from(matching),
        grouped("category", cast(base.c.category_id, String)),
        grouped("brand", cast(base.c.brand_id, String)),
        grouped("size", cast(base.c.size_id, String)),
        grouped("condition", base.c.condition),
        select(literal("color"), color.c.value, func.count())
        .select_from(base)
        .join(color, true())
        .where(others("color"))
        .group_by(color.c.value),
        grouped("price", cast(_band_index(base.c.price_amount), String)),
        grouped("location", base.c.country_code + literal("|") + base.c.city),
    ]
    return union_all(*branches)


async def facet_counts(
    session: AsyncSession,
    kept: KeptSearch,
    taxonomy: Taxonomy,
    filters: Filters,
) -> FacetCounts:
    """The result count and every facet, from one statement or from the counts `kept`
    for this search in the last minute (`kept.py`)."""
    rows = await kept.facets(filters)
    if rows is None:
        result = await session.execute(_statement(filters, kept.viewer_id))
        rows = [(facet, value, count) for facet, value, count in result]
        await kept.keep_facets(filters, rows)
    counts: dict[str, Counter[str]] = {name: Counter() for name in (*_FACETS, "total")}
    for facet, value, count in rows:
        if value is not None:
            counts[facet][value] += count
    total = counts["total"][""]
    capped = total >= COUNT_CAP
    return FacetCounts(
        dense=capped,
        total=ResultCount(value=total, capped=capped),
        facets=Facets(
            categories=_categories(taxonomy, filters, counts["category"]),
            brands=_brands(taxonomy, filters, counts["brand"]),
            sizes=[
                FacetValue(
                    value=str(size.id),
                    label=size.label,
                    count=counts["size"][str(size.id)],
                    selected=size.id in filters.size_ids,
                )
                for size in sorted(
                    (taxonomy.sizes[uuid.UUID(k)] for k in counts["size"]),
                    key=lambda s: (taxonomy.size_groups.get(s.group_id, ""), s.position),
                )
            ],
            conditions=_named(taxonomy.conditions, filters.conditions, counts["condition"]),
            colors=_named(taxonomy.colors, filters.colors, counts["color"]),
            price_bands=_price_bands(filters, counts["price"]),
            locations=[
                LocationFacet(country=key.split("|", 1)[0], city=key.split("|", 1)[1], count=n)
                for key, n in counts["location"].most_common(TOP_LOCATIONS)
            ],
        ),
    )


def _categories(taxonomy: Taxonomy, filters: Filters, leaves: Counter[str]) -> list[FacetValue]:
    """Counts for the level a member would pick next: the chosen category's children, or
    the top level. Listings sit in leaves, so counts roll up their paths."""
    chosen = filters.category_ids[0] if filters.category_ids else None
    level = taxonomy.children.get(chosen, []) if chosen else taxonomy.children.get(None, [])
    shown = {c.id for c in level}
    rolled: Counter[uuid.UUID] = Counter()
    for leaf, count in leaves.items():
        for ancestor in taxonomy.path(uuid.UUID(leaf)):
            if ancestor.id in shown:
                rolled[ancestor.id] += count
    return [
        FacetValue(value=str(c.id), label=c.name, count=rolled[c.id], selected=False)
        for c in level
        if rolled[c.id]
    ]


def _brands(taxonomy: Taxonomy, filters: Filters, counts: Counter[str]) -> list[FacetValue]:
    top = [uuid.UUID(k) for k, _ in counts.most_common(TOP_BRANDS)]
    chosen = [b for b in filters.brand_ids if b not in top]
    return [
        FacetValue(
            value=str(brand_id),
            label=taxonomy.brands[brand_id].name,
            count=counts[str(brand_id)],
            selected=brand_id in filters.brand_ids,
        )
        for brand_id in [*top, *chosen]
    ]


def _named(
    names: dict[str, NamedInfo], chosen: Sequence[str], counts: Counter[str]
) -> list[FacetValue]:
    infos = sorted(
        (info for key, info in names.items() if counts[key] or key in chosen),
        key=lambda info: info.position,
    )
    return [
        FacetValue(
            value=info.key, label=info.name, count=counts[info.key], selected=info.key in chosen
        )
        for info in infos
    ]


def _price_bands(filters: Filters, counts: Counter[str]) -> list[PriceBand]:
    lows = (None, *PRICE_BAND_EDGES)
    highs = (*PRICE_BAND_EDGES, None)
    return [
        PriceBand(
            min=low,
            max=high,
            count=counts[str(index)],
            # `price_max` is inclusive, a band's upper edge is not.
            selected=filters.price_min == low
            and filters.price_max == (None if high is None else high - 1),
        )
        for index, (low, high) in enumerate(zip(lows, highs, strict=True))
    ]
