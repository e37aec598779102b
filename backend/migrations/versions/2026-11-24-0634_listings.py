"""Listings: taxonomy (loaded from data files), images, items and the event outbox.

Revision ID: 0003_listings
Revises: 0002_accounts
Create Date: 2026-11-24 06:34 UTC
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from reloop.taxonomy.loader import sync_taxonomy

revision: str = "0003_listings"
down_revision: str | None = "0002_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "brands",
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("aliases", sa.ARRAY(sa.Text()), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brands")),
        sa.UniqueConstraint("slug", name=op.f("uq_brands_slug")),
    )
    op.create_table(
        "colors",
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("hex", sa.String(length=7), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_colors")),
        sa.UniqueConstraint("key", name=op.f("uq_colors_key")),
    )
    op.create_table(
        "conditions",
        sa.Column("key", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("description", sa.String(length=400), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conditions")),
        sa.UniqueConstraint("key", name=op.f("uq_conditions_key")),
    )
    op.create_table(
        "events",
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("aggregate_id", sa.Uuid(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_aggregate", "events", ["aggregate_id", "id"], unique=False)
    op.create_index(
        "ix_events_undispatched",
        "events",
        ["id"],
        unique=False,
        postgresql_where="dispatched_at IS NULL",
    )
    op.create_table(
        "size_groups",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_size_groups")),
        sa.UniqueConstraint("key", name=op.f("uq_size_groups_key")),
    )
    op.create_table(
        "categories",
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("depth", sa.SmallInteger(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("is_leaf", sa.Boolean(), nullable=False),
        sa.Column("size_group_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["categories.id"], name=op.f("fk_categories_parent_id_categories")
        ),
        sa.ForeignKeyConstraint(
            ["size_group_id"],
            ["size_groups.id"],
            name=op.f("fk_categories_size_group_id_size_groups"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("slug", name=op.f("uq_categories_slug")),
    )
    op.create_index("ix_categories_parent", "categories", ["parent_id", "position"], unique=False)
    op.create_table(
        "images",
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=True),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum("item", "avatar", name="image_purpose", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "awaiting_upload",
                "processing",
                "ready",
                "failed",
                name="image_status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("failure_reason", sa.String(length=200), nullable=True),
        sa.Column("declared_type", sa.String(length=40), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("dominant_color", sa.String(length=7), nullable=True),
        sa.Column("placeholder", sa.String(length=2000), nullable=True),
        sa.Column("variants", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("purpose IN ('item', 'avatar')", name=op.f("ck_images_purpose_known")),
        sa.CheckConstraint(
            "status IN ('awaiting_upload', 'processing', 'ready', 'failed')",
            name=op.f("ck_images_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_images_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_images")),
    )
    op.create_index("ix_images_item_position", "images", ["item_id", "position"], unique=False)
    op.create_index(
        "ix_images_orphans",
        "images",
        ["created_at"],
        unique=False,
        postgresql_where="item_id IS NULL",
    )
    op.create_index("ix_images_owner_created", "images", ["owner_id", "created_at"], unique=False)
    op.create_table(
        "sizes",
        sa.Column("group_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["size_groups.id"],
            name=op.f("fk_sizes_group_id_size_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sizes")),
        sa.UniqueConstraint("group_id", "key", name="uq_sizes_group_key"),
    )
    op.create_table(
        "items",
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category_id", sa.Uuid(), nullable=False),
        sa.Column("brand_id", sa.Uuid(), nullable=True),
        sa.Column("size_id", sa.Uuid(), nullable=True),
        sa.Column("condition", sa.String(length=30), nullable=False),
        sa.Column("colors", sa.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("price_amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "active",
                "reserved",
                "sold",
                "hidden",
                "deleted",
                name="item_status",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("like_count", sa.Integer(), nullable=False),
        sa.Column("save_count", sa.Integer(), nullable=False),
        sa.Column("comment_count", sa.Integer(), nullable=False),
        sa.Column("view_count", sa.BigInteger(), nullable=False),
        sa.Column("popularity", sa.Float(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'active', 'reserved', 'sold', 'hidden', 'deleted')",
            name=op.f("ck_items_status_known"),
        ),
        sa.CheckConstraint(
            "cardinality(colors) BETWEEN 1 AND 3", name=op.f("ck_items_colors_count")
        ),
        sa.CheckConstraint(
            "char_length(description) <= 2000", name=op.f("ck_items_description_length")
        ),
        sa.CheckConstraint(
            "char_length(title) BETWEEN 3 AND 80", name=op.f("ck_items_title_length")
        ),
        sa.CheckConstraint("price_amount > 0", name=op.f("ck_items_price_positive")),
        sa.CheckConstraint("quantity BETWEEN 1 AND 999", name=op.f("ck_items_quantity_range")),
        sa.CheckConstraint(
            "reserved >= 0 AND reserved <= quantity", name=op.f("ck_items_reserved_within_quantity")
        ),
        sa.ForeignKeyConstraint(["brand_id"], ["brands.id"], name=op.f("fk_items_brand_id_brands")),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_items_category_id_categories")
        ),
        sa.ForeignKeyConstraint(
            ["condition"], ["conditions.key"], name=op.f("fk_items_condition_conditions")
        ),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["users.id"], name=op.f("fk_items_seller_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["size_id"], ["sizes.id"], name=op.f("fk_items_size_id_sizes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
    )
    op.create_index(
        "ix_items_active_published",
        "items",
        ["published_at", "id"],
        unique=False,
        postgresql_where="status = 'active'",
    )
    op.create_index("ix_items_brand", "items", ["brand_id"], unique=False)
    op.create_index(
        "ix_items_category_price", "items", ["category_id", "price_amount"], unique=False
    )
    op.create_index(
        "ix_items_seller_published",
        "items",
        ["seller_id", "published_at", "id"],
        unique=False,
        postgresql_where="status IN ('active', 'reserved', 'sold')",
    )
    op.create_index(
        "ix_items_seller_status_created",
        "items",
        ["seller_id", "status", "created_at", "id"],
        unique=False,
    )
    # images and items point at each other: the images -> items key comes once both exist.
    op.create_foreign_key(
        op.f("fk_images_item_id_items"), "images", "items", ["item_id"], ["id"], ondelete="SET NULL"
    )
    op.add_column("users", sa.Column("avatar_image_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        op.f("fk_users_avatar_image_id_images"),
        "users",
        "images",
        ["avatar_image_id"],
        ["id"],
        ondelete="SET NULL",
        use_alter=True,
    )

    sync_taxonomy(op.get_bind())


def downgrade() -> None:
    op.drop_constraint(op.f("fk_users_avatar_image_id_images"), "users", type_="foreignkey")
    op.drop_column("users", "avatar_image_id")
    op.drop_constraint(op.f("fk_images_item_id_items"), "images", type_="foreignkey")
    op.drop_index("ix_items_seller_status_created", table_name="items")
    op.drop_index(
        "ix_items_seller_published",
        table_name="items",
        postgresql_where="status IN ('active', 'reserved', 'sold')",
    )
    op.drop_index("ix_items_category_price", table_name="items")
    op.drop_index("ix_items_brand", table_name="items")
    op.drop_index(
        "ix_items_active_published", table_name="items", postgresql_where="status = 'active'"
    )
    op.drop_table("items")
    op.drop_table("sizes")
    op.drop_index("ix_images_owner_created", table_name="images")
    op.drop_index("ix_images_orphans", table_name="images", postgresql_where="item_id IS NULL")
    op.drop_index("ix_images_item_position", table_name="images")
    op.drop_table("images")
    op.drop_index("ix_categories_parent", table_name="categories")
    op.drop_table("categories")
    op.drop_table("size_groups")
    op.drop_index(
        "ix_events_undispatched", table_name="events", postgresql_where="dispatched_at IS NULL"
    )
    op.drop_index("ix_events_aggregate", table_name="events")
    op.drop_table("events")
    op.drop_table("conditions")
    op.drop_table("colors")
    op.drop_table("brands")
