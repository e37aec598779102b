"""Where a feed request's time goes: the real app in-process, serial, warm, with timers.

`feed.py` says how fast the feed is; this says why. The app runs in this process on the
`1m` database (with a throwaway embedded Redis), one request at a time, and wall time is
added up around its stages: the SQL round trips (engine events), the page query with its
ORM rows, the rendering of the cards and, inside it, the signed media URLs, and the
response. Garbage-collector pauses are timed too (`gc.callbacks`). Timers nest, so a
stage includes the ones listed under it. Visitors' popular pages are cached
(`feed/cache.py`); the cache is dropped before each visitor's request, so the figures are
those of rendering the page.

    backend/.venv/bin/python bench/feed_stages.py [--database-url URL] [--requests 1000]
"""

import argparse
import asyncio
import functools
import gc
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from common import member_headers, sign_in_in_process, write_result
from sqlalchemy import event

from feed import DEFAULT_DATABASE, SCENARIOS

STAGES = (
    ("request", "whole request inside the app (ASGI)"),
    ("service", "feed service: page query and rendering"),
    ("page", "page query: SQL and card rows"),
    ("render", "rendering: covers query, taxonomy, cards"),
    ("cards", "cards (dictionaries)"),
    ("urls", "covers' JSON inside the cards (kept per image)"),
    ("response", "the page's JSON (orjson)"),
    ("jwt", "access token check (JWT)"),
    ("sql", "SQL round trips, all statements"),
    ("sql_session", "SQL: the member and their session"),
    ("sql_page", "SQL: the page query"),
    ("sql_covers", "SQL: the covers"),
)


class Timers:
    """Seconds per stage, added up; `wrap` times a function (sync or async) in place."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        original = getattr(owner, name)
        if asyncio.iscoroutinefunction(original):

            @functools.wraps(original)
            async def timed_async(*args: Any, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return await original(*args, **kwargs)
                finally:
                    self.total[stage] += time.perf_counter() - start

            setattr(owner, name, timed_async)
        else:

            @functools.wraps(original)
            def timed(*args: Any, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return original(*args, **kwargs)
                finally:
                    self.total[stage] += time.perf_counter() - start

            setattr(owner, name, timed)


def _instrument(timers: Timers) -> None:
    """Timers around the stages, patched where the callers look them up."""
    import reloop.feed.repository
    import reloop.feed.router
    import reloop.feed.service
    import reloop.items.cards
    from reloop.kit.security.jwt_keys import SigningKeys

    for name in ("home_feed", "popular_feed"):
        timers.wrap(reloop.feed.router, name, "service")
    for name in ("following_page", "popular_page"):
        timers.wrap(reloop.feed.repository, name, "page")
    timers.wrap(reloop.feed.service, "_render", "render")
    timers.wrap(reloop.feed.service, "item_cards", "cards")
    timers.wrap(reloop.items.cards, "image_json", "urls")
    timers.wrap(reloop.items.cards, "render_json", "response")
    timers.wrap(SigningKeys, "verify", "jwt")


@contextmanager
def _gc_pauses() -> Iterator[dict[int, list[float]]]:
    pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
    started = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses[info["generation"]].append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(callback)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(callback)


def _kind(statement: str) -> str:
    if "ORDER BY items." in statement:
        return "sql_page"
    return "sql_covers" if "FROM images" in statement else "sql_session"


def _time_sql(engine: Any, timers: Timers) -> None:
    starts: dict[int, float] = {}

    def before(_conn: Any, cursor: Any, *_: Any) -> None:
        starts[id(cursor)] = time.perf_counter()

    def after(_conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        elapsed = time.perf_counter() - starts.pop(id(cursor))
        timers.total["sql"] += elapsed
        timers.total[_kind(statement)] += elapsed

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)


Asgi = Callable[[Any, Any, Any], Awaitable[None]]


def _timed_app(app: Asgi, timers: Timers) -> Asgi:
    async def timed(scope: Any, receive: Any, send: Any) -> None:
        start = time.perf_counter()
        try:
            await app(scope, receive, send)
        finally:
            if scope["type"] == "http":
                timers.total["request"] += time.perf_counter() - start

    return timed


async def _scenario(
    app: Any, timers: Timers, email: str | None, path: str, requests: int
) -> dict[str, Any]:
    from reloop.feed.cache import PopularPages

    pages = PopularPages(app.state.cache)
    transport = httpx.ASGITransport(app=_timed_app(app, timers))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        headers = member_headers(await sign_in_in_process(client, email))
        for _ in range(50):  # warm: statement caches, taxonomy snapshot, PostgreSQL buffers
            (await client.get(path, headers=headers)).raise_for_status()
        timers.total.clear()
        latencies = []
        with _gc_pauses() as pauses:
            for _ in range(requests):
                if email is None:
                    await pages.forget()  # render it: a visitor's page is otherwise cached
                start = time.perf_counter()
                (await client.get(path, headers=headers)).raise_for_status()
                latencies.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "serial_ms": {
            "mean": round(statistics.fmean(latencies), 2),
            "p50": round(cuts[49], 2),
            "p95": round(cuts[94], 2),
            "max": round(max(latencies), 2),
        },
        "stages_ms": {k: round(timers.total[k] / requests * 1000, 2) for k, _ in STAGES},
        "gc": {
            f"gen{g}": {"count": len(p), "total_ms": round(sum(p), 1), "max_ms": round(max(p), 1)}
            for g, p in pauses.items()
            if p
        },
    }


async def _measure(url: str, requests: int) -> dict[str, dict[str, Any]]:
    from asgi_lifespan import LifespanManager

    from reloop.app import create_app
    from reloop.config import Settings
    from reloop.runtime.embedded import EmbeddedRedis

    timers = Timers()
    _instrument(timers)
    root = Path(tempfile.mkdtemp(prefix="reloop-bench-stages-"))
    redis = EmbeddedRedis(root)
    try:
        settings = Settings(
            database_url=url, redis_url=redis.start(), data_dir=root, log_level="WARNING"
        )
        app = create_app(settings)
        results = {}
        async with LifespanManager(app, startup_timeout=60):
            _time_sql(app.state.db.engine.sync_engine, timers)
            for s in SCENARIOS:
                if not s.deep:
                    label = s.rendered_label or s.label
                    results[label] = await _scenario(app, timers, s.email, s.path, requests)
        return results
    finally:
        redis.stop()
        shutil.rmtree(root, ignore_errors=True)


def _table(results: dict[str, dict[str, Any]]) -> str:
    labels = list(results)
    lines = [
        "| mean ms per request | " + " | ".join(labels) + " |",
        "|---|" + "---|" * len(labels),
        "| serial latency (client included) | "
        + " | ".join(str(r["serial_ms"]["mean"]) for r in results.values())
        + " |",
    ]
    for key, label in STAGES:
        values = " | ".join(str(r["stages_ms"][key]) for r in results.values())
        lines.append(f"| {label} | {values} |")
    lines.append("")
    for label, r in results.items():
        pauses = "; ".join(
            f"{g}: {v['count']} collections, {v['total_ms']} ms in all, longest {v['max_ms']} ms"
            for g, v in r["gc"].items()
        )
        lines.append(f"- garbage collector, {label}: {pauses}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="seeded with `1m`")
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()
    results = asyncio.run(_measure(args.database_url, args.requests))
    table = _table(results)
    path = write_result("feed_stages_1m", {"requests": args.requests, "scenarios": results}, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
