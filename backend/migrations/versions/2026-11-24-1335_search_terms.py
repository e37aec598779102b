"""Seed the typo vocabulary with the taxonomy's words, so a new install corrects
"adiddas" before beat's first hourly refresh adds the words of listing titles.

Revision ID: 0007_search_terms
Revises: 0006_places
Create Date: 2026-11-24 13:35 UTC
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_search_terms"
down_revision: str | None = "0006_places"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The weights of `reloop.search.terms`: names 1e9, brand aliases half of that.
_SEED = """
INSERT INTO search_terms (term, documents)
SELECT word, max(weight) FROM (
    SELECT regexp_split_to_table(lower(unaccent(name)), '[^[:alpha:]]+') AS word,
           1000000000 AS weight
    FROM (
        SELECT name FROM brands UNION ALL SELECT name FROM categories
        UNION ALL SELECT name FROM colors
    ) AS names
    UNION ALL
    SELECT regexp_split_to_table(lower(unaccent(alias)), '[^[:alpha:]]+'), 500000000
    FROM brands, unnest(aliases) AS alias
) AS words
WHERE length(word) >= 3
GROUP BY word
ON CONFLICT (term) DO NOTHING
"""


def upgrade() -> None:
    op.execute(_SEED)


def downgrade() -> None:
    # The vocabulary is derived data; beat's refresh rebuilds it whole.
    op.execute("DELETE FROM search_terms")
