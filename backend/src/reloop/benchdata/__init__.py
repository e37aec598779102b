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

The parts: `sizes` (the data sets, the bench members), `shapes` (power laws, log-normal
activity), `plan` (the graph as indexes), `copying` and `links` (COPY in chunks, link
tables), `members` (members and follows), `listings` (listings and cover images),
`engagement` (likes, saves, comments), `check` (recount, popularity, vocabulary) and
`seeding` (the order of it all).
"""

from reloop.benchdata.progress import Progress
from reloop.benchdata.seeding import seed
from reloop.benchdata.sizes import (
    BENCH_PASSWORD,
    CELEBRITY_EMAIL,
    FAN_EMAIL,
    HEAVY_EMAIL,
    HOT_ITEM_PRICE,
    SIZES,
    BenchSize,
)

__all__ = [
    "BENCH_PASSWORD",
    "CELEBRITY_EMAIL",
    "FAN_EMAIL",
    "HEAVY_EMAIL",
    "HOT_ITEM_PRICE",
    "SIZES",
    "BenchSize",
    "Progress",
    "seed",
]
