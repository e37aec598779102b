"""The data sets `reloop seed --bench` makes, and the bench members' sign-in details."""

from dataclasses import dataclass


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
