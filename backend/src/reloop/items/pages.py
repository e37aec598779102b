"""Pages of listing cards, shared by every list of listings (grids, likes, saves, feeds)."""

from collections.abc import Callable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.items.cards import CardPage, item_cards
from reloop.items.viewer import CardRow
from reloop.kit.cursor import CursorCodec, CursorValue
from reloop.kit.schemas import keyset_page
from reloop.kit.storage import Storage
from reloop.media.repository import read_covers
from reloop.taxonomy.snapshot import get_taxonomy


async def card_page(
    session: AsyncSession,
    storage: Storage,
    codec: CursorCodec,
    rows: list[CardRow],
    limit: int,
    *,
    key: Callable[[CardRow], Sequence[CursorValue]],
) -> CardPage:
    """Cards for `limit + 1` fetched rows (an `ItemPage`): one more query for covers,
    whatever the size."""
    page = keyset_page(rows, limit=limit, codec=codec, key=key, item=lambda r: r)
    covers = await read_covers(session, [row.item.id for row in page.items])
    taxonomy = await get_taxonomy(session)
    return CardPage(item_cards(page.items, covers, taxonomy, storage), page.next_cursor)
