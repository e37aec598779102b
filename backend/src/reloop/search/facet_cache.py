"""A search's facet counts, kept in Redis for a minute and shared by its sorts and pages.

The facets statement is the heavier half of a search (a common word: about 20 ms of
PostgreSQL on the `1m` set, against 1 to 16 ms for the page), and its answer does not depend
on the sort, the cursor or the page size. Infinite scroll asks for it with every page and
a change of sort asks again, so each search's counts are computed once and reused for
`FACET_TTL_S`. Counts are already capped and sampled (`facets.py`), so a listing published
or sold in the last minute being missed or counted is within what they promise; the
results themselves are never cached here.

Visitors share one group. A member's counts leave out the members they blocked or who
blocked them, so each member has their own, in the group that `viewer_cache_group` names:
a block or unblock drops it for both members at once. With Redis down every search counts
afresh.
"""

import hashlib
import uuid

import orjson

from reloop.access.visibility import viewer_cache_group
from reloop.kit.cache import Cache
from reloop.search.filters import Filters

FACET_TTL_S = 60
VISITORS_GROUP = "search:facets"
_FIELD_PREFIX = "search:facets:"

FacetRow = tuple[str, str | None, int]


def _group(viewer_id: uuid.UUID | None) -> str:
    return VISITORS_GROUP if viewer_id is None else viewer_cache_group(viewer_id)


def _field(filters: Filters) -> str:
    # Taxonomy ids may be the driver's own UUID type, which orjson leaves to `default`.
    digest = hashlib.sha256(orjson.dumps(filters, default=str)).hexdigest()[:32]
    return _FIELD_PREFIX + digest


class FacetCache:
    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    async def get(self, viewer_id: uuid.UUID | None, filters: Filters) -> list[FacetRow] | None:
        """The facets statement's rows for this search, or `None` when not kept."""
        stored = await self.cache.get_field(_group(viewer_id), _field(filters))
        if stored is None:
            return None
        return [(facet, value, count) for facet, value, count in orjson.loads(stored)]

    async def put(
        self, viewer_id: uuid.UUID | None, filters: Filters, rows: list[FacetRow]
    ) -> None:
        await self.cache.set_field(
            _group(viewer_id), _field(filters), orjson.dumps(rows), FACET_TTL_S
        )
