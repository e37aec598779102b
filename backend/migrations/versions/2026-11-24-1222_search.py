"""Search: the weighted search vector of listings with its trigger and GIN index, the
price index of the price sorts, saved searches, and the vocabulary typos are corrected to.

Revision ID: 0005_search
Revises: 0004_social
Create Date: 2026-11-24 12:22 UTC
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005_search"
down_revision: str | None = "0004_social"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Title A, brand and its aliases B, the category with its ancestors and the colours C,
# description D, accents removed ("Fjällräven" is found by "fjallraven"). A trigger rather
# than a generated column: the brand, category and colour names live in other tables.
# Taxonomy renames ship as migrations that re-touch listings.
_SEARCH_VECTOR_FUNCTION = """
CREATE FUNCTION items_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    brand_text text;
    category_text text;
    color_text text;
BEGIN
    SELECT concat_ws(' ', b.name, array_to_string(b.aliases, ' ')) INTO brand_text
    FROM brands b WHERE b.id = NEW.brand_id;
    WITH RECURSIVE path AS (
        SELECT c.id, c.parent_id, c.name FROM categories c WHERE c.id = NEW.category_id
        UNION ALL
        SELECT c.id, c.parent_id, c.name FROM categories c JOIN path p ON c.id = p.parent_id
    )
    SELECT string_agg(name, ' ') INTO category_text FROM path;
    SELECT string_agg(name, ' ') INTO color_text FROM colors WHERE key = ANY (NEW.colors);
    NEW.search_vector :=
        setweight(to_tsvector('english', unaccent(coalesce(NEW.title, ''))), 'A')
        || setweight(to_tsvector('english', unaccent(coalesce(brand_text, ''))), 'B')
        || setweight(
            to_tsvector('english', unaccent(concat_ws(' ', category_text, color_text))), 'C'
        )
        || setweight(to_tsvector('english', unaccent(coalesce(NEW.description, ''))), 'D');
    RETURN NEW;
END
$$
"""
_SEARCH_VECTOR_TRIGGER = """
CREATE TRIGGER items_search_vector
BEFORE INSERT OR UPDATE OF title, description, brand_id, category_id, colors ON items
FOR EACH ROW EXECUTE FUNCTION items_search_vector()
"""


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch")
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.create_table(
        "search_terms",
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("documents", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_search_terms")),
    )
    op.create_index(
        "ix_search_terms_trigram",
        "search_terms",
        ["term"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"term": "gin_trgm_ops"},
    )
    op.create_table(
        "saved_searches",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("query", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("email_alerts", sa.Boolean(), nullable=False),
        sa.Column("text_query", postgresql.TSQUERY(), nullable=True),
        sa.Column("category_ids", sa.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("brand_ids", sa.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("size_ids", sa.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("conditions", sa.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("colors", sa.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("price_min", sa.BigInteger(), nullable=True),
        sa.Column("price_max", sa.BigInteger(), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("city", sa.String(length=80), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("emailed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_saved_searches_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
    )
    op.create_index(
        "ix_saved_searches_user_created", "saved_searches", ["user_id", "created_at"], unique=False
    )
    op.add_column(
        "items",
        sa.Column(
            "search_vector",
            postgresql.TSVECTOR(),
            server_default=sa.text("''::tsvector"),
            nullable=False,
        ),
    )
    op.execute(_SEARCH_VECTOR_FUNCTION)
    op.execute(_SEARCH_VECTOR_TRIGGER)
    # Existing listings get their vector: touching the title fires the trigger.
    op.execute("UPDATE items SET title = title")
    op.create_index(
        "ix_items_active_price",
        "items",
        ["price_amount", "id"],
        unique=False,
        postgresql_where="status = 'active'",
    )
    op.create_index(
        "ix_items_active_search",
        "items",
        ["search_vector"],
        unique=False,
        postgresql_using="gin",
        postgresql_where="status = 'active'",
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER items_search_vector ON items")
    op.execute("DROP FUNCTION items_search_vector()")
    op.drop_index(
        "ix_items_active_search",
        table_name="items",
        postgresql_using="gin",
        postgresql_where="status = 'active'",
    )
    op.drop_index("ix_items_active_price", table_name="items", postgresql_where="status = 'active'")
    op.drop_column("items", "search_vector")
    op.drop_index("ix_saved_searches_user_created", table_name="saved_searches")
    op.drop_table("saved_searches")
    op.drop_index(
        "ix_search_terms_trigram",
        table_name="search_terms",
        postgresql_using="gin",
        postgresql_ops={"term": "gin_trgm_ops"},
    )
    op.drop_table("search_terms")
    op.execute("DROP EXTENSION IF EXISTS unaccent")
    op.execute("DROP EXTENSION IF EXISTS fuzzystrmatch")
    op.execute("DROP EXTENSION IF EXISTS pg_trgm")
