"""The popularity score behind the popular feed, recomputed by beat (docs/ALGORITHMS.md).

score = (1 + likes + 2·saves + 3·comments + 0.02·views) / (age_hours + 2) ^ 1.5

Engagement lifts a listing, age pulls it down (gravity 1.5, as in the well-known news
ranking), and the +1 lets a brand-new listing with no engagement start above old ones.
Age is counted in whole hours, so a listing's score changes at most once an hour unless
its engagement does: each run rewrites only the rows whose score moved. Listings older
than the horizon stop being recomputed and drop to zero once.
"""

from sqlalchemy import text

from reloop.kit.db import Database

HORIZON_DAYS = 30
_REFRESH = text(
    """
    UPDATE items SET popularity = scored.score
    FROM (
        SELECT id,
            (1 + like_count + 2 * save_count + 3 * comment_count + 0.02 * view_count)
            / power(floor(extract(epoch FROM (now() - published_at)) / 3600) + 2, 1.5)
            AS score
        FROM items
        WHERE status = 'active' AND published_at > now() - make_interval(days => :horizon)
    ) AS scored
    WHERE items.id = scored.id AND items.popularity IS DISTINCT FROM scored.score
    """
)
_RETIRE = text(
    """
    UPDATE items SET popularity = 0
    WHERE status = 'active' AND popularity <> 0
      AND published_at <= now() - make_interval(days => :horizon)
    """
)


async def refresh_popularity(db: Database) -> int:
    """Recompute scores of recent active listings; the number of rows that changed."""
    async with db.transaction() as session:
        changed = await session.execute(_REFRESH, {"horizon": HORIZON_DAYS})
        retired = await session.execute(_RETIRE, {"horizon": HORIZON_DAYS})
    return int(changed.rowcount or 0) + int(retired.rowcount or 0)  # type: ignore[attr-defined]
