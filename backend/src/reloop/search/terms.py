"""The vocabulary that typos are corrected to, and the correction itself.

A query that finds nothing is retried with each unknown word replaced by the nearest
known one: PostgreSQL finds candidates within two edits (`levenshtein_less_equal`), and
they are ranked by optimal-string-alignment distance, which counts a swap of two
neighbouring letters as one edit (rapidfuzz), allowing 1 for short words and 2 from six
letters, the commoner word winning a tie: "adiddas" becomes "adidas", "nkie" "nike". Known
words are the taxonomy's names (brands, their aliases, categories, colours), which always
win, and the 20,000 commonest words of active titles, refreshed hourly by beat.
"""

import re

from rapidfuzz.distance import OSA
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.db import Database
from reloop.taxonomy.snapshot import Taxonomy, get_taxonomy

TITLE_WORDS = 20_000
# Taxonomy names outrank any title word in a tie, and a brand's name outranks its
# aliases, some of which are common misspellings ("addidas").
TAXONOMY_WEIGHT = 1_000_000_000
ALIAS_WEIGHT = TAXONOMY_WEIGHT // 2
MAX_CORRECTED_WORDS = 6
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

_TITLE_WORDS = text(
    """
    INSERT INTO search_terms (term, documents)
    SELECT word, ndoc FROM ts_stat(
        'SELECT to_tsvector(''simple'', unaccent(title)) FROM items WHERE status = ''active'''
    )
    WHERE length(word) >= 3 AND word ~ '^[[:alpha:]]+$'
    ORDER BY ndoc DESC
    LIMIT :limit
    ON CONFLICT (term) DO UPDATE SET documents = EXCLUDED.documents
    """
)
_TAXONOMY_WORDS = text(
    """
    INSERT INTO search_terms (term, documents)
    SELECT DISTINCT unaccent(word), CAST(:weight AS bigint)
    FROM unnest(CAST(:words AS text[])) AS word
    ON CONFLICT (term) DO UPDATE SET documents = greatest(
        search_terms.documents, EXCLUDED.documents
    )
    """
)
_CANDIDATES = text(
    """
    SELECT w.word, c.term, c.documents
    FROM unnest(CAST(:words AS text[])) AS w(word)
    CROSS JOIN LATERAL (
        SELECT t.term, t.documents FROM search_terms t
        WHERE levenshtein_less_equal(t.term, w.word, 2) <= 2
        ORDER BY levenshtein(t.term, w.word), t.documents DESC
        LIMIT 40
    ) AS c
    WHERE NOT EXISTS (SELECT 1 FROM search_terms k WHERE k.term = w.word)
    """
)


def words_of(value: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(value)]


def taxonomy_words(taxonomy: Taxonomy) -> tuple[set[str], set[str]]:
    """Words of names (brands, categories, colours), and of brand aliases besides."""
    names = [b.name for b in taxonomy.brands.values()]
    names += [c.name for c in taxonomy.categories.values()]
    names += [c.name for c in taxonomy.colors.values()]
    named = {word for name in names for word in words_of(name)}
    aliases = {w for b in taxonomy.brands.values() for a in b.aliases for w in words_of(a)}
    return named, aliases - named


async def refresh_terms(db: Database) -> int:
    """Rebuild the vocabulary from the taxonomy and the titles of active listings."""
    async with db.transaction() as session:
        taxonomy = await get_taxonomy(session)
        await session.execute(text("DELETE FROM search_terms"))
        await session.execute(_TITLE_WORDS, {"limit": TITLE_WORDS})
        named, aliases = taxonomy_words(taxonomy)
        for words, weight in ((aliases, ALIAS_WEIGHT), (named, TAXONOMY_WEIGHT)):
            await session.execute(_TAXONOMY_WORDS, {"words": sorted(words), "weight": weight})
        count = await session.scalar(text("SELECT count(*) FROM search_terms"))
    return int(count or 0)


async def corrected(session: AsyncSession, query: str) -> str | None:
    """The query with unknown words replaced by their nearest known word; `None` when
    there is nothing to correct."""
    words = list(dict.fromkeys(words_of(query)))[:MAX_CORRECTED_WORDS]
    if not words:
        return None
    best: dict[str, tuple[int, int, str]] = {}
    for word, term, documents in await session.execute(_CANDIDATES, {"words": words}):
        distance = OSA.distance(word, term)
        if distance > (1 if len(word) < 6 else 2):
            continue
        rank = (distance, -documents, term)
        if word not in best or rank < best[word]:
            best[word] = rank
    replacements = {word: rank[2] for word, rank in best.items()}
    if not replacements:
        return None
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in replacements) + r")\b", re.IGNORECASE
    )
    return pattern.sub(lambda m: replacements[m.group(0).casefold()], query)
