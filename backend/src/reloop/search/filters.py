"""A search resolved against the taxonomy, and its filters as SQL conditions.

Each filter is a named condition, so a facet can leave out its own filter and count the
alternatives a member could switch to.
"""

import math
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, String, and_, func
from sqlalchemy.dialects.postgresql import TSQUERY, array

from reloop.models.item import Item
from reloop.search.errors import UnknownFilterValue
from reloop.search.schemas import SearchQuery
from reloop.taxonomy.snapshot import Taxonomy

TEXT_CONFIG = "english"
EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180


@dataclass(frozen=True, slots=True)
class Filters:
    """A search with ids checked and a category expanded to its subtree."""

    text: str
    category_ids: tuple[uuid.UUID, ...] | None
    brand_ids: tuple[uuid.UUID, ...]
    size_ids: tuple[uuid.UUID, ...]
    conditions: tuple[str, ...]
    colors: tuple[str, ...]
    price_min: int | None
    price_max: int | None
    country: str | None
    city: str | None
    near: tuple[float, float, float] | None  # latitude, longitude, radius in km

    def with_text(self, text: str) -> "Filters":
        return Filters(
            text,
            self.category_ids,
            self.brand_ids,
            self.size_ids,
            self.conditions,
            self.colors,
            self.price_min,
            self.price_max,
            self.country,
            self.city,
            self.near,
        )


def subtree(taxonomy: Taxonomy, category_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
    """The category and every category under it."""
    found, stack = [], [category_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(child.id for child in taxonomy.children.get(current, []))
    return tuple(found)


def resolve(query: SearchQuery, taxonomy: Taxonomy) -> Filters:
    """Check every id and key against the taxonomy; `UnknownFilterValue` names the bad ones."""
    problems: list[dict[str, str]] = []

    def unknown(field: str, values: list[str]) -> None:
        problems.extend({"field": field, "message": f"Unknown value {v}."} for v in values)

    if query.category is not None and query.category not in taxonomy.categories:
        unknown("category", [str(query.category)])
    unknown("brand", [str(b) for b in query.brand if b not in taxonomy.brands])
    unknown("size", [str(s) for s in query.size if s not in taxonomy.sizes])
    unknown("condition", [c for c in query.condition if c not in taxonomy.conditions])
    unknown("color", [c for c in query.color if c not in taxonomy.colors])
    if problems:
        raise UnknownFilterValue(details={"fields": problems})
    return Filters(
        text=" ".join(query.q.split()),
        category_ids=subtree(taxonomy, query.category) if query.category else None,
        brand_ids=tuple(dict.fromkeys(query.brand)),
        size_ids=tuple(dict.fromkeys(query.size)),
        conditions=tuple(dict.fromkeys(query.condition)),
        colors=tuple(dict.fromkeys(query.color)),
        price_min=query.price_min,
        price_max=query.price_max,
        country=query.country,
        city=query.city.strip() if query.city else None,
        near=(query.lat, query.lon, query.radius_km)
        if query.lat is not None and query.lon is not None
        else None,
    )


def text_query(text: str) -> ColumnElement[str]:
    """`websearch_to_tsquery`: quotes, `or` and `-word` work; any other syntax is text.
    Accents are removed on both sides, as listings are indexed."""
    return func.websearch_to_tsquery(TEXT_CONFIG, func.unaccent(text), type_=TSQUERY)


def matches_text(text: str) -> ColumnElement[bool]:
    return Item.search_vector.op("@@")(text_query(text))


def facet_conditions(filters: Filters) -> dict[str, ColumnElement[bool]]:
    """Each active filter as a condition on `items`, keyed by the facet that relaxes it."""
    found: dict[str, ColumnElement[bool]] = {}
    if filters.category_ids is not None:
        found["category"] = Item.category_id.in_(filters.category_ids)
    if filters.brand_ids:
        found["brand"] = Item.brand_id.in_(filters.brand_ids)
    if filters.size_ids:
        found["size"] = Item.size_id.in_(filters.size_ids)
    if filters.conditions:
        found["condition"] = Item.condition.in_(filters.conditions)
    if filters.colors:
        found["color"] = Item.colors.bool_op("&&")(array(filters.colors, type_=String(30)))
    price = []
    if filters.price_min is not None:
        price.append(Item.price_amount >= filters.price_min)
    if filters.price_max is not None:
        price.append(Item.price_amount <= filters.price_max)
    if price:
        found["price"] = and_(*price)
    location = []
    if filters.country is not None:
        location.append(Item.country_code == filters.country)
    if filters.city is not None:
        location.append(func.lower(Item.city) == filters.city.lower())
    if filters.near is not None:
        location.append(within(*filters.near))
    if location:
        found["location"] = and_(*location)
    return found


def within(latitude: float, longitude: float, radius_km: float) -> ColumnElement[bool]:
    """Listings whose town is within `radius_km`: a bounding box the position index can
    range over, then the great-circle (haversine) distance for the corners."""
    lat_span = radius_km / KM_PER_DEGREE
    lon_span = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
    lat1, lon1 = math.radians(latitude), math.radians(longitude)
    lat2, lon2 = func.radians(Item.latitude), func.radians(Item.longitude)
    haversine = func.power(func.sin((lat2 - lat1) / 2), 2) + math.cos(lat1) * func.cos(
        lat2
    ) * func.power(func.sin((lon2 - lon1) / 2), 2)
    return and_(
        Item.latitude.between(latitude - lat_span, latitude + lat_span),
        Item.longitude.between(longitude - lon_span, longitude + lon_span),
        2 * EARTH_RADIUS_KM * func.asin(func.sqrt(haversine)) <= radius_km,
    )
