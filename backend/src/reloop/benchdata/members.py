"""Members: the regular ones and the three bench members, with their follows.

Every member signs in with `BENCH_PASSWORD`; follower and following counts come from the
plan, so they are exact when the rows land.
"""

import random
import uuid
from collections.abc import Iterator

import asyncpg

from reloop.benchdata.copying import at, copy_rows
from reloop.benchdata.links import load_links
from reloop.benchdata.plan import DAY, PUBLISHED_DAYS, Members, Plan
from reloop.benchdata.progress import Progress
from reloop.benchdata.sizes import CELEBRITY_EMAIL, FAN_EMAIL, HEAVY_EMAIL

_USER_COLUMNS = (
    "id",
    "email",
    "username",
    "password_hash",
    "role",
    "email_verified_at",
    "display_name",
    "country_code",
    "city",
    "follower_count",
    "following_count",
    "created_at",
    "updated_at",
)
_BENCH_MEMBERS = (  # (email, username, display name), in the order of `Members`
    (HEAVY_EMAIL, "bench_follows_1000", "Bench follows 1000"),
    (CELEBRITY_EMAIL, "bench_celebrity", "Bench celebrity"),
    (FAN_EMAIL, "bench_fan", "Bench fan"),
)
_FOLLOWED_DAYS = 90  # follows were made over the last 90 days


def _identity(members: Members, n: int) -> tuple[str, str, str]:
    if n < members.count:
        return f"bench{n}@example.com", f"bench_{n}", f"Bench member {n}"
    return _BENCH_MEMBERS[n - members.count]


async def load_users(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: Plan,
    ids: list[uuid.UUID],
    password_hash: str,
    progress: Progress,
) -> None:
    # citext has no binary COPY codec: COPY into a text twin, then one INSERT … SELECT.
    await conn.execute(
        "CREATE TEMP TABLE bench_users (LIKE users INCLUDING DEFAULTS);"
        "ALTER TABLE bench_users ALTER email TYPE text, ALTER username TYPE text"
    )
    followers = plan.follows.per_target(plan.members.total)
    following = plan.follows.per_source()

    def rows() -> Iterator[tuple[object, ...]]:
        for n, member_id in enumerate(ids):
            email, username, display_name = _identity(plan.members, n)
            joined = at(plan.now - rng.uniform(PUBLISHED_DAYS, 720) * DAY)
            yield (
                member_id,
                email,
                username,
                password_hash,
                "member",
                joined,
                display_name,
                "FR",
                "Lyon",
                followers[n],
                following[n],
                joined,
                joined,
            )

    await copy_rows(conn, "bench_users", _USER_COLUMNS, rows(), len(ids), progress)
    columns = ", ".join(_USER_COLUMNS)
    await conn.execute(f"INSERT INTO users ({columns}) SELECT {columns} FROM bench_users")  # noqa: S608
    await conn.execute("DROP TABLE bench_users")


async def load_follows(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: Plan,
    member_ids: list[uuid.UUID],
    progress: Progress,
) -> None:
    """The planned follows, each made at some moment of the last `_FOLLOWED_DAYS` days."""
    span = _FOLLOWED_DAYS * DAY
    await load_links(
        conn,
        "follows",
        ("follower_id", "followee_id"),
        plan.follows,
        member_ids,
        member_ids,
        lambda _: plan.now - rng.uniform(0, span),
        progress,
    )
