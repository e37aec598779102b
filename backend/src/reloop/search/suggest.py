"""As-you-type suggestions: brands and categories from the in-memory taxonomy (with near
misses of brand names), popular searches from Redis. No SQL, so a keystroke costs about
a millisecond of work."""

from typing import Any

import structlog
from rapidfuzz import fuzz, process
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.redis import GuardedRedis, RedisUnavailable
from reloop.search.schemas import BrandSuggestion, CategorySuggestion, Suggestions
from reloop.taxonomy.snapshot import BrandInfo, Taxonomy, get_taxonomy

logger = structlog.get_logger(__name__)
LIMIT = 5
# Near misses are looked for from four letters, at 75 % similarity ("nkie" for "nike").
FUZZY_FROM = 4
FUZZY_SCORE = 75
# Popular searches: counts in one sorted set, the same strings in a second one scored 0
# so a prefix is a range (`ZRANGE … BYLEX`).
POPULAR = "search:popular"
POPULAR_LEX = "search:popular:lex"
_CANDIDATES = 50


def _near_brands(taxonomy: Taxonomy, needle: str) -> list[BrandInfo]:
    """Brands whose name or an alias is a near miss of what was typed ("adiddas")."""
    names = taxonomy.brand_names
    matches = process.extract(
        needle, names.keys(), scorer=fuzz.ratio, limit=LIMIT, score_cutoff=FUZZY_SCORE
    )
    return list(dict.fromkeys(names[name] for name, _, _ in matches))


def normalise(query: str) -> str:
    return " ".join(query.casefold().split())


async def count_search(redis: GuardedRedis, query: str) -> None:
    """Count a search that found something, for the popular suggestions."""
    key = normalise(query)
    if not key:
        return

    async def write(client: Redis) -> None:
        async with client.pipeline(transaction=False) as pipe:
            pipe.zincrby(POPULAR, 1, key)
            pipe.zadd(POPULAR_LEX, {key: 0})
            await pipe.execute()

    try:
        await redis.run(write)
    except RedisUnavailable:
        logger.warning("search.popular_unavailable")


async def popular_queries(redis: GuardedRedis, prefix: str) -> list[str]:
    start = normalise(prefix)
    if not start:
        return []
    try:
        found: list[Any] = await redis.run(
            lambda r: r.zrange(
                POPULAR_LEX, f"[{start}", f"[{start}\xff", bylex=True, offset=0, num=_CANDIDATES
            )
        )
        if not found:
            return []
        scores: list[float | None] = await redis.run(lambda r: r.zmscore(POPULAR, found))
    except RedisUnavailable:
        return []
    ranked = sorted(zip(found, scores, strict=True), key=lambda pair: (-(pair[1] or 0), pair[0]))
    return [q.decode() if isinstance(q, bytes) else str(q) for q, _ in ranked[:LIMIT]]


async def suggestions(session: AsyncSession, redis: GuardedRedis, query: str) -> Suggestions:
    """Brands (name or alias), categories (name) and popular searches starting like `query`."""
    needle = normalise(query)
    if not needle:
        return Suggestions(brands=[], categories=[], queries=[])
    taxonomy = await get_taxonomy(session)
    found = taxonomy.search_brands(needle, LIMIT)
    if len(found) < LIMIT and len(needle) >= FUZZY_FROM:
        found += [b for b in _near_brands(taxonomy, needle) if b not in found]
    brands = [BrandSuggestion(id=b.id, name=b.name) for b in found[:LIMIT]]
    starts, contains = [], []
    for category in taxonomy.categories.values():
        name = category.name.casefold()
        if name.startswith(needle):
            starts.append(category)
        elif f" {needle}" in f" {name}":
            contains.append(category)
    categories = [
        CategorySuggestion(id=c.id, name=c.name, path=[p.name for p in taxonomy.path(c.id)])
        for c in sorted(starts, key=lambda c: (len(taxonomy.path(c.id)), c.name))
        + sorted(contains, key=lambda c: c.name)
    ][:LIMIT]
    return Suggestions(
        brands=brands, categories=categories, queries=await popular_queries(redis, needle)
    )
