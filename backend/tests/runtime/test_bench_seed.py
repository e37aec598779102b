"""`reloop seed --bench small`: exact counters and the bench members, in a real database."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner

from reloop.benchdata import (
    BENCH_PASSWORD,
    CELEBRITY_EMAIL,
    FAN_EMAIL,
    HEAVY_EMAIL,
    SIZES,
    seed,
)
from reloop.cli import app
from reloop.kit.db import Database
from reloop.kit.security.passwords import verify_password
from tests.fixtures.environment import ServiceEnvironment

SMALL = SIZES["small"]

_ROWS = """
SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM items),
    (SELECT count(*) FROM follows), (SELECT count(*) FROM likes),
    (SELECT count(*) FROM saves), (SELECT count(*) FROM comments)
"""
# Rows whose stored counter differs from what it counts: all must be zero.
_WRONG_COUNTERS = """
SELECT
    (SELECT count(*) FROM users u WHERE
        follower_count <> (SELECT count(*) FROM follows f WHERE f.followee_id = u.id)
        OR following_count <> (SELECT count(*) FROM follows f WHERE f.follower_id = u.id)),
    (SELECT count(*) FROM items i WHERE
        like_count <> (SELECT count(*) FROM likes l WHERE l.item_id = i.id)
        OR save_count <> (SELECT count(*) FROM saves s WHERE s.item_id = i.id)
        OR comment_count <> (SELECT count(*) FROM comments c WHERE c.item_id = i.id)),
    (SELECT count(*) FROM comments p WHERE
        reply_count <> (SELECT count(*) FROM comments r WHERE r.parent_id = p.id))
"""
_MEMBER = """
SELECT id, password_hash, follower_count, following_count,
    (SELECT count(*) FROM items i WHERE i.seller_id = u.id AND i.status = 'active') AS active
FROM users u WHERE email = :email
"""
# Followees of a member that have nothing for sale.
_FOLLOWS_WITHOUT_LISTINGS = """
SELECT count(*) FROM follows f WHERE f.follower_id = :member AND NOT EXISTS (
    SELECT 1 FROM items i WHERE i.seller_id = f.followee_id AND i.status = 'active')
"""
# The listing a price drop fans out from: the celebrity's most liked, and who hears of it.
_HOT_ITEM = """
SELECT i.like_count, (
    SELECT count(*) FROM (
        SELECT user_id FROM likes WHERE item_id = i.id
        UNION SELECT user_id FROM saves WHERE item_id = i.id) r
    WHERE r.user_id <> i.seller_id)
FROM items i WHERE i.seller_id = :celebrity ORDER BY i.like_count DESC LIMIT 1
"""


async def test_small_is_exact_and_has_the_bench_members(
    test_environment: ServiceEnvironment, database: Database
) -> None:
    reported: dict[str, int] = {}

    def progress(what: str, done: int, _total: int) -> None:
        reported[what] = done

    await seed(test_environment.database_url, "small", progress)

    async with database.sessionmaker() as session:
        await _assert_rows_and_counters(session)
        await _assert_bench_members(session)
    assert reported["likes"] == SMALL.likes
    assert reported["counters corrected by the recount"] == 0


async def _assert_rows_and_counters(session: AsyncSession) -> None:
    rows = (await session.execute(text(_ROWS))).one()
    wrong = (await session.execute(text(_WRONG_COUNTERS))).one()
    ranked = await session.scalar(
        text("SELECT count(*) FROM items WHERE status = 'active' AND popularity > 0")
    )
    members = SMALL.members + 3
    expected = (members, SMALL.items, SMALL.follows, SMALL.likes, SMALL.saves, SMALL.comments)
    assert tuple(rows) == expected
    assert tuple(wrong) == (0, 0, 0)
    assert ranked  # the real popularity refresh ran


async def _assert_bench_members(session: AsyncSession) -> None:
    heavy, celebrity, fan = [
        (await session.execute(text(_MEMBER), {"email": email})).one()
        for email in (HEAVY_EMAIL, CELEBRITY_EMAIL, FAN_EMAIL)
    ]
    idle_follows = await session.scalar(text(_FOLLOWS_WITHOUT_LISTINGS), {"member": heavy.id})
    fan_follows_celebrity = await session.scalar(
        text("SELECT count(*) FROM follows WHERE follower_id = :a AND followee_id = :b"),
        {"a": fan.id, "b": celebrity.id},
    )
    hot_likes, hot_recipients = (
        await session.execute(text(_HOT_ITEM), {"celebrity": celebrity.id})
    ).one()
    assert heavy.following_count == SMALL.heavy_follows
    assert idle_follows == 0
    assert celebrity.follower_count == SMALL.celebrity_followers
    assert celebrity.active == SMALL.celebrity_items
    assert fan.following_count == SMALL.fan_follows + 1
    assert fan_follows_celebrity == 1
    assert hot_likes == hot_recipients == SMALL.hot_item_likers
    assert (await verify_password(fan.password_hash, BENCH_PASSWORD)).ok


def test_seed_refuses_an_unknown_size() -> None:
    result = CliRunner().invoke(app, ["seed", "--bench", "huge"])

    assert result.exit_code == 2
    assert "choose from small, 1m" in result.output
