"""The skew of the data: power-law weights, log-normal activity, distinct weighted picks."""

import random
from collections.abc import Callable, Sequence
from itertools import accumulate


def power_law(n: int, offset: float, exponent: float) -> list[float]:
    """Cumulative weights 1 / (rank + offset)^exponent of ranks 0..n-1, for `choices`."""
    return list(accumulate(1 / (rank + offset) ** exponent for rank in range(n)))


def spread(rng: random.Random, total: int, n: int, cap: int) -> list[int]:
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


def distinct(
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
