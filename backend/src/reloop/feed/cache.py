"""Visitors' pages of the popular feed, shared through Redis for a few seconds.

Every visitor sees the same popular feed (no flags, no blocks, no mutes), so each page is
rendered once and served to all of them from one Redis hash, field `{limit}:{cursor}`.
The whole hash expires `POPULAR_PAGE_TTL_S` after its first page was stored, and beat's
popularity refresh drops it at once, so a new ranking shows on the next request. Between
the two a visitor's page may be up to that long behind: a like count a few seconds old, or
a listing sold in the meantime (its own page says so). Members' pages are never cached:
their flags, blocks and mutes are their own.
"""

from dataclasses import dataclass

from reloop.kit.cache import Cache

POPULAR_PAGE_TTL_S = 30
_GROUP = "feed:popular"


@dataclass(frozen=True, slots=True)
class CachedPage:
    body: bytes
    etag: str


class PopularPages:
    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    async def get(self, limit: int, cursor: str | None) -> CachedPage | None:
        stored = await self.cache.get_field(_GROUP, _field(limit, cursor))
        if stored is None:
            return None
        etag, _, body = stored.partition(b"\n")
        return CachedPage(body=body, etag=etag.decode())

    async def put(self, limit: int, cursor: str | None, page: CachedPage) -> None:
        stored = page.etag.encode() + b"\n" + page.body
        await self.cache.set_field(_GROUP, _field(limit, cursor), stored, POPULAR_PAGE_TTL_S)

    async def forget(self) -> None:
        """Drop every cached page (the ranking changed)."""
        await self.cache.delete(_GROUP)


def _field(limit: int, cursor: str | None) -> str:
    return f"{limit}:{cursor or ''}"
