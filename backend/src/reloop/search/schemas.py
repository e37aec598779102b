"""Search requests and answers: the query, its filters, result pages with facets."""

import uuid
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from reloop.items.schemas import ItemCard
from reloop.kit.money import MAX_AMOUNT
from reloop.kit.schemas import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Schema, UtcDatetime

MAX_QUERY_LENGTH = 200
MAX_FILTER_VALUES = 20


class SearchSort(StrEnum):
    relevance = "relevance"
    newest = "newest"
    price_asc = "price_asc"
    price_desc = "price_desc"


Amount = Annotated[int, Field(ge=0, le=MAX_AMOUNT, description="Minor units (cents).")]


class SearchQuery(Schema):
    """What to look for: free text and filters. Every field is optional.

    Ids and keys are those of the taxonomy endpoints; an unknown one is a 422. A parent
    category includes its whole subtree.
    """

    q: str = Field(default="", max_length=MAX_QUERY_LENGTH)
    category: uuid.UUID | None = None
    brand: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    size: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    condition: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    color: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    price_min: Amount | None = None
    price_max: Amount | None = Field(default=None, description="Inclusive, in cents.")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    city: str | None = Field(default=None, min_length=1, max_length=80)
    lat: float | None = Field(default=None, ge=-90, le=90, description="Near here: latitude.")
    lon: float | None = Field(default=None, ge=-180, le=180, description="Near here: longitude.")
    radius_km: float = Field(
        default=25, gt=0, le=500, description="How near, with `lat` and `lon`, in kilometres."
    )

    @model_validator(mode="after")
    def _consistent(self) -> "SearchQuery":
        if (
            self.price_min is not None
            and self.price_max is not None
            and self.price_min > self.price_max
        ):
            raise ValueError("price_min must not be above price_max")
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together")
        return self


class FacetValue(Schema):
    """One value of a facet: how many results it would leave, and whether it is chosen."""

    value: str = Field(description="The id or key to filter by.")
    label: str
    count: int
    selected: bool


class PriceBand(Schema):
    """A price range; choosing it filters `price_min=min` and `price_max=max - 1`."""

    min: Amount | None
    max: Amount | None = Field(description="Exclusive upper bound; none for the top band.")
    count: int
    selected: bool


class LocationFacet(Schema):
    country: str
    city: str
    count: int


class Facets(Schema):
    """Counts over the filtered results, each facet ignoring its own filter."""

    categories: list[FacetValue]
    brands: list[FacetValue] = Field(description="The top brands, and every selected one.")
    sizes: list[FacetValue]
    conditions: list[FacetValue]
    colors: list[FacetValue]
    price_bands: list[PriceBand]
    locations: list[LocationFacet]


class ResultCount(Schema):
    value: int
    capped: bool = Field(description="True when there are at least `value` results.")


class SearchPage(Schema):
    items: list[ItemCard]
    next_cursor: str | None = None
    total: ResultCount
    facets: Facets
    corrected_query: str | None = Field(
        default=None,
        description="The words searched for when a typo was corrected (`adiddas` → `adidas`).",
    )


class BrandSuggestion(Schema):
    id: uuid.UUID
    name: str


class CategorySuggestion(Schema):
    id: uuid.UUID
    name: str
    path: list[str] = Field(description="Names from the root down to this category.")


class Suggestions(Schema):
    brands: list[BrandSuggestion]
    categories: list[CategorySuggestion]
    queries: list[str] = Field(description="Popular searches that start like this one.")


AlertChannel = Literal["in_app", "email"]


class SavedSearchCreate(Schema):
    name: str = Field(min_length=1, max_length=80)
    query: SearchQuery
    email_alerts: bool = Field(default=False, description="Also a daily email of new matches.")


class SavedSearch(Schema):
    id: uuid.UUID
    name: str
    query: SearchQuery
    summary: str = Field(
        description="The search in words: “dress” · Dresses · Zara · up to 30.00 EUR."
    )
    email_alerts: bool
    created_at: UtcDatetime


class SavedSearchList(Schema):
    items: list[SavedSearch]


class RecentSearch(Schema):
    query: SearchQuery
    summary: str = Field(description="The search in words, as for saved searches.")
    searched_at: UtcDatetime


class RecentSearchList(Schema):
    items: list[RecentSearch]


class SearchParams(SearchQuery):
    """The query string of a search page: the query, its sort and where the page starts."""

    sort: SearchSort = SearchSort.relevance
    limit: int = Field(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    cursor: str | None = Field(default=None, max_length=512)

    def query(self) -> SearchQuery:
        return SearchQuery.model_validate(self.model_dump(exclude={"sort", "limit", "cursor"}))
