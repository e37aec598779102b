"""The page of results for each sort, keyset-paginated on a stable order.

Every sort ends in the listing id, so equal keys never swap between pages. Two plans
matter at a million rows:

- a common word (at least `COUNT_CAP` matches): walk the sort's index and filter as it
  goes; matches are dense, so a page is found after a few dozen rows;
- a rare word (fewer than `COUNT_CAP` matches): the index walk would read most of the
  table before finding 24 matches, so the sort key is made an expression
  (`published_at + interval '0'`), which no index serves. PostgreSQL then takes the
  matches from the GIN index and sorts those few.

Relevance ranks (`ts_rank_cd`) the 300 newest matches: ranking all 200,000 listings
that say "dress" would cost more than the budget (a window of 10,000 took 320 ms on the
`1m` set, 1,000 about 200 ms, 300 about 80 ms for a word in 4 % of listings), and a
marketplace's best match is rarely a stale one. The window is kept for a minute
(`kept.py`): the statement that ranks it also returns the first page's cards, and later
pages read the listings of the next slice by id, leaving out any sold or hidden since.
"""

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Float,
    Integer,
    Select,
    Uuid,
    bindparam,
    func,
    literal_column,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.visibility import visible_to
from reloop.items.viewer import VIEWER_ID, CardRow, card_columns, card_row
from reloop.kit.cursor import CursorCodec, CursorValue
from reloop.kit.db import column_rows
from reloop.kit.errors import InvalidCursor
from reloop.models.item import Item, ItemStatus
from reloop.models.user import User
from reloop.search.filters import Filters, facet_conditions, matches_text, text_query
from reloop.search.kept import KeptSearch
from reloop.search.schemas import SearchSort

RELEVANCE_WINDOW = 300


@dataclass(frozen=True, slots=True)
class Ranked:
    row: CardRow
    key: Any


@dataclass(frozen=True, slots=True)
class _Order:
    expression: Any  # a column or an expression over one
    descending: bool


def _order(sort: SearchSort, filters: Filters, dense: bool) -> _Order:
    if sort is SearchSort.relevance:
        # With words, `_ranked_statement` orders by rank; without, by popularity.
        return _Order(Item.popularity, True)
    column: Any
    blind: Any
    if sort is SearchSort.newest:
        column = Item.published_at
        blind = Item.published_at + literal_column("interval '0'")
    else:
        column = Item.price_amount
        blind = Item.price_amount + 0
    expression = column if dense or not filters.text else blind
    return _Order(expression, sort is not SearchSort.price_asc)


def _after(order: _Order, key: CursorValue, row_id: uuid.UUID) -> ColumnElement[bool]:
    pair = tuple_(order.expression, Item.id)
    return pair < (key, row_id) if order.descending else pair > (key, row_id)


def decode_after(
    codec: CursorCodec, cursor: str | None, sort: SearchSort, filters: Filters
) -> tuple[Any, uuid.UUID] | None:
    if cursor is None:
        return None
    key, row_id = codec.decode(cursor, 2)
    if not isinstance(row_id, uuid.UUID):
        raise InvalidCursor()
    if sort is SearchSort.newest and isinstance(key, datetime):
        return key, row_id
    if sort in (SearchSort.price_asc, SearchSort.price_desc) and isinstance(key, int):
        return key, row_id
    if sort is SearchSort.relevance and isinstance(key, str):
        try:
            return float(key), row_id
        except ValueError as exc:
            raise InvalidCursor() from exc
    raise InvalidCursor()


def encode_key(sort: SearchSort, key: Any) -> CursorValue:
    # Floats travel as their shortest exact repr, so the keyset resumes exactly.
    return repr(key) if sort is SearchSort.relevance else key


def _where(filters: Filters, viewer_id: uuid.UUID | None) -> list[ColumnElement[bool]]:
    where = [
        Item.status == ItemStatus.active,
        visible_to(viewer_id, Item.seller_id),
        *facet_conditions(filters).values(),
    ]
    if filters.text:
        where.append(matches_text(filters.text))
    return where


def _ranked_statement(
    text: str,
    filters: Filters,
    viewer_id: uuid.UUID | None,
    limit: int,
    after: tuple[Any, uuid.UUID] | None,
    dense: bool,
) -> Select[Any]:
    """Relevance for words: the newest `RELEVANCE_WINDOW` matches, ranked as they are read
    (the row is at hand). Every row of the window comes back, best first, as its id and
    rank followed by card columns, which only the page's rows fill (the others are null):
    the window to keep and the page to show in one statement."""
    newest = Item.published_at if dense else Item.published_at + literal_column("interval '0'")
    rank = func.ts_rank_cd(Item.search_vector, text_query(text), type_=Float)
    window = (
        select(Item.id, rank.label("rank"))
        .where(*_where(filters, viewer_id))
        .order_by(newest.desc(), Item.id.desc())
        .limit(RELEVANCE_WINDOW)
        .cte("window")
    )
    page = select(window.c.id)
    if after is not None:
        page = page.where(tuple_(window.c.rank, window.c.id) < after)
    top = page.order_by(window.c.rank.desc(), window.c.id.desc()).limit(limit + 1).subquery()
    return (
        select(window.c.id, window.c.rank, *card_columns(viewer_id))
        .select_from(window)
        .outerjoin(top, top.c.id == window.c.id)
        .outerjoin(Item, Item.id == top.c.id)
        .outerjoin(User, User.id == Item.seller_id)
        .order_by(window.c.rank.desc(), window.c.id.desc())
    )


_KEPT_IDS = bindparam("ids", type_=ARRAY(Uuid))
_KEPT_RANKS = bindparam("ranks", type_=ARRAY(Float))
_KEPT_LIMIT = bindparam("limit", type_=Integer)


@functools.cache
def _kept_window_statement(member: bool) -> Select[Any]:
    """The page from a kept window: its listings in the window's order, still for sale and
    visible to the viewer. Built once per shape (a member's or a visitor's), with the
    slice, the limit and the viewer bound: every later page of a search runs it, and
    building it per request cost 0.3-0.5 ms."""
    slice_ = (
        func.unnest(_KEPT_IDS, _KEPT_RANKS)
        .table_valued("id", "rank", with_ordinality="n")
        .render_derived(name="slice")
    )
    viewer = VIEWER_ID if member else None
    return (
        select(*card_columns(viewer), slice_.c.rank)
        .select_from(slice_)
        .join(Item, Item.id == slice_.c.id)
        .join(User, User.id == Item.seller_id)
        .where(
            Item.status == ItemStatus.active,
            visible_to(viewer, Item.seller_id),
        )
        .order_by(slice_.c.n)
        .limit(_KEPT_LIMIT)
    )


async def _relevance_rows(
    session: AsyncSession,
    kept: KeptSearch,
    filters: Filters,
    limit: int,
    after: tuple[Any, uuid.UUID] | None,
    dense: bool,
) -> list[Ranked]:
    viewer_id = kept.viewer_id
    window = await kept.window(filters)
    if window is None:
        statement = _ranked_statement(filters.text, filters, viewer_id, limit, after, dense)
        rows = (await column_rows(session, statement)).all()
        await kept.keep_window(filters, [(row[0], row[1]) for row in rows])
        return [Ranked(card_row(row[2:]), row[1]) for row in rows if row[2] is not None]
    rest = [(i, rank) for i, rank in window if after is None or (rank, i) < after]
    params: dict[str, Any] = {
        "ids": [i for i, _ in rest],
        "ranks": [rank for _, rank in rest],
        "limit": limit + 1,
    }
    if viewer_id is not None:
        params["viewer_id"] = viewer_id
    statement = _kept_window_statement(viewer_id is not None)
    rows = (await column_rows(session, statement, params)).all()
    return [Ranked(card_row(row), row[-1]) for row in rows]


def _statement(
    filters: Filters,
    sort: SearchSort,
    viewer_id: uuid.UUID | None,
    limit: int,
    after: tuple[Any, uuid.UUID] | None,
    dense: bool,
) -> Select[Any]:
    order = _order(sort, filters, dense)
    query = (
        select(*card_columns(viewer_id), order.expression.label("sort_key"))
        .join(User, User.id == Item.seller_id)
        .where(*_where(filters, viewer_id))
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(_after(order, *after))
    if order.descending:
        return query.order_by(order.expression.desc(), Item.id.desc())
    return query.order_by(order.expression.asc(), Item.id.asc())


async def result_rows(
    session: AsyncSession,
    kept: KeptSearch,
    filters: Filters,
    sort: SearchSort,
    limit: int,
    after: tuple[Any, uuid.UUID] | None,
    *,
    dense: bool,
) -> Sequence[Ranked]:
    """Up to `limit + 1` result rows in sort order, each with its sort key for the cursor."""
    if sort is SearchSort.relevance and filters.text:
        return await _relevance_rows(session, kept, filters, limit, after, dense)
    statement = _statement(filters, sort, kept.viewer_id, limit, after, dense)
    return [Ranked(card_row(row), row[-1]) for row in await column_rows(session, statement)]
