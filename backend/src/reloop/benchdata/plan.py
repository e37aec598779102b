"""The plan: the whole graph drawn first, as integer indexes in compact arrays.

Every counter is known before a row is written (the plan of 10M likes is 40 MB), so no
listing has to be rewritten after its COPY. Sellers, followees and liked listings follow
power laws; members' activity is log-normal; listings were published over the last
`PUBLISHED_DAYS` days, and a tenth of the regular members' listings are sold.
"""

import random
from array import array
from dataclasses import dataclass
from typing import TypeAlias

from reloop.benchdata.copying import CHUNK
from reloop.benchdata.links import Ints, Links
from reloop.benchdata.progress import Progress
from reloop.benchdata.shapes import distinct, power_law, spread
from reloop.benchdata.sizes import BenchSize

_Floats: TypeAlias = "array[float]"  # a string, as `Ints` is
DAY = 86_400.0
PUBLISHED_DAYS = 60
_SOLD_SHARE = 0.1


@dataclass(frozen=True)
class Members:
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
class Plan:
    """Who sells, follows, likes, saves and comments on what, as indexes (`now` in epoch s)."""

    members: Members
    now: float
    item_seller: Ints
    item_published: _Floats
    item_active: bytearray
    hot_item: int
    follows: Links
    likes: Links
    saves: Links
    comments_per_item: list[int]


def _plan_items(
    rng: random.Random, spec: BenchSize, members: Members, now: float
) -> tuple[Ints, _Floats, bytearray]:
    """Who sells each listing, when it was published, whether it is still for sale.

    The celebrity's listings come first (all active); item 0, published a day ago, is
    the hot item. The rest go to regular members by a power law of their rank.
    """
    sellers = array("i", [members.celebrity] * spec.celebrity_items)
    rest = spec.items - spec.celebrity_items
    seller_weights = power_law(members.count, offset=50, exponent=1.1)
    for start in range(0, rest, CHUNK):
        n = min(CHUNK, rest - start)
        sellers.extend(rng.choices(range(members.count), cum_weights=seller_weights, k=n))
    span = PUBLISHED_DAYS * DAY
    published = array("d", (now - rng.uniform(0, span) for _ in range(spec.items)))
    published[0] = now - DAY
    active = bytearray(
        1 if n < spec.celebrity_items or rng.random() >= _SOLD_SHARE else 0
        for n in range(spec.items)
    )
    return sellers, published, active


def _plan_follows(
    rng: random.Random, spec: BenchSize, members: Members, active_sellers: set[int]
) -> Links:
    """Regular follows by a power law of seller rank; the bench members' exact follows."""
    weights = power_law(members.count, offset=50, exponent=1.05)
    population = range(members.count)
    regular = spec.follows - spec.celebrity_followers - spec.heavy_follows - spec.fan_follows
    counts = spread(rng, regular, members.count, cap=min(2_000, members.count // 10))
    links = Links()
    for member, count in enumerate(counts):

        def not_self(other: int, me: int = member) -> bool:
            return other != me

        chosen = distinct(rng, population, weights, count, not_self)
        if member < spec.celebrity_followers - 1:  # the fan is the last follower
            chosen.add(members.celebrity)
        links.add(chosen)
    if spec.heavy_follows > len(active_sellers):
        raise ValueError(f"only {len(active_sellers)} active sellers to follow")
    links.add(distinct(rng, population, weights, spec.heavy_follows, active_sellers.__contains__))
    links.add(())  # the celebrity follows nobody
    fan = distinct(rng, population, weights, spec.fan_follows, active_sellers.__contains__)
    links.add(fan | {members.celebrity})
    return links


def _plan_reactions(
    rng: random.Random,
    total: int,
    members: Members,
    item_seller: Ints,
    item_weights: list[float],
    item_ranked: list[int],
    hot: tuple[int, int],
) -> Links:
    """Likes or saves: each member's count log-normal, listings by a power law.

    Nobody reacts to their own listings. The hot item `(item, members)` gets exactly
    members 0..members-1 and nobody else, so its fan-out size is known.
    """
    hot_item, hot_members = hot
    cap = min(5_000, len(item_seller) // 10)
    links = Links()
    for member, count in enumerate(spread(rng, total, members.total, cap)):

        def allowed(item: int, me: int = member) -> bool:
            return item != hot_item and item_seller[item] != me

        chosen = distinct(rng, item_ranked, item_weights, count, allowed)
        if member < hot_members:
            chosen.add(hot_item)
        links.add(chosen)
    return links


def _plan_comment_counts(
    rng: random.Random, total: int, item_weights: list[float], item_ranked: list[int]
) -> list[int]:
    counts = [0] * len(item_ranked)
    for start in range(0, total, CHUNK):
        n = min(CHUNK, total - start)
        for item in rng.choices(item_ranked, cum_weights=item_weights, k=n):
            counts[item] += 1
    return counts


def draw_plan(rng: random.Random, spec: BenchSize, now: float, progress: Progress) -> Plan:
    """The whole data set `spec` as indexes, drawn from `rng` (the same seed, the same plan)."""
    if spec.celebrity_followers - 1 > spec.members or spec.hot_item_likers > spec.members:
        raise ValueError("the celebrity's followers and likers are regular members")
    members = Members(spec.members)
    sellers, published, active = _plan_items(rng, spec, members, now)
    active_sellers = {s for s, a in zip(sellers, active, strict=True) if a} - {members.celebrity}
    progress("plan: listings", spec.items, spec.items)
    follows = _plan_follows(rng, spec, members, active_sellers)
    progress("plan: follows", spec.follows, spec.follows)
    # Liked listings: a power law over a shuffled ranking, so popularity is not seniority.
    ranked = list(range(spec.items))
    rng.shuffle(ranked)
    weights = power_law(spec.items, offset=10, exponent=0.8)
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
    return Plan(members, now, sellers, published, active, hot, follows, likes, saves, comments)
