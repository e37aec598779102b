"""The check after the load: counters recomputed from the rows, popularity, vocabulary.

The recount changes nothing when the plan was right (it reports how many rows it had to
correct); popularity and the search vocabulary come from the app's own jobs, run once
over the whole data set.
"""

import asyncpg

from reloop.feed.popularity import refresh_popularity
from reloop.kit.db import Database, PoolSettings, create_engine
from reloop.search.terms import refresh_terms

_RECOUNT_MEMBERS = """
UPDATE users u SET follower_count = c.followers, following_count = c.following
FROM (
    SELECT u2.id, coalesce(fr.n, 0) AS followers, coalesce(fg.n, 0) AS following
    FROM users u2
    LEFT JOIN (SELECT followee_id AS id, count(*) AS n FROM follows GROUP BY 1) fr USING (id)
    LEFT JOIN (SELECT follower_id AS id, count(*) AS n FROM follows GROUP BY 1) fg USING (id)
) c
WHERE u.id = c.id
  AND (u.follower_count, u.following_count) IS DISTINCT FROM (c.followers, c.following)
"""
_RECOUNT_ITEMS = """
UPDATE items i SET like_count = c.likes, save_count = c.saves, comment_count = c.comments
FROM (
    SELECT i2.id, coalesce(l.n, 0) AS likes, coalesce(s.n, 0) AS saves,
        coalesce(m.n, 0) AS comments
    FROM items i2
    LEFT JOIN (SELECT item_id AS id, count(*) AS n FROM likes GROUP BY 1) l USING (id)
    LEFT JOIN (SELECT item_id AS id, count(*) AS n FROM saves GROUP BY 1) s USING (id)
    LEFT JOIN (
        SELECT item_id AS id, count(*) AS n FROM comments WHERE deleted_at IS NULL GROUP BY 1
    ) m USING (id)
) c
WHERE i.id = c.id
  AND (i.like_count, i.save_count, i.comment_count)
      IS DISTINCT FROM (c.likes, c.saves, c.comments)
"""
_RECOUNT_REPLIES = """
UPDATE comments p SET reply_count = coalesce(r.n, 0)
FROM comments p2
LEFT JOIN (
    SELECT parent_id AS id, count(*) AS n FROM comments
    WHERE parent_id IS NOT NULL AND deleted_at IS NULL GROUP BY 1
) r USING (id)
WHERE p.id = p2.id AND p.reply_count IS DISTINCT FROM coalesce(r.n, 0)
"""


async def recount(conn: asyncpg.Connection) -> int:
    """Set every social counter from the rows it counts; the number of rows corrected."""
    corrected = 0
    for statement in (_RECOUNT_MEMBERS, _RECOUNT_ITEMS, _RECOUNT_REPLIES):
        status = await conn.execute(statement)
        corrected += int(status.split()[-1])
    return corrected


async def run_refresh_terms(database_url: str) -> int:
    """The search vocabulary job, over an engine of its own; what it returns."""
    db = Database(create_engine(database_url, PoolSettings(size=1, statement_timeout_ms=600_000)))
    try:
        return await refresh_terms(db)
    finally:
        await db.dispose()


async def run_refresh_popularity(database_url: str) -> int:
    """The popularity job, over an engine of its own; the scores that changed."""
    # The real job, with room for a first run that scores every recent listing at once.
    db = Database(create_engine(database_url, PoolSettings(size=1, statement_timeout_ms=3_600_000)))
    try:
        return await refresh_popularity(db)
    finally:
        await db.dispose()
