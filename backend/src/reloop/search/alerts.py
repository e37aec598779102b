"""The daily email of new listings matching the saved searches that asked for one.

Due searches are claimed with `FOR UPDATE SKIP LOCKED` and stamped `emailed_on` in the
same transaction as the email they queue, so a rerun (or two beats racing) sends no
second email the same day. One email per member, however many searches match.
"""

import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.db import Database
from reloop.mail.service import queue_email
from reloop.notifications.emails import app_url
from reloop.notifications.texts import format_price

BATCH = 200
SHOWN = 5

_DUE = text(
    """
    SELECT s.id, s.user_id, s.name, s.query, u.email, u.display_name
    FROM saved_searches s
    JOIN users u ON u.id = s.user_id AND u.deleted_at IS NULL
    WHERE s.email_alerts AND (s.emailed_on IS NULL OR s.emailed_on < :day)
    ORDER BY s.user_id, s.created_at
    LIMIT :batch
    FOR UPDATE OF s SKIP LOCKED
    """
)
_MATCHES = text(
    """
    SELECT s.id, i.id, i.title, i.price_amount, i.currency
    FROM saved_searches s
    CROSS JOIN LATERAL (
        SELECT i.id, i.title, i.price_amount, i.currency FROM items i
        WHERE i.status = 'active' AND i.published_at > :since
          AND i.seller_id <> s.user_id
          AND saved_search_matches(s, i)
          AND NOT EXISTS (
              SELECT 1 FROM blocks b
              WHERE (b.blocker_id = s.user_id AND b.blocked_id = i.seller_id)
                 OR (b.blocker_id = i.seller_id AND b.blocked_id = s.user_id)
          )
        ORDER BY i.published_at DESC
        LIMIT :shown
    ) AS i
    WHERE s.id = ANY (CAST(:ids AS uuid[]))
    """
)
_STAMP = text("UPDATE saved_searches SET emailed_on = :day WHERE id = ANY (CAST(:ids AS uuid[]))")


def _search_url(base: str, query: dict[str, Any]) -> str:
    return f"{base}/search?{urlencode(query, doseq=True)}&sort=newest"


async def _email_batch(session: AsyncSession, rows: list[Any], since: datetime) -> int:
    ids = [row[0] for row in rows]
    found: dict[uuid.UUID, list[dict[str, str]]] = defaultdict(list)
    base = app_url()
    matches = await session.execute(_MATCHES, {"ids": ids, "since": since, "shown": SHOWN})
    for search_id, item_id, title, amount, currency in matches:
        found[search_id].append(
            {
                "title": title,
                "price": format_price(amount, currency),
                "url": f"{base}/items/{item_id}",
            }
        )
    members: dict[uuid.UUID, dict[str, Any]] = {}
    for search_id, user_id, name, query, email, display_name in rows:
        if not found[search_id]:
            continue
        member = members.setdefault(user_id, {"email": email, "name": display_name, "searches": []})
        member["searches"].append(
            {"name": name, "listings": found[search_id], "url": _search_url(base, query)}
        )
    for member in members.values():
        await queue_email(
            session,
            to=member["email"],
            template="saved_searches",
            context={
                "name": member["name"],
                "searches": member["searches"],
                "manage_url": f"{base}/saved-searches",
            },
        )
    return len(members)


async def send_saved_search_emails(db: Database, now: datetime | None = None) -> int:
    """Queue today's alert emails for every saved search that wants one; emails queued."""
    moment = now or datetime.now(UTC)
    day, since = moment.date(), moment - timedelta(days=1)
    sent = 0
    while True:
        async with db.transaction() as session:
            rows = list(await session.execute(_DUE, {"day": day, "batch": BATCH}))
            if rows:
                sent += await _email_batch(session, rows, since)
                await session.execute(_STAMP, {"day": day, "ids": [row[0] for row in rows]})
        if len(rows) < BATCH:
            return sent
