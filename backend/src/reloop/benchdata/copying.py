"""Writing rows with COPY, chunk by chunk, and the timestamps they carry."""

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime

import asyncpg

from reloop.benchdata.progress import Progress

CHUNK = 200_000  # rows per COPY: large enough to stream, small enough to stay bounded
DAY = 86_400.0


def at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _chunks(rows: Iterable[tuple[object, ...]]) -> Iterator[list[tuple[object, ...]]]:
    chunk: list[tuple[object, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


async def copy_rows(
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
