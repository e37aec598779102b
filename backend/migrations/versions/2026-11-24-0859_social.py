"""Social graph and notifications: follows, likes, saves, comments, blocks, mutes,
notifications with their receipts and preferences, digests, follower counts and the
popularity index of the popular feed.

Revision ID: 0004_social
Revises: 0003_listings
Create Date: 2026-11-24 08:59 UTC
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_social"
down_revision: str | None = "0003_listings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blocks",
        sa.Column("blocker_id", sa.Uuid(), nullable=False),
        sa.Column("blocked_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("blocker_id <> blocked_id", name=op.f("ck_blocks_not_self")),
        sa.ForeignKeyConstraint(
            ["blocked_id"],
            ["users.id"],
            name=op.f("fk_blocks_blocked_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["blocker_id"],
            ["users.id"],
            name=op.f("fk_blocks_blocker_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("blocker_id", "blocked_id", name=op.f("pk_blocks")),
    )
    op.create_index("ix_blocks_blocked", "blocks", ["blocked_id", "blocker_id"], unique=False)
    op.create_table(
        "digest_deliveries",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_digest_deliveries_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "day", name=op.f("pk_digest_deliveries")),
    )
    op.create_table(
        "follows",
        sa.Column("follower_id", sa.Uuid(), nullable=False),
        sa.Column("followee_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("follower_id <> followee_id", name=op.f("ck_follows_not_self")),
        sa.ForeignKeyConstraint(
            ["followee_id"],
            ["users.id"],
            name=op.f("fk_follows_followee_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["follower_id"],
            ["users.id"],
            name=op.f("fk_follows_follower_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("follower_id", "followee_id", name=op.f("pk_follows")),
    )
    op.create_index(
        "ix_follows_followee_created",
        "follows",
        ["followee_id", "created_at", "follower_id"],
        unique=False,
    )
    op.create_index(
        "ix_follows_follower_created",
        "follows",
        ["follower_id", "created_at", "followee_id"],
        unique=False,
    )
    op.create_table(
        "mutes",
        sa.Column("muter_id", sa.Uuid(), nullable=False),
        sa.Column("muted_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("muter_id <> muted_id", name=op.f("ck_mutes_not_self")),
        sa.ForeignKeyConstraint(
            ["muted_id"], ["users.id"], name=op.f("fk_mutes_muted_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["muter_id"], ["users.id"], name=op.f("fk_mutes_muter_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("muter_id", "muted_id", name=op.f("pk_mutes")),
    )
    op.create_table(
        "notification_preferences",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "follow",
                "like",
                "comment",
                "reply",
                "mention",
                "price_drop",
                "item_sold",
                "digest",
                name="notification_type",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "in_app", "email", "off", name="notification_channel", native_enum=False, length=10
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "channel IN ('in_app', 'email', 'off')",
            name=op.f("ck_notification_preferences_channel_known"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notification_preferences_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "type", name=op.f("pk_notification_preferences")),
    )
    op.create_table(
        "notification_receipts",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["users.id"],
            name=op.f("fk_notification_receipts_recipient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "recipient_id", name=op.f("pk_notification_receipts")),
    )
    op.create_table(
        "comments",
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "mentions",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="[{username, user_id}] of members the body mentions",
        ),
        sa.Column("reply_count", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=16), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("char_length(body) <= 1000", name=op.f("ck_comments_body_length")),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_comments_item_id_items"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["comments.id"],
            name=op.f("fk_comments_parent_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index("ix_comments_author", "comments", ["author_id"], unique=False)
    op.create_index(
        "ix_comments_item_thread",
        "comments",
        ["item_id", "created_at", "id"],
        unique=False,
        postgresql_where="parent_id IS NULL",
    )
    op.create_index(
        "ix_comments_parent", "comments", ["parent_id", "created_at", "id"], unique=False
    )
    op.create_table(
        "likes",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_likes_item_id_items"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_likes_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "item_id", name=op.f("pk_likes")),
    )
    op.create_index("ix_likes_item", "likes", ["item_id", "user_id"], unique=False)
    op.create_index(
        "ix_likes_user_created", "likes", ["user_id", "created_at", "item_id"], unique=False
    )
    op.create_table(
        "saves",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_saves_item_id_items"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_saves_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "item_id", name=op.f("pk_saves")),
    )
    op.create_index("ix_saves_item", "saves", ["item_id", "user_id"], unique=False)
    op.create_index(
        "ix_saves_user_created", "saves", ["user_id", "created_at", "item_id"], unique=False
    )
    op.create_table(
        "notifications",
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "follow",
                "like",
                "comment",
                "reply",
                "mention",
                "price_drop",
                "item_sold",
                "digest",
                name="notification_type",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("group_key", sa.String(length=80), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_count", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=True),
        sa.Column("comment_id", sa.Uuid(), nullable=True),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
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
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_notifications_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_notifications_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_notifications_item_id_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["users.id"],
            name=op.f("fk_notifications_recipient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index(
        "ix_notifications_recipient_unread",
        "notifications",
        ["recipient_id"],
        unique=False,
        postgresql_where="read_at IS NULL",
    )
    op.create_index(
        "ix_notifications_recipient_updated",
        "notifications",
        ["recipient_id", "updated_at", "id"],
        unique=False,
    )
    op.create_index(
        "uq_notifications_open_group",
        "notifications",
        ["recipient_id", "group_key"],
        unique=True,
        postgresql_where="read_at IS NULL AND group_key IS NOT NULL",
    )
    op.create_index(
        "ix_items_active_popularity",
        "items",
        ["popularity", "id"],
        unique=False,
        postgresql_where="status = 'active'",
    )
    op.add_column(
        "users", sa.Column("follower_count", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column(
        "users", sa.Column("following_count", sa.Integer(), server_default="0", nullable=False)
    )


def downgrade() -> None:
    op.drop_column("users", "following_count")
    op.drop_column("users", "follower_count")
    op.drop_index(
        "ix_items_active_popularity", table_name="items", postgresql_where="status = 'active'"
    )
    op.drop_index(
        "uq_notifications_open_group",
        table_name="notifications",
        postgresql_where="read_at IS NULL AND group_key IS NOT NULL",
    )
    op.drop_index("ix_notifications_recipient_updated", table_name="notifications")
    op.drop_index(
        "ix_notifications_recipient_unread",
        table_name="notifications",
        postgresql_where="read_at IS NULL",
    )
    op.drop_table("notifications")
    op.drop_index("ix_saves_user_created", table_name="saves")
    op.drop_index("ix_saves_item", table_name="saves")
    op.drop_table("saves")
    op.drop_index("ix_likes_user_created", table_name="likes")
    op.drop_index("ix_likes_item", table_name="likes")
    op.drop_table("likes")
    op.drop_index("ix_comments_parent", table_name="comments")
    op.drop_index(
        "ix_comments_item_thread", table_name="comments", postgresql_where="parent_id IS NULL"
    )
    op.drop_index("ix_comments_author", table_name="comments")
    op.drop_table("comments")
    op.drop_table("notification_receipts")
    op.drop_table("notification_preferences")
    op.drop_table("mutes")
    op.drop_index("ix_follows_follower_created", table_name="follows")
    op.drop_index("ix_follows_followee_created", table_name="follows")
    op.drop_table("follows")
    op.drop_table("digest_deliveries")
    op.drop_index("ix_blocks_blocked", table_name="blocks")
    op.drop_table("blocks")
