"""The dispatcher: reads the events outbox and writes typed notifications.

Each batch of events is claimed (`FOR UPDATE SKIP LOCKED`, so dispatchers can run side by
side), turned into notifications and marked dispatched in one transaction. A dispatcher
killed mid-batch commits nothing: the events stay pending and the next run does them
again. Every (event, recipient) pair writes a receipt in the same statement as its
notification, so a replayed event finds its receipts and writes nothing twice.

Recipients are chosen in SQL, in one statement per notification type: a price drop on a
listing with 100,000 likers is one `INSERT … SELECT`, not 100,000 round trips.
"""

import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson
import structlog
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.db import Database
from reloop.kit.ids import UUID7_SQL
from reloop.kit.redis import GuardedRedis
from reloop.models.event import Event
from reloop.models.notification import Channel, NotificationType
from reloop.models.social import Comment
from reloop.notifications.emails import app_url, queue_notification_emails
from reloop.notifications.live import publish_changes
from reloop.notifications.orders import order_notice, queue_order_emails
from reloop.notifications.preferences import DEFAULTS

logger = structlog.get_logger(__name__)
BATCH_SIZE = 200

_LIKERS_AND_SAVERS = (
    "SELECT user_id AS recipient_id FROM likes WHERE item_id = :aggregate_id "
    "UNION SELECT user_id FROM saves WHERE item_id = :aggregate_id"
)
_SELLER_OF_ITEM = "SELECT seller_id AS recipient_id FROM items WHERE id = CAST(:item_id AS uuid)"

# Saved searches matching a new listing, all of them in one statement: the filters were
# resolved when the search was saved, and `saved_search_matches` (a SQL function, also
# used by the daily alert email) compares them with the listing.
_SAVED_SEARCH_MATCHES = """
SELECT DISTINCT s.user_id AS recipient_id
FROM saved_searches s
JOIN items i ON i.id = :aggregate_id AND i.status = 'active'
WHERE saved_search_matches(s, i)
"""

_FAN_OUT = """
WITH candidates AS ({recipients}),
eligible AS (
    SELECT DISTINCT c.recipient_id,
        COALESCE(
            (SELECT p.channel FROM notification_preferences p
             WHERE p.user_id = c.recipient_id AND p.type = :type),
            :default_channel
        ) AS channel
    FROM candidates c
    JOIN users u ON u.id = c.recipient_id AND u.deleted_at IS NULL
    WHERE c.recipient_id IS DISTINCT FROM CAST(:actor_id AS uuid)
      AND NOT EXISTS (
        SELECT 1 FROM blocks b
        WHERE (b.blocker_id = c.recipient_id AND b.blocked_id = CAST(:actor_id AS uuid))
           OR (b.blocker_id = CAST(:actor_id AS uuid) AND b.blocked_id = c.recipient_id)
      )
),
fresh AS (
    INSERT INTO notification_receipts (event_id, recipient_id, created_at)
    SELECT :event_id, recipient_id, now() FROM eligible WHERE channel <> 'off'
    ON CONFLICT DO NOTHING
    RETURNING recipient_id
),
written AS (
    INSERT INTO notifications (
        id, recipient_id, type, group_key, actor_id, actor_count, item_id, comment_id,
        payload, created_at, updated_at
    )
    SELECT {uuid7}, recipient_id, :type, :group_key, CAST(:actor_id AS uuid), 1,
        CAST(:item_id AS uuid), CAST(:comment_id AS uuid), CAST(:payload AS jsonb),
        :at, :at
    FROM fresh
    ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL
    DO UPDATE SET
        actor_id = EXCLUDED.actor_id,
        actor_count = notifications.actor_count + 1,
        comment_id = EXCLUDED.comment_id,
        payload = EXCLUDED.payload,
        updated_at = EXCLUDED.updated_at
    RETURNING id, recipient_id
)
SELECT w.id, w.recipient_id, e.channel FROM written w JOIN eligible e USING (recipient_id)
"""


@dataclass(slots=True)
class Outcome:
    """What a batch wrote: whom to tell live, and which notifications to email."""

    recipients: set[uuid.UUID] = field(default_factory=set)
    emails: list[uuid.UUID] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Notice:
    type: NotificationType
    recipients: str
    group_key: str | None = None
    item_id: str | None = None
    comment_id: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)


async def _fan_out(session: AsyncSession, event: Event, notice: Notice, outcome: Outcome) -> None:
    statement = text(_FAN_OUT.format(recipients=notice.recipients, uuid7=UUID7_SQL))
    rows = await session.execute(
        statement,
        {
            "event_id": event.id,
            "aggregate_id": event.aggregate_id,
            "actor_id": str(event.actor_id) if event.actor_id else None,
            "type": notice.type.value,
            "default_channel": DEFAULTS[notice.type].value,
            "group_key": notice.group_key,
            "item_id": notice.item_id,
            "comment_id": notice.comment_id,
            "payload": orjson.dumps(notice.payload).decode(),
            "at": event.created_at,
            **notice.params,
        },
    )
    for notification_id, recipient_id, channel in rows:
        outcome.recipients.add(recipient_id)
        if channel == Channel.email.value:
            outcome.emails.append(notification_id)


def _excerpt(body: str, limit: int = 80) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


async def _comment_notices(session: AsyncSession, event: Event) -> list[Notice]:
    comment = await session.scalar(select(Comment).where(Comment.id == event.aggregate_id))
    if comment is None or comment.deleted_at is not None:
        return []
    data = event.payload
    common: dict[str, Any] = {
        "item_id": str(comment.item_id),
        "comment_id": str(comment.id),
        "payload": {"excerpt": _excerpt(comment.body)},
    }
    notices = []
    # Order matters: one notification per recipient per event (the receipt), the most
    # specific first — a seller replied to in their own thread hears of the reply.
    if data.get("parent_author_id"):
        notices.append(
            Notice(
                NotificationType.reply,
                "SELECT CAST(:parent_author_id AS uuid) AS recipient_id",
                params={"parent_author_id": data["parent_author_id"]},
                **common,
            )
        )
    if data.get("mentioned_ids"):
        notices.append(
            Notice(
                NotificationType.mention,
                "SELECT unnest(CAST(:mentioned AS uuid[])) AS recipient_id",
                params={"mentioned": list(data["mentioned_ids"])},
                **common,
            )
        )
    notices.append(Notice(NotificationType.comment, _SELLER_OF_ITEM, **common))
    return notices


def _order_notices(event: Event) -> list[Notice]:
    found = order_notice(event)
    if found is None:
        return []
    kind, recipients, payload = found
    return [
        Notice(
            kind,
            "SELECT unnest(CAST(:recipients AS uuid[])) AS recipient_id",
            payload=payload,
            params={"recipients": recipients},
        )
    ]


async def notices_for(session: AsyncSession, event: Event) -> list[Notice]:
    """The notifications one event produces (none for types nobody is told about)."""
    if event.type == "comment.created":
        return await _comment_notices(session, event)
    if event.type.startswith(("order.", "review.")):
        return _order_notices(event)
    item_id = str(event.aggregate_id)
    notices: list[Notice] = []
    match event.type:
        case "user.followed":
            notices.append(
                Notice(
                    NotificationType.follow,
                    "SELECT CAST(:aggregate_id AS uuid) AS recipient_id",
                    group_key="follow",
                )
            )
        case "item.liked":
            notices.append(
                Notice(
                    NotificationType.like,
                    _SELLER_OF_ITEM,
                    group_key=f"like:{item_id}",
                    item_id=item_id,
                )
            )
        case "item.price_dropped":
            payload = {k: event.payload[k] for k in ("old_amount", "new_amount", "currency")}
            notices.append(
                Notice(
                    NotificationType.price_drop,
                    _LIKERS_AND_SAVERS,
                    group_key=f"price_drop:{item_id}",
                    item_id=item_id,
                    payload=payload,
                )
            )
        case "item.sold":
            notices.append(Notice(NotificationType.item_sold, _LIKERS_AND_SAVERS, item_id=item_id))
        case "item.published":
            notices.append(
                Notice(NotificationType.saved_search, _SAVED_SEARCH_MATCHES, item_id=item_id)
            )
        case "item.low_stock":
            notices.append(
                Notice(
                    NotificationType.low_stock,
                    _SELLER_OF_ITEM,
                    group_key=f"low_stock:{item_id}",
                    item_id=item_id,
                    payload={"available": event.payload.get("available")},
                )
            )
    return notices


async def _claim(session: AsyncSession, limit: int) -> list[Event]:
    result = await session.execute(
        select(Event)
        .where(Event.dispatched_at.is_(None))
        .order_by(Event.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(result.scalars())


async def dispatch_batch(session: AsyncSession, limit: int = BATCH_SIZE) -> tuple[int, Outcome]:
    """Claim up to `limit` pending events, write their notifications, mark them done.

    The caller commits; nothing here is visible (or lost) until it does.
    """
    events = await _claim(session, limit)
    outcome = Outcome()
    for event in events:
        for notice in await notices_for(session, event):
            await _fan_out(session, event, notice, outcome)
        await queue_order_emails(session, event, app_url())
    if events:
        await session.execute(
            update(Event)
            .where(Event.id.in_([e.id for e in events]))
            .values(dispatched_at=text("now()"))
        )
    await queue_notification_emails(session, outcome.emails)
    return len(events), outcome


async def dispatch_pending(db: Database, redis: GuardedRedis, limit: int = BATCH_SIZE) -> int:
    """Dispatch until the outbox is empty; each batch commits, then members hear live."""
    total = 0
    while True:
        async with db.transaction() as session:
            claimed, outcome = await dispatch_batch(session, limit)
        await publish_changes(redis, outcome.recipients)
        total += claimed
        if claimed < limit:
            return total
