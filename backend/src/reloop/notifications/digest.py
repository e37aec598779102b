"""The daily digest: one email per member with new listings from sellers they follow.

Each member's digest is recorded in `digest_deliveries` in the same transaction as the
email it queues, keyed by day, so rerunning the job (or two beats racing) sends no
second email; members are processed in small batches so one transaction stays short.
"""

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.db import Database
from reloop.mail.service import queue_email
from reloop.notifications.emails import app_url
from reloop.notifications.texts import format_price

BATCH = 200
SHOWN = 6

# Members who want the digest (email is its default), have not had today's, and follow
# someone who listed in the last day; keyset on the member id.
_CANDIDATES = text(
    """
    SELECT u.id, u.email, u.display_name, count(*) AS listings
    FROM users u
    JOIN follows f ON f.follower_id = u.id
    JOIN items i ON i.seller_id = f.followee_id
    WHERE u.deleted_at IS NULL
      AND u.id > :after
      AND i.status = 'active' AND i.published_at > :since
      AND COALESCE((SELECT p.channel FROM notification_preferences p
                    WHERE p.user_id = u.id AND p.type = 'digest'), 'email') = 'email'
      AND NOT EXISTS (SELECT 1 FROM digest_deliveries d WHERE d.user_id = u.id AND d.day = :day)
    GROUP BY u.id
    ORDER BY u.id
    LIMIT :batch
    """
)
_CLAIM = text(
    "INSERT INTO digest_deliveries (user_id, day, item_count) VALUES (:user_id, :day, :count) "
    "ON CONFLICT DO NOTHING RETURNING user_id"
)
_TOP = text(
    """
    SELECT i.id, i.title, i.price_amount, i.currency, s.display_name
    FROM follows f
    JOIN items i ON i.seller_id = f.followee_id
    JOIN users s ON s.id = i.seller_id
    WHERE f.follower_id = :user_id AND i.status = 'active' AND i.published_at > :since
      AND NOT EXISTS (
        SELECT 1 FROM mutes m WHERE m.muter_id = :user_id AND m.muted_id = i.seller_id
      )
    ORDER BY i.published_at DESC
    LIMIT :shown
    """
)


async def _send_one(
    session: AsyncSession,
    user_id: uuid.UUID,
    email: str,
    name: str,
    count: int,
    day: date,
    since: datetime,
) -> bool:
    claimed = await session.execute(_CLAIM, {"user_id": user_id, "day": day, "count": count})
    if claimed.first() is None:
        return False
    rows = await session.execute(_TOP, {"user_id": user_id, "since": since, "shown": SHOWN})
    base = app_url()
    items = [
        {
            "title": title,
            "price": format_price(amount, currency),
            "seller": seller,
            "url": f"{base}/items/{item_id}",
        }
        for item_id, title, amount, currency, seller in rows
    ]
    if not items:
        return False
    await queue_email(
        session,
        to=email,
        template="digest",
        context={
            "name": name,
            "count": count,
            "items": items,
            "url": f"{base}/",
            "settings_url": f"{base}/settings/notifications",
        },
    )
    return True


async def send_digests(db: Database, now: datetime | None = None) -> int:
    """Queue today's digests for everyone due one; the number of emails queued."""
    moment = now or datetime.now(UTC)
    day, since = moment.date(), moment - timedelta(days=1)
    after = uuid.UUID(int=0)
    sent = 0
    while True:
        async with db.transaction() as session:
            batch = (
                await session.execute(
                    _CANDIDATES, {"after": after, "since": since, "day": day, "batch": BATCH}
                )
            ).all()
            for user_id, email, name, count in batch:
                sent += await _send_one(session, user_id, email, name, count, day, since)
        if len(batch) < BATCH:
            return sent
        after = batch[-1][0]
