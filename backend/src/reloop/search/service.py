"""Search: the results page, its facets and the typo retry."""

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.items.cards import CardJson, item_cards
from reloop.kit.cache import Cache
from reloop.kit.cursor import CursorCodec
from reloop.kit.rendering import render_json
from reloop.kit.storage import Storage
from reloop.media.repository import read_covers
from reloop.search import terms
from reloop.search.facets import FacetCounts, facet_counts
from reloop.search.filters import Filters, resolve
from reloop.search.kept import KeptSearch
from reloop.search.results import decode_after, encode_key, result_rows
from reloop.search.schemas import Facets, ResultCount, SearchParams
from reloop.taxonomy.snapshot import Taxonomy, get_taxonomy


@dataclass(slots=True)
class SearchResults:
    """A `SearchPage`: its cards written by `items.cards`, the rest by their schemas."""

    items: list[CardJson]
    next_cursor: str | None
    total: ResultCount
    facets: Facets
    corrected_query: str | None = None

    def json(self) -> bytes:
        return render_json(
            {
                "items": self.items,
                "next_cursor": self.next_cursor,
                "total": orjson.Fragment(self.total.model_dump_json()),
                "facets": orjson.Fragment(self.facets.model_dump_json()),
                "corrected_query": self.corrected_query,
            }
        )


def _codec(settings: Settings, params: SearchParams) -> CursorCodec:
    """Cursors are scoped to the exact search and sort, so one never leaks into another."""
    scope = orjson.dumps(
        params.model_dump(mode="json", exclude={"limit", "cursor"}), option=orjson.OPT_SORT_KEYS
    )
    digest = hashlib.sha256(scope).hexdigest()[:24]
    return CursorCodec(settings.secret_key.get_secret_value(), f"search:{digest}")


async def search(
    session: AsyncSession,
    cache: Cache,
    storage: Storage,
    settings: Settings,
    viewer_id: uuid.UUID | None,
    params: SearchParams,
) -> SearchResults:
    """One page of results with the facets of the whole result set.

    Statements: facets, results, covers (plus the member's session); the facets are
    skipped when this search's counts were kept (its other pages and sorts, within a
    minute), and relevance reads a kept window's listings by id. A query with words that
    finds nothing on its first page is corrected and run again (three more).
    """
    taxonomy = await get_taxonomy(session)
    filters = resolve(params.query(), taxonomy)
    codec = _codec(settings, params)
    after = decode_after(codec, params.cursor, params.sort, filters)
    kept = KeptSearch(cache, viewer_id)
    counts = await facet_counts(session, kept, taxonomy, filters)
    corrected: str | None = None
    # Later pages of a corrected search come with the words as typed: they are corrected
    # the same way again, so the cursor keeps walking the same results.
    if counts.total.value == 0 and filters.text:
        fixed = await terms.corrected(session, filters.text)
        if fixed is not None:
            retry = filters.with_text(fixed)
            retry_counts = await facet_counts(session, kept, taxonomy, retry)
            if retry_counts.total.value:
                filters, counts, corrected = retry, retry_counts, fixed
    page = await _page(session, kept, storage, taxonomy, codec, params, filters, counts, after)
    page.corrected_query = corrected
    return page


async def _page(
    session: AsyncSession,
    kept: KeptSearch,
    storage: Storage,
    taxonomy: Taxonomy,
    codec: CursorCodec,
    params: SearchParams,
    filters: Filters,
    counts: FacetCounts,
    after: tuple[Any, uuid.UUID] | None,
) -> SearchResults:
    items: list[CardJson] = []
    next_cursor = None
    if counts.total.value:
        rows = await result_rows(
            session,
            kept,
            filters,
            params.sort,
            params.limit,
            after,
            dense=counts.dense,
        )
        shown = rows[: params.limit]
        if len(rows) > params.limit:
            last = shown[-1]
            next_cursor = codec.encode([encode_key(params.sort, last.key), last.row.item.id])
        covers = await read_covers(session, [r.row.item.id for r in shown])
        items = item_cards([r.row for r in shown], covers, taxonomy, storage)
    return SearchResults(items, next_cursor, counts.total, counts.facets)
