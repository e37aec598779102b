"""`reloop seed --bench SIZE`: load-test data at scale, written with COPY.

Realistic shapes rather than realistic prose: members, listings spread over the real
taxonomy, one processed-looking image row per listing (metadata only; no files), and the
social graph on top: follows, likes, saves and comment threads. `small` (1k members,
10k listings) loads in seconds for CI and the item-detail benchmark; `1m` (100k members,
1M listings, 3M follows, 10M likes, 2M saves, 1M comments) is the data set of the budgets
in DESIGN.md §10.

How it stays fast and bounded:

1. **Plan.** The whole graph is drawn first as integer indexes in compact arrays (the
   plan of 10M likes is 40 MB), so every counter is known before a row is written and
   no listing has to be rewritten after its COPY.
2. **Load.** Rows are built from the plan chunk by chunk and written with COPY; indexes
   stay in place (rows come sorted by their owner, so most indexes grow at their end).
3. **Check.** Counters are recomputed in SQL from the rows themselves, a statement that
   changes nothing when the plan was right; popularity comes from the real
   `refresh_popularity`, then `VACUUM (ANALYZE)` so plans and visibility match a
   database that has been running for a while.

Skew: sellers, followees and liked listings follow power laws (a few sellers hold many
listings and many followers; a few listings collect most likes), members' activity is
log-normal, and listings were published over the last 60 days.

Bench members, password `BENCH_PASSWORD`: `bench-follows-1000@example.com` follows
`heavy_follows` active sellers (1,000 at `1m`); `bench-celebrity@example.com` sells
`celebrity_items` active listings and has `celebrity_followers` followers (100,000 at
`1m`), one listing of which (the "hot item") is liked by `hot_item_likers` members;
`bench-fan@example.com` follows the celebrity and `fan_follows` other sellers.
"""

import math
import random
import time
import uuid
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate
from typing import TypeAlias

import asyncpg

from reloop.feed.popularity import refresh_popularity
from reloop.kit.db import Database, PoolSettings, create_engine
from reloop.kit.ids import new_id
from reloop.kit.security.passwords import hash_password
from reloop.search.terms import refresh_terms

Progress = Callable[[str, int, int], None]
# `array` is generic to type checkers only; at runtime before Python 3.12 it is not.
_Ints: TypeAlias = "array[int]"
_Floats: TypeAlias = "array[float]"


@dataclass(frozen=True)
class BenchSize:
    """The rows one data set adds; the three bench members come on top of `members`."""

    members: int
    items: int
    follows: int
    likes: int
    saves: int
    comments: int
    heavy_follows: int
    celebrity_followers: int
    celebrity_items: int
    hot_item_likers: int
    fan_follows: int = 20


SIZES = {
    # `small` has about 900 active sellers, so its heavy follower follows 500 of them.
    "small": BenchSize(
        members=1_000,
        items=10_000,
        follows=30_000,
        likes=100_000,
        saves=20_000,
        comments=10_000,
        heavy_follows=500,
        celebrity_followers=1_000,
        celebrity_items=20,
        hot_item_likers=1_000,
    ),
    "1m": BenchSize(
        members=100_000,
        items=1_000_000,
        follows=3_000_000,
        likes=10_000_000,
        saves=2_000_000,
        comments=1_000_000,
        heavy_follows=1_000,
        celebrity_followers=100_000,
        celebrity_items=200,
        hot_item_likers=100_000,
    ),
}
BENCH_PASSWORD = "bench member passphrase"  # noqa: S105 (benchmark data only)
HEAVY_EMAIL = "bench-follows-1000@example.com"
CELEBRITY_EMAIL = "bench-celebrity@example.com"
FAN_EMAIL = "bench-fan@example.com"
HOT_ITEM_PRICE = 20_000  # €200.00: the price the fan-out benchmark drops from

_CHUNK = 200_000  # rows per COPY: large enough to stream, small enough to stay bounded
_DAY = 86_400.0
_PUBLISHED_DAYS = 60
_SOLD_SHARE = 0.1
_REPLY_SHARE = 0.25
_PLACEHOLDER = "data:image/webp;base64,UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAfQ//73v/+BiOh/AAA="
_VARIANTS = (
    '{"thumb": {"width": 320, "height": 400}, "medium": {"width": 960, "height": 1200},'
    ' "large": {"width": 1200, "height": 1500}}'
)
_QUESTIONS = (
    "Is this still available?",
    "Would you take a little less for it?",
    "What are the exact measurements?",
    "Any marks or flaws not in the photos?",
    "Can you ship it this week?",
    "Is the colour true to the photos?",
)
_ANSWERS = (
    "Yes, still available.",
    "Happy to discuss, make me an offer.",
    "No flaws, it has been worn twice.",
    "I can ship tomorrow morning.",
)


# --- the plan: who does what, as integer indexes ---------------------------------------


@dataclass
class _Links:
    """Edges from sources to targets: source s links to targets[starts[s]:starts[s + 1]]."""

    starts: _Ints = field(default_factory=lambda: array("q", [0]))
    targets: _Ints = field(default_factory=lambda: array("i"))

    def add(self, targets: Iterable[int]) -> None:
        """The next source's targets (sorted, so each source's rows are written in order)."""
        self.targets.extend(sorted(targets))
        self.starts.append(len(self.targets))

    def of(self, source: int) -> _Ints:
        return self.targets[self.starts[source] : self.starts[source + 1]]

    def per_source(self) -> list[int]:
        return [b - a for a, b in zip(self.starts, self.starts[1:], strict=False)]

    def per_target(self, size: int) -> list[int]:
        counts = [0] * size
        for target, n in Counter(self.targets).items():
            counts[target] = n
        return counts


@dataclass(frozen=True)
class _Members:
    """Member indexes: regular members are 0..count-1, then the three bench members."""

    count: int

    @property
    def heavy(self) -> int:
        return self.count

    @property
    def celebrity(self) -> int:
        return self.count + 1

    @property
    def fan(self) -> int:
        return self.count + 2

    @property
    def total(self) -> int:
        return self.count + 3


@dataclass
class _Plan:
    members: _Members
    now: float
    item_seller: _Ints
    item_published: _Floats
    item_active: bytearray
    hot_item: int
    follows: _Links
    likes: _Links
    saves: _Links
    comments_per_item: list[int]


def _power_law(n: int, offset: float, exponent: float) -> list[float]:
    """Cumulative weights 1 / (rank + offset)^exponent of ranks 0..n-1, for `choices`."""
    return list(accumulate(1 / (rank + offset) ** exponent for rank in range(n)))


def _spread(rng: random.Random, total: int, n: int, cap: int) -> list[int]:
    """`total` split over `n` members, log-normally (most do a little, a few a lot)."""
    weights = [rng.lognormvariate(0.0, 1.0) for _ in range(n)]
    scale = total / sum(weights)
    counts = [min(cap, int(w * scale)) for w in weights]
    short = total - sum(counts)
    if short > n * cap - sum(counts):
        raise ValueError(f"cannot spread {total} over {n} members at most {cap} each")
    while short > 0:  # what rounding down and the cap left over, one at a time
        i = rng.randrange(n)
        if counts[i] < cap:
            counts[i] += 1
            short -= 1
    return counts


def _distinct(
    rng: random.Random,
    population: Sequence[int],
    cum_weights: list[float],
    k: int,
    allowed: Callable[[int], bool],
) -> set[int]:
    """`k` distinct picks by weight among the allowed ones (the caller keeps k feasible)."""
    chosen: set[int] = set()
    while len(chosen) < k:
        picks = rng.choices(population, cum_weights=cum_weights, k=k - len(chosen))
        chosen.update(p for p in picks if allowed(p))
    return chosen


def _plan_items(
    rng: random.Random, spec: BenchSize, members: _Members, now: float
) -> tuple[_Ints, _Floats, bytearray]:
    """Who sells each listing, when it was published, whether it is still for sale.

    The celebrity's listings come first (all active); item 0, published a day ago, is
    the hot item. The rest go to regular members by a power law of their rank.
    """
    sellers = array("i", [members.celebrity] * spec.celebrity_items)
    rest = spec.items - spec.celebrity_items
    seller_weights = _power_law(members.count, offset=50, exponent=1.1)
    for start in range(0, rest, _CHUNK):
        n = min(_CHUNK, rest - start)
        sellers.extend(rng.choices(range(members.count), cum_weights=seller_weights, k=n))
    span = _PUBLISHED_DAYS * _DAY
    published = array("d", (now - rng.uniform(0, span) for _ in range(spec.items)))
    published[0] = now - _DAY
    active = bytearray(
        1 if n < spec.celebrity_items or rng.random() >= _SOLD_SHARE else 0
        for n in range(spec.items)
    )
    return sellers, published, active


def _plan_follows(
    rng: random.Random, spec: BenchSize, members: _Members, active_sellers: set[int]
) -> _Links:
    """Regular follows by a power law of seller rank; the bench members' exact follows."""
    weights = _power_law(members.count, offset=50, exponent=1.05)
    population = range(members.count)
    regular = spec.follows - spec.celebrity_followers - spec.heavy_follows - spec.fan_follows
    counts = _spread(rng, regular, members.count, cap=min(2_000, members.count // 10))
    links = _Links()
    for member, count in enumerate(counts):

        def not_self(other: int, me: int = member) -> bool:
            return other != me

        chosen = _distinct(rng, population, weights, count, not_self)
        if member < spec.celebrity_followers - 1:  # the fan is the last follower
            chosen.add(members.celebrity)
        links.add(chosen)
    if spec.heavy_follows > len(active_sellers):
        raise ValueError(f"only {len(active_sellers)} active sellers to follow")
    links.add(_distinct(rng, population, weights, spec.heavy_follows, active_sellers.__contains__))
    links.add(())  # the celebrity follows nobody
    fan = _distinct(rng, population, weights, spec.fan_follows, active_sellers.__contains__)
    links.add(fan | {members.celebrity})
    return links


def _plan_reactions(
    rng: random.Random,
    total: int,
    members: _Members,
    item_seller: _Ints,
    item_weights: list[float],
    item_ranked: list[int],
    hot: tuple[int, int],
) -> _Links:
    """Likes or saves: each member's count log-normal, listings by a power law.

    Nobody reacts to their own listings. The hot item `(item, members)` gets exactly
    members 0..members-1 and nobody else, so its fan-out size is known.
    """
    hot_item, hot_members = hot
    cap = min(5_000, len(item_seller) // 10)
    links = _Links()
    for member, count in enumerate(_spread(rng, total, members.total, cap)):

        def allowed(item: int, me: int = member) -> bool:
            return item != hot_item and item_seller[item] != me

        chosen = _distinct(rng, item_ranked, item_weights, count, allowed)
        if member < hot_members:
            chosen.add(hot_item)
        links.add(chosen)
    return links


def _plan_comment_counts(
    rng: random.Random, total: int, item_weights: list[float], item_ranked: list[int]
) -> list[int]:
    counts = [0] * len(item_ranked)
    for start in range(0, total, _CHUNK):
        n = min(_CHUNK, total - start)
        for item in rng.choices(item_ranked, cum_weights=item_weights, k=n):
            counts[item] += 1
    return counts


def _plan(rng: random.Random, spec: BenchSize, now: float, progress: Progress) -> _Plan:
    if spec.celebrity_followers - 1 > spec.members or spec.hot_item_likers > spec.members:
        raise ValueError("the celebrity's followers and likers are regular members")
    members = _Members(spec.members)
    sellers, published, active = _plan_items(rng, spec, members, now)
    active_sellers = {s for s, a in zip(sellers, active, strict=True) if a} - {members.celebrity}
    progress("plan: listings", spec.items, spec.items)
    follows = _plan_follows(rng, spec, members, active_sellers)
    progress("plan: follows", spec.follows, spec.follows)
    # Liked listings: a power law over a shuffled ranking, so popularity is not seniority.
    ranked = list(range(spec.items))
    rng.shuffle(ranked)
    weights = _power_law(spec.items, offset=10, exponent=0.8)
    hot = 0
    own_likes = spec.likes - spec.hot_item_likers
    likes = _plan_reactions(
        rng, own_likes, members, sellers, weights, ranked, hot=(hot, spec.hot_item_likers)
    )
    progress("plan: likes", spec.likes, spec.likes)
    saves = _plan_reactions(rng, spec.saves, members, sellers, weights, ranked, hot=(hot, 0))
    progress("plan: saves", spec.saves, spec.saves)
    comments = _plan_comment_counts(rng, spec.comments, weights, ranked)
    progress("plan: comments", spec.comments, spec.comments)
    return _Plan(members, now, sellers, published, active, hot, follows, likes, saves, comments)


# --- the load: rows built from the plan, chunk by chunk, written with COPY -------------


@dataclass
class _Vocabulary:
    leaves: list[tuple[uuid.UUID, uuid.UUID | None]]
    sizes: dict[uuid.UUID, list[uuid.UUID]]
    brands: list[uuid.UUID]
    conditions: list[str]
    colors: list[str]


async def _vocabulary(conn: asyncpg.Connection) -> _Vocabulary:
    leaves = [
        (r["id"], r["size_group_id"])
        for r in await conn.fetch("SELECT id, size_group_id FROM categories WHERE is_leaf")
    ]
    sizes: dict[uuid.UUID, list[uuid.UUID]] = {}
    for r in await conn.fetch("SELECT id, group_id FROM sizes"):
        sizes.setdefault(r["group_id"], []).append(r["id"])
    brands = [r["id"] for r in await conn.fetch("SELECT id FROM brands")]
    conditions = [
        r["key"] for r in await conn.fetch("SELECT key FROM conditions ORDER BY position")
    ]
    colors = [r["key"] for r in await conn.fetch("SELECT key FROM colors")]
    return _Vocabulary(leaves, sizes, brands, conditions, colors)


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _chunks(rows: Iterable[tuple[object, ...]]) -> Iterator[list[tuple[object, ...]]]:
    chunk: list[tuple[object, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


async def _copy(
    conn: asyncpg.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple[object, ...]],
    total: int,
    progress: Progress,
) -> None:
    done = 0
    for chunk in _chunks(rows):
        await conn.copy_records_to_table(table, records=chunk, columns=list(columns))
        done += len(chunk)
        progress(table, done, total)


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
_BENCH_MEMBERS = (  # (email, username, display name), in the order of `_Members`
    (HEAVY_EMAIL, "bench_follows_1000", "Bench follows 1000"),
    (CELEBRITY_EMAIL, "bench_celebrity", "Bench celebrity"),
    (FAN_EMAIL, "bench_fan", "Bench fan"),
)


def _identity(members: _Members, n: int) -> tuple[str, str, str]:
    if n < members.count:
        return f"bench{n}@example.com", f"bench_{n}", f"Bench member {n}"
    return _BENCH_MEMBERS[n - members.count]


async def _load_users(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: _Plan,
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
            joined = _at(plan.now - rng.uniform(_PUBLISHED_DAYS, 720) * _DAY)
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

    await _copy(conn, "bench_users", _USER_COLUMNS, rows(), len(ids), progress)
    columns = ", ".join(_USER_COLUMNS)
    await conn.execute(f"INSERT INTO users ({columns}) SELECT {columns} FROM bench_users")  # noqa: S608
    await conn.execute("DROP TABLE bench_users")


_ITEM_COLUMNS = (
    "id",
    "seller_id",
    "title",
    "description",
    "category_id",
    "brand_id",
    "size_id",
    "condition",
    "colors",
    "price_amount",
    "currency",
    "quantity",
    "reserved",
    "status",
    "country_code",
    "city",
    "like_count",
    "save_count",
    "comment_count",
    "view_count",
    "popularity",
    "version",
    "published_at",
    "created_at",
    "updated_at",
)
_IMAGE_COLUMNS = (
    "id",
    "owner_id",
    "item_id",
    "position",
    "purpose",
    "status",
    "declared_type",
    "size_bytes",
    "width",
    "height",
    "dominant_color",
    "placeholder",
    "variants",
    "processed_at",
    "created_at",
    "updated_at",
)


async def _load_items(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: _Plan,
    member_ids: list[uuid.UUID],
    item_ids: list[uuid.UUID],
    progress: Progress,
) -> None:
    """Listings with their exact counters, then one cover image row each."""
    words = await _vocabulary(conn)
    likes = plan.likes.per_target(len(item_ids))
    saves = plan.saves.per_target(len(item_ids))
    low, high = math.log(300), math.log(30_000)

    def items() -> Iterator[tuple[object, ...]]:
        for n, item_id in enumerate(item_ids):
            leaf, group = rng.choice(words.leaves)
            published = _at(plan.item_published[n])
            price = HOT_ITEM_PRICE if n == plan.hot_item else int(math.exp(rng.uniform(low, high)))
            yield (
                item_id,
                member_ids[plan.item_seller[n]],
                f"Bench listing {n}",
                "Benchmark listing description.",
                leaf,
                rng.choice(words.brands) if rng.random() < 0.8 else None,
                rng.choice(words.sizes[group]) if group else None,
                rng.choice(words.conditions),
                [rng.choice(words.colors)],
                price,
                "EUR",
                1,
                0,
                "active" if plan.item_active[n] else "sold",
                "FR",
                "Lyon",
                likes[n],
                saves[n],
                plan.comments_per_item[n],
                rng.randrange(0, 500),
                0.0,
                1,
                published,
                published,
                published,
            )

    def images() -> Iterator[tuple[object, ...]]:
        for n, item_id in enumerate(item_ids):
            published = _at(plan.item_published[n])
            yield (
                new_id(),
                member_ids[plan.item_seller[n]],
                item_id,
                0,
                "item",
                "ready",
                "image/jpeg",
                250_000,
                1200,
                1500,
                "#8a7f72",
                _PLACEHOLDER,
                _VARIANTS,
                published,
                published,
                published,
            )

    await _copy(conn, "items", _ITEM_COLUMNS, items(), len(item_ids), progress)
    await _copy(conn, "images", _IMAGE_COLUMNS, images(), len(item_ids), progress)


async def _load_links(
    conn: asyncpg.Connection,
    table: str,
    columns: tuple[str, str],
    links: _Links,
    sources: list[uuid.UUID],
    targets: list[uuid.UUID],
    created: Callable[[int], float],
    progress: Progress,
) -> None:
    """One link table, rows in primary-key order; `created(target)` dates each row."""

    def rows() -> Iterator[tuple[object, ...]]:
        for s, source_id in enumerate(sources):
            for t in links.of(s):
                yield source_id, targets[t], _at(created(t))

    await _copy(conn, table, (*columns, "created_at"), rows(), len(links.targets), progress)


_COMMENT_COLUMNS = (
    "id",
    "item_id",
    "author_id",
    "parent_id",
    "body",
    "mentions",
    "reply_count",
    "created_at",
)


def _thread(
    rng: random.Random, plan: _Plan, item: int, member_ids: list[uuid.UUID], item_id: uuid.UUID
) -> list[tuple[object, ...]]:
    """One listing's comments in time order: questions, and replies (often the seller's)."""
    published = plan.item_published[item]
    times = sorted(rng.uniform(published, plan.now) for _ in range(plan.comments_per_item[item]))
    ids = [new_id() for _ in times]
    questions: list[int] = []
    parents: list[int | None] = []
    authors: list[int] = []
    replies = [0] * len(times)
    for n in range(len(times)):
        if questions and rng.random() < _REPLY_SHARE:
            parent = rng.choice(questions)
            replies[parent] += 1
            parents.append(parent)
            by_seller = rng.random() < 0.5
            authors.append(
                plan.item_seller[item] if by_seller else rng.randrange(plan.members.total)
            )
        else:
            questions.append(n)
            parents.append(None)
            authors.append(rng.randrange(plan.members.total))
    return [
        (
            ids[n],
            item_id,
            member_ids[authors[n]],
            None if parent is None else ids[parent],
            rng.choice(_QUESTIONS if parent is None else _ANSWERS),
            "[]",
            replies[n],
            _at(times[n]),
        )
        for n, parent in enumerate(parents)
    ]


async def _load_comments(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: _Plan,
    member_ids: list[uuid.UUID],
    item_ids: list[uuid.UUID],
    progress: Progress,
) -> None:
    def rows() -> Iterator[tuple[object, ...]]:
        for item, item_id in enumerate(item_ids):
            if plan.comments_per_item[item]:
                yield from _thread(rng, plan, item, member_ids, item_id)

    total = sum(plan.comments_per_item)
    await _copy(conn, "comments", _COMMENT_COLUMNS, rows(), total, progress)


# --- the check: counters from the rows, popularity, statistics --------------------------

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


async def _recount(conn: asyncpg.Connection) -> int:
    """Set every social counter from the rows it counts; the number of rows corrected."""
    corrected = 0
    for statement in (_RECOUNT_MEMBERS, _RECOUNT_ITEMS, _RECOUNT_REPLIES):
        status = await conn.execute(statement)
        corrected += int(status.split()[-1])
    return corrected


async def _refresh_terms(database_url: str) -> int:
    db = Database(create_engine(database_url, PoolSettings(size=1, statement_timeout_ms=600_000)))
    try:
        return await refresh_terms(db)
    finally:
        await db.dispose()


async def _refresh_popularity(database_url: str) -> int:
    # The real job, with room for a first run that scores every recent listing at once.
    db = Database(create_engine(database_url, PoolSettings(size=1, statement_timeout_ms=3_600_000)))
    try:
        return await refresh_popularity(db)
    finally:
        await db.dispose()


# --- putting it together ----------------------------------------------------------------


def _ids(n: int) -> list[uuid.UUID]:
    return [new_id() for _ in range(n)]


async def seed(database_url: str, size: str, progress: Progress) -> BenchSize:
    """Add data set `size` to the database (migrated, without bench data yet)."""
    spec = SIZES[size]
    rng = random.Random(20261124)  # noqa: S311 (reproducible data, not secrets)
    plan = _plan(rng, spec, time.time(), progress)
    member_ids, item_ids = _ids(plan.members.total), _ids(spec.items)
    published = plan.item_published
    url = database_url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(url)
    try:
        # Aggregates of the recount stay in memory; a lost commit costs only a re-run.
        await conn.execute("SET work_mem = '256MB'; SET synchronous_commit = off")
        password_hash = await hash_password(BENCH_PASSWORD)
        await _load_users(conn, rng, plan, member_ids, password_hash, progress)
        await _load_items(conn, rng, plan, member_ids, item_ids, progress)
        span = 90 * _DAY
        await _load_links(
            conn,
            "follows",
            ("follower_id", "followee_id"),
            plan.follows,
            member_ids,
            member_ids,
            lambda _: plan.now - rng.uniform(0, span),
            progress,
        )
        for table, links in (("likes", plan.likes), ("saves", plan.saves)):
            await _load_links(
                conn,
                table,
                ("user_id", "item_id"),
                links,
                member_ids,
                item_ids,
                lambda item: rng.uniform(published[item], plan.now),
                progress,
            )
        await _load_comments(conn, rng, plan, member_ids, item_ids, progress)
        progress("counters corrected by the recount", await _recount(conn), 0)
        progress("popularity scores", await _refresh_popularity(url), spec.items)
        progress("search vocabulary", await _refresh_terms(url), 0)
        await conn.execute("VACUUM (ANALYZE)")
        progress("vacuum and analyze", 1, 1)
    finally:
        await conn.close()
    return spec
