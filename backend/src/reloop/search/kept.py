"""What a search keeps in Redis for a minute: its facet counts and its relevance window.

Both are the heavy statements of a common word's search (on the `1m` set the facets take
about 20 ms of PostgreSQL and the relevance window, the 300 newest matches walked through
the published index, about 16 ms, against a millisecond for a page of cards), and neither
depends on the cursor or the page size. Infinite scroll asks for a page at a time and a
change of sort asks again, so each search computes them once and reuses them for
`KEPT_TTL_S`:

- the facets statement's rows, for every sort of the search. Counts are already capped
  and sampled (`facets.py`), so a listing published or sold within the minute being
  missed or still counted stays within what they promise;
- the relevance window, the ranked ids of its 300 newest matches. Its pages are slices of
  one window, so they never repeat or skip a listing while new ones arrive; each page
  still reads its listings afresh, leaving out any sold or hidden since (`results.py`).

Visitors share one group. What a member sees leaves out the members they blocked or who
blocked them, so each member has their own, in the group that `viewer_cache_group` names:
a block or an unblock drops it for both members at once. With Redis down every search
runs in full.
"""

import hashlib
import uuid

import orjson

from reloop.access.visibility import viewer_cache_group
from reloop.kit.cache import Cache
from reloop.search.filters import Filters

KEPT_TTL_S = 60
VISITORS_GROUP = "search:kept"

FacetRow = tuple[str, str | None, int]
WindowEntry = tuple[uuid.UUID, float]  # a listing and its rank


def _group(viewer_id: uuid.UUID | None) -> str:
    return VISITORS_GROUP if viewer_id is None else viewer_cache_group(viewer_id)


def _field(kind: str, filters: Filters) -> str:
    # Taxonomy ids may be the driver's own UUID type, which orjson leaves to `default`.
    digest = hashlib.sha256(orjson.dumps(filters, default=str)).hexdigest()[:32]
    return f"search:{kind}:{digest}"


class KeptSearch:
    def __init__(self, cache: Cache, viewer_id: uuid.UUID | None) -> None:
        self.cache = cache
        self.viewer_id = viewer_id
        self.group = _group(viewer_id)

    async def facets(self, filters: Filters) -> list[FacetRow] | None:
        """The facets statement's rows for this search, or `None` when not kept."""
        stored = await self.cache.get_field(self.group, _field("facets", filters))
        if stored is None:
            return None
        return [(facet, value, count) for facet, value, count in orjson.loads(stored)]

    async def keep_facets(self, filters: Filters, rows: list[FacetRow]) -> None:
        await self.cache.set_field(
            self.group, _field("facets", filters), orjson.dumps(rows), KEPT_TTL_S
        )

    async def window(self, filters: Filters) -> list[WindowEntry] | None:
        """The relevance window of this search, best first, or `None` when not kept."""
        stored = await self.cache.get_field(self.group, _field("window", filters))
        if stored is None:
            return None
        return [(uuid.UUID(item_id), rank) for item_id, rank in orjson.loads(stored)]

    async def keep_window(self, filters: Filters, window: list[WindowEntry]) -> None:
        # The driver's own UUID type is left to `default`.
        payload = orjson.dumps(window, default=str)
        await self.cache.set_field(self.group, _field("window", filters), payload, KEPT_TTL_S)
