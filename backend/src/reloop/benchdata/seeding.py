"""`seed`: the plan drawn, every table loaded from it with COPY, then the check."""

import random
import time
import uuid

import asyncpg

from reloop.benchdata.check import recount, run_refresh_popularity, run_refresh_terms
from reloop.benchdata.engagement import load_comments, load_reactions
from reloop.benchdata.listings import load_items
from reloop.benchdata.members import load_follows, load_users
from reloop.benchdata.plan import draw_plan
from reloop.benchdata.progress import Progress
from reloop.benchdata.sizes import BENCH_PASSWORD, SIZES, BenchSize
from reloop.kit.ids import new_id
from reloop.kit.security.passwords import hash_password


def _ids(n: int) -> list[uuid.UUID]:
    return [new_id() for _ in range(n)]


async def seed(database_url: str, size: str, progress: Progress) -> BenchSize:
    """Add data set `size` to the database (migrated, without bench data yet)."""
    spec = SIZES[size]
    rng = random.Random(20261124)  # noqa: S311 (reproducible data, not secrets)
    plan = draw_plan(rng, spec, time.time(), progress)
    member_ids, item_ids = _ids(plan.members.total), _ids(spec.items)
    url = database_url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(url)
    try:
        # Aggregates of the recount stay in memory; a lost commit costs only a re-run.
        await conn.execute("SET work_mem = '256MB'; SET synchronous_commit = off")
        password_hash = await hash_password(BENCH_PASSWORD)
        await load_users(conn, rng, plan, member_ids, password_hash, progress)
        await load_items(conn, rng, plan, member_ids, item_ids, progress)
        await load_follows(conn, rng, plan, member_ids, progress)
        await load_reactions(conn, rng, plan, member_ids, item_ids, progress)
        await load_comments(conn, rng, plan, member_ids, item_ids, progress)
        progress("counters corrected by the recount", await recount(conn), 0)
        progress("popularity scores", await run_refresh_popularity(url), spec.items)
        progress("search vocabulary", await run_refresh_terms(url), 0)
        await conn.execute("VACUUM (ANALYZE)")
        progress("vacuum and analyze", 1, 1)
    finally:
        await conn.close()
    return spec
