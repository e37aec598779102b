"""A search in words, for lists of saved and recent searches: “dress” · Dresses · Zara."""

from reloop.notifications.texts import format_price
from reloop.search.schemas import SearchQuery
from reloop.taxonomy.snapshot import Taxonomy


def _price(query: SearchQuery) -> str | None:
    low, high = query.price_min, query.price_max
    if low is not None and high is not None:
        return f"{format_price(low, 'EUR')} to {format_price(high, 'EUR')}"
    if low is not None:
        return f"from {format_price(low, 'EUR')}"
    if high is not None:
        return f"up to {format_price(high, 'EUR')}"
    return None


def describe(query: SearchQuery, taxonomy: Taxonomy) -> str:
    """The search's words and filters by name, in the order the search page shows them;
    values the taxonomy no longer has are left out."""
    parts: list[str | None] = [f"“{query.q.strip()}”" if query.q.strip() else None]
    if query.category and query.category in taxonomy.categories:
        parts.append(" / ".join(c.name for c in taxonomy.path(query.category)))
    parts.append(", ".join(taxonomy.brands[b].name for b in query.brand if b in taxonomy.brands))
    parts.append(", ".join(taxonomy.sizes[s].label for s in query.size if s in taxonomy.sizes))
    parts.append(
        ", ".join(taxonomy.conditions[c].name for c in query.condition if c in taxonomy.conditions)
    )
    parts.append(", ".join(taxonomy.colors[c].name for c in query.color if c in taxonomy.colors))
    parts.append(_price(query))
    parts.append(", ".join(p for p in (query.city, query.country) if p))
    if query.lat is not None:
        parts.append(f"within {query.radius_km:g} km")
    return " · ".join(p for p in parts if p) or "Everything"
