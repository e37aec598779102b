"""Assembling feed pages: following first, then popular, seamlessly, with reasons.

The home feed's cursor says which phase it is in. A page that exhausts the following
phase fills its remaining slots from the top of the popular phase, and its cursor then
continues there, so infinite scroll never stops while there is anything to show.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from reloop.feed import repository
from reloop.feed.cache import PopularPages
from reloop.feed.popularity import refresh_popularity
from reloop.items.cards import CardJson, CardPage, Reason, item_cards
from reloop.items.viewer import CardRow
from reloop.kit.cache import Cache
from reloop.kit.cursor import CursorCodec, CursorValue
from reloop.kit.db import Database, Reads
from reloop.kit.errors import InvalidCursor
from reloop.kit.storage import Storage
from reloop.media.repository import read_covers
from reloop.taxonomy.snapshot import get_taxonomy

Phase = Reason  # the phase a card was read in is the reason it gives
_FOLLOWING: Phase = "following"
_POPULAR: Phase = "popular"


def _popular_key(row: CardRow) -> tuple[str, uuid.UUID]:
    # Floats travel as their shortest exact repr, so the keyset resumes exactly.
    return repr(row.item.popularity), row.item.id


@dataclass(frozen=True, slots=True)
class Position:
    """Where a home feed page starts: a phase and the key it continues after."""

    phase: Phase
    following_after: tuple[datetime, uuid.UUID] | None = None
    popular_after: tuple[float, uuid.UUID] | None = None


def _popular_after(key: CursorValue, row_id: CursorValue) -> tuple[float, uuid.UUID]:
    if not isinstance(key, str) or not isinstance(row_id, uuid.UUID):
        raise InvalidCursor()
    try:
        return float(key), row_id
    except ValueError as exc:
        raise InvalidCursor() from exc


def decode_position(codec: CursorCodec, cursor: str | None) -> Position:
    """Where a home feed page starts; `InvalidCursor` for anything we did not sign."""
    if cursor is None:
        return Position(_FOLLOWING)
    phase, key, row_id = codec.decode(cursor, 3)
    if phase == _POPULAR:
        if key is None and row_id is None:
            return Position(_POPULAR)
        return Position(_POPULAR, popular_after=_popular_after(key, row_id))
    if phase == _FOLLOWING and isinstance(key, datetime) and isinstance(row_id, uuid.UUID):
        return Position(_FOLLOWING, following_after=(key, row_id))
    raise InvalidCursor()


async def _render(
    reads: Reads, storage: Storage, rows: list[tuple[CardRow, Phase]]
) -> list[CardJson]:
    covers = await read_covers(reads, [row.item.id for row, _ in rows])
    taxonomy = await get_taxonomy(reads)
    return item_cards(
        [row for row, _ in rows], covers, taxonomy, storage, [reason for _, reason in rows]
    )


async def home_feed(
    reads: Reads,
    storage: Storage,
    codec: CursorCodec,
    viewer_id: uuid.UUID,
    following_count: int,
    limit: int,
    cursor: str | None,
) -> CardPage:
    """Followed sellers' new listings, newest first, continuing with popular ones.

    `following_count` (the member's exact count) picks how the followed sellers' listings
    are read (`repository.PER_SELLER_MAX_FOLLOWS`).
    """
    position = decode_position(codec, cursor)
    picked: list[tuple[CardRow, Phase]] = []
    next_key: list[CursorValue] | None = None
    if position.phase == _FOLLOWING:
        rows = await repository.following_page(
            reads,
            viewer_id,
            limit,
            position.following_after,
            per_seller=following_count <= repository.PER_SELLER_MAX_FOLLOWS,
        )
        picked = [(row, _FOLLOWING) for row in rows[:limit]]
        if len(rows) > limit:
            last = rows[limit - 1].item
            next_key = [_FOLLOWING, last.published_at, last.id]
        elif len(picked) == limit:
            next_key = [_POPULAR, None, None]
    if next_key is None and len(picked) < limit:
        need = limit - len(picked)
        rows = await repository.popular_page(
            reads, viewer_id, need, position.popular_after, skip_followed=True
        )
        picked += [(row, _POPULAR) for row in rows[:need]]
        if len(rows) > need:
            next_key = [_POPULAR, *_popular_key(rows[need - 1])]
    cards = await _render(reads, storage, picked)
    return CardPage(cards, codec.encode(next_key) if next_key else None)


async def popular_feed(
    reads: Reads,
    storage: Storage,
    codec: CursorCodec,
    viewer_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> CardPage:
    """Active listings by popularity, for everyone (members without what they hid)."""
    after = _popular_after(*codec.decode(cursor, 2)) if cursor is not None else None
    rows = await repository.popular_page(reads, viewer_id, limit, after)
    picked = [(row, _POPULAR) for row in rows[:limit]]
    next_cursor = codec.encode(list(_popular_key(rows[limit - 1]))) if len(rows) > limit else None
    cards = await _render(reads, storage, picked)
    return CardPage(cards, next_cursor)


async def refresh_popular_feed(db: Database, cache: Cache) -> int:
    """Recompute popularity scores; when any moved, drop the visitors' cached pages so
    the new ranking shows on the next request. The number of listings whose score moved."""
    changed = await refresh_popularity(db)
    if changed:
        await PopularPages(cache).forget()
    return changed
