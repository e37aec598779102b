"""Edges (follows, likes, saves): planned as compact arrays, written as link tables."""

import uuid
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

import asyncpg

from reloop.benchdata.copying import at, copy_rows
from reloop.benchdata.progress import Progress

# `array` is generic to type checkers only; at runtime before Python 3.12 it is not.
Ints: TypeAlias = "array[int]"


@dataclass
class Links:
    """Edges from sources to targets: source s links to targets[starts[s]:starts[s + 1]]."""

    starts: Ints = field(default_factory=lambda: array("q", [0]))
    targets: Ints = field(default_factory=lambda: array("i"))

    def add(self, targets: Iterable[int]) -> None:
        """The next source's targets (sorted, so each source's rows are written in order)."""
        self.targets.extend(sorted(targets))
        self.starts.append(len(self.targets))

    def of(self, source: int) -> Ints:
        return self.targets[self.starts[source] : self.starts[source + 1]]

    def per_source(self) -> list[int]:
        return [b - a for a, b in zip(self.starts, self.starts[1:], strict=False)]

    def per_target(self, size: int) -> list[int]:
        counts = [0] * size
        for target, n in Counter(self.targets).items():
            counts[target] = n
        return counts


async def load_links(
    conn: asyncpg.Connection,
    table: str,
    columns: tuple[str, str],
    links: Links,
    sources: list[uuid.UUID],
    targets: list[uuid.UUID],
    created: Callable[[int], float],
    progress: Progress,
) -> None:
    """One link table, rows in primary-key order; `created(target)` dates each row."""

    def rows() -> Iterator[tuple[object, ...]]:
        for s, source_id in enumerate(sources):
            for t in links.of(s):
                yield source_id, targets[t], at(created(t))

    await copy_rows(conn, table, (*columns, "created_at"), rows(), len(links.targets), progress)
