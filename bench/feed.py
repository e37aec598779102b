"""The home feed under load on the `1m` data set, against the bare baseline; price-drop fan-out.

Budgets (DESIGN.md §10, issue 5): p95 ≤ 25 ms at 4 connections and ≥ 800 req/s at 32 on
one API worker, at least half the bare baseline's throughput, at most 4 statements a
page, deep pages no slower than 1.5 times the first, and a price drop on a listing with
100,000 likers notifying them all within 60 s.

The data set lives in its own database, loaded once (about ten minutes, 5.5 GB):

    createdb -h 127.0.0.1 -U postgres reloop_bench_1m
    export RELOOP_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/reloop_bench_1m
    backend/.venv/bin/reloop migrate && backend/.venv/bin/reloop seed --bench 1m

This script starts `reloop run` on it (one API worker, the real Celery worker and beat,
embedded Redis), then for each scenario signs the bench member in, warms the path and
drives it with wrk from a separate process: the first page and page 21 (reached by
following `next_cursor`) of the member who follows 1,000 sellers and of the fan of the
seller with 100,000 followers, the first page of a member who follows ten sellers (as most
do: few follows are where walking the site's new listings for theirs cost the most), and
the popular feed for a visitor (a warm cache hit). The
real app, run in-process on the same database, records the statements each request runs
(for the visitor's page, those of rendering it, with the cached pages dropped first); the
bare baseline (`baseline_feed.py`) replays exactly those and returns the same bytes. Last,
the celebrity drops the price of the listing 100,000 members like, and the time until
all their notifications exist is measured with the real worker doing the dispatch.
The plans of the feed queries (`EXPLAIN (ANALYZE, BUFFERS)`) go with the results.

    backend/.venv/bin/python bench/feed.py [--database-url URL] [--seconds 20]
"""

import argparse
import asyncio
import functools
import json
import shutil
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import asyncpg
import httpx
from common import (
    Install,
    Statement,
    bare_app,
    capture,
    member_headers,
    replay_entry,
    running_install,
    server_settings,
    sign_in,
    steady_state,
    write_result,
    wrk_one_path,
)
from profiling import profile_path

from reloop.benchdata import (
    CELEBRITY_EMAIL,
    FAN_EMAIL,
    HEAVY_EMAIL,
    HOT_ITEM_PRICE,
)

DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/reloop_bench_1m"
FEED = "/api/v1/feed?limit=24"
POPULAR = "/api/v1/feed/popular?limit=24"
DEEP_PAGES = 20  # cursors followed before the deep page: it is page 21
# A member of the seeded crowd who follows ten sellers, as most members follow a few dozen
# at most (the `1m` seed is reproducible, so it is the same member every time).
TYPICAL_EMAIL = "bench5@example.com"
WARM_REQUESTS = 50
BUDGET = {
    "p95_ms": 25.0,
    "rps": 800.0,
    "ratio": 0.5,
    "deep_over_first": 1.5,
    "statements": 4,
    "fan_out_s": 60.0,
}


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    email: str | None  # None: a visitor
    path: str
    deep: bool = False
    rendered_label: str = ""  # when the page is cached: the label of rendering it


SCENARIOS = (
    Scenario("heavy-first", "follows 1,000 sellers: first page", HEAVY_EMAIL, FEED),
    Scenario("heavy-deep", "follows 1,000 sellers: page 21", HEAVY_EMAIL, FEED, deep=True),
    Scenario("fan-first", "fan of a 100k-follower seller: first page", FAN_EMAIL, FEED),
    Scenario("fan-deep", "fan of a 100k-follower seller: page 21", FAN_EMAIL, FEED, deep=True),
    Scenario("typical-first", "follows 10 sellers: first page", TYPICAL_EMAIL, FEED),
    Scenario(
        "popular",
        "popular feed, visitor (warm cache): first page",
        None,
        POPULAR,
        rendered_label="popular feed, visitor (rendered, cache dropped): first page",
    ),
)


# --- the data set and the members ---------------------------------------------------------


@dataclass(frozen=True)
class BenchData:
    celebrity_id: uuid.UUID
    hot_item: uuid.UUID
    notified: int  # members a price drop of the hot item must reach


async def _bench_data(url: str) -> BenchData:
    """The seeded celebrity and hot item; fails clearly when the data set is missing."""
    conn = await asyncpg.connect(url)
    try:
        celebrity = await conn.fetchval("SELECT id FROM users WHERE email = $1", CELEBRITY_EMAIL)
        if celebrity is None:
            raise SystemExit(f"No bench data in {url}: run `reloop seed --bench 1m` first.")
        hot = await conn.fetchval(
            "SELECT id FROM items WHERE seller_id = $1 ORDER BY like_count DESC LIMIT 1", celebrity
        )
        notified = await conn.fetchval(
            "SELECT count(*) FROM (SELECT user_id FROM likes WHERE item_id = $1"
            " UNION SELECT user_id FROM saves WHERE item_id = $1) r WHERE user_id <> $2",
            hot,
            celebrity,
        )
        return BenchData(celebrity, hot, notified)
    finally:
        await conn.close()


def _deep_path(client: httpx.Client, token: str | None) -> tuple[str, dict[str, int]]:
    """Page 21 of the member's home feed, and why its items are shown."""
    path = FEED
    for _ in range(DEEP_PAGES):
        page = client.get(path, headers=member_headers(token)).raise_for_status().json()
        if page["next_cursor"] is None:
            raise RuntimeError("the feed ended before the deep page")
        path = f"{FEED}&cursor={quote(page['next_cursor'])}"
    items = client.get(path, headers=member_headers(token)).raise_for_status().json()["items"]
    return path, dict(Counter(item["reason"] for item in items))


# --- what each request runs: the real app in-process, with a statement recorder -----------


def _page_queries(statements: list[Statement]) -> list[Statement]:
    """The statements that read a page of listings (not the session, not the covers)."""
    return [(sql, params) for sql, params in statements if "ORDER BY items." in sql]


async def _explain(url: str, statements: list[Statement]) -> list[str]:
    conn = await asyncpg.connect(url)
    try:
        plans = []
        for sql, params in statements:
            rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *params)
            plans.append("\n".join(row[0] for row in rows))
        return plans
    finally:
        await conn.close()


# --- load ---------------------------------------------------------------------------------


def _warm(client: httpx.Client, path: str, token: str | None) -> None:
    for _ in range(WARM_REQUESTS):
        client.get(path, headers=member_headers(token)).raise_for_status()


def _measure(
    base_url: str, path: str, token: Callable[[], str | None], args: argparse.Namespace
) -> dict[str, dict[str, float]]:
    """Throughput at many connections, then latency at few, each with its own token."""
    throughput = wrk_one_path(base_url, path, args.seconds, args.connections, bearer=token())
    latency = wrk_one_path(base_url, path, args.seconds, args.latency_connections, bearer=token())
    return {"throughput": throughput, "latency": latency}


# --- the price drop -----------------------------------------------------------------------


async def _reset_hot_item(url: str, data: BenchData) -> None:
    """Back to the seeded price, without the notifications of an earlier run.

    Open price-drop notifications would be grouped into (updated, not added), so a
    second run would count nothing new.
    """
    conn = await asyncpg.connect(url)
    try:
        async with conn.transaction():
            await conn.execute(
                "DELETE FROM notification_receipts WHERE event_id IN"
                " (SELECT id FROM events WHERE aggregate_id = $1)",
                data.hot_item,
            )
            await conn.execute("DELETE FROM notifications WHERE item_id = $1", data.hot_item)
            await conn.execute(
                "UPDATE items SET price_amount = $2 WHERE id = $1", data.hot_item, HOT_ITEM_PRICE
            )
    finally:
        await conn.close()


async def _await_notifications(
    url: str, data: BenchData, started: float, timeout_s: float
) -> dict[str, float | int | None]:
    """Poll until every liker has the notification: when the first and the last appeared."""
    conn = await asyncpg.connect(url)
    first: float | None = None
    count = 0
    try:
        while time.monotonic() - started < timeout_s:
            count = await conn.fetchval(
                "SELECT count(*) FROM notifications WHERE type = 'price_drop' AND item_id = $1",
                data.hot_item,
            )
            elapsed = time.monotonic() - started
            if count and first is None:
                first = elapsed
            if count >= data.notified:
                return {"first_s": round(first or elapsed, 2), "all_s": round(elapsed, 2)}
            await asyncio.sleep(0.1)
        return {"first_s": first, "all_s": None, "count_at_timeout": count}
    finally:
        await conn.close()


def _price_drop(client: httpx.Client, url: str, data: BenchData) -> dict[str, Any]:
    """The celebrity drops the hot item's price by 10 %; seconds until all are notified."""
    asyncio.run(_reset_hot_item(url, data))
    token = sign_in(client, CELEBRITY_EMAIL)
    path = f"/api/v1/items/{data.hot_item}"
    etag = client.get(path).raise_for_status().headers["ETag"]
    new_price = HOT_ITEM_PRICE * 9 // 10
    started = time.monotonic()
    client.patch(
        path,
        json={"price": {"amount": new_price, "currency": "EUR"}},
        headers={**member_headers(token), "If-Match": etag},
    ).raise_for_status()
    patched = time.monotonic() - started
    timing = asyncio.run(_await_notifications(url, data, started, timeout_s=300))
    return {"recipients": data.notified, "patch_s": round(patched, 3), **timing}


# --- report -------------------------------------------------------------------------------


def _verdicts(scenarios: dict[str, dict[str, Any]], fan_out: dict[str, Any]) -> dict[str, Any]:
    def ratio(key: str) -> float:
        ours = scenarios[key]["reloop"]["latency"]["p95_ms"]
        first = scenarios[key.replace("deep", "first")]["reloop"]["latency"]["p95_ms"]
        return round(ours / first, 2) if first else 0.0

    per_scenario = {
        key: {
            "p95": s["reloop"]["latency"]["p95_ms"] <= BUDGET["p95_ms"],
            "rps": s["reloop"]["throughput"]["rps"] >= BUDGET["rps"],
            "ratio": s["ratio"] >= BUDGET["ratio"],
            "statements": s["statements"] <= BUDGET["statements"],
        }
        for key, s in scenarios.items()
    }
    deep = {key: ratio(key) for key in scenarios if key.endswith("deep")}
    all_s = fan_out.get("all_s")
    return {
        "scenarios": per_scenario,
        "deep_over_first_p95": deep,
        "deep": {key: r <= BUDGET["deep_over_first"] for key, r in deep.items()},
        "fan_out": all_s is not None and all_s <= BUDGET["fan_out_s"],
    }


def _table(
    scenarios: dict[str, dict[str, Any]], fan_out: dict[str, Any], verdicts: dict[str, Any]
) -> str:
    def met(ok: bool) -> str:
        return "met" if ok else "**MISSED**"

    lines = [
        "| scenario | server | p50 ms | p95 ms | p99 ms (4 conn.) | req/s (32 conn.) | errors"
        " | statements |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in scenarios.values():
        for server in ("reloop", "baseline"):
            lat, thr = s[server]["latency"], s[server]["throughput"]
            lines.append(
                f"| {s['label']} | {'Reloop' if server == 'reloop' else 'bare baseline'} | "
                f"{lat['p50_ms']} | {lat['p95_ms']} | {lat['p99_ms']} | {thr['rps']} | "
                f"{int(lat['errors'] + thr['errors'])} | "
                f"{s['statements'] if server == 'reloop' else len(s['replayed'])} |"
            )
    lines.append("")
    for key, s in scenarios.items():
        v = verdicts["scenarios"][key]
        lines.append(
            f"- {s['label']}: p95 ≤ 25 ms {met(v['p95'])}; ≥ 800 req/s {met(v['rps'])}; "
            f"÷ baseline {s['ratio']} (≥ 0.5) {met(v['ratio'])}; "
            f"{s['statements']} statements (≤ 4) {met(v['statements'])}"
            + (f"; page 21 shows {s['reasons']}" if s.get("reasons") else "")
        )
    for key, r in verdicts["deep_over_first_p95"].items():
        lines.append(
            f"- {scenarios[key]['label']}: p95 ÷ first page p95 = {r} (≤ 1.5) "
            f"{met(verdicts['deep'][key])}"
        )
    lines.append(
        "- The visitor's popular page is a cache hit (`feed/cache.py`) that runs no SQL; its"
        " statements and baseline are those of rendering it from the database."
    )
    lines.append(
        f"- price drop to {fan_out['recipients']:,} likers: PATCH answered in "
        f"{fan_out['patch_s']} s, first notification after {fan_out['first_s']} s, all after "
        f"{fan_out['all_s']} s (≤ 60 s; the dispatcher writes them in one statement) "
        f"{met(verdicts['fan_out'])}"
    )
    return "\n".join(lines)


def _plans_section(scenarios: dict[str, dict[str, Any]]) -> str:
    parts = ["", "## Plans of the page queries (`EXPLAIN (ANALYZE, BUFFERS)`, warm)", ""]
    for s in scenarios.values():
        for plan in s["plans"]:
            parts += [f"### {s['label']}", "", "```", plan, "```", ""]
    return "\n".join(parts)


# --- the run --------------------------------------------------------------------------------


async def _drop_cached_pages(_key: str, app: Any) -> None:
    """A visitor's popular page is served from the cache without SQL; dropped before the
    recording, its baseline replays the statements of rendering it, as a bare server
    without our cache would (the same choice as `pages.py` makes for the item page)."""
    from reloop.feed.cache import PopularPages

    await PopularPages(app.state.cache).forget()


def _prepare(
    client: httpx.Client, install: Install, url: str, work: Path
) -> tuple[dict[str, dict[str, Any]], dict[str, str | None], dict[str, list[Statement]]]:
    """Each scenario's path and token, the statements it runs, and the baseline's replay."""
    tokens = {s.key: sign_in(client, s.email) for s in SCENARIOS}
    scenarios: dict[str, dict[str, Any]] = {}
    for s in SCENARIOS:
        path, reasons = _deep_path(client, tokens[s.key]) if s.deep else (s.path, {})
        scenarios[s.key] = {"label": s.label, "email": s.email, "path": path, "reasons": reasons}
    requests = {key: (entry["path"], tokens[key]) for key, entry in scenarios.items()}
    captured = asyncio.run(capture(install, url, requests, before_recording=_drop_cached_pages))
    replay = {}
    for key, entry in scenarios.items():
        body = client.get(entry["path"], headers=member_headers(tokens[key])).raise_for_status()
        replay[key] = replay_entry(captured[key], body.text)
        entry["statements"] = len(captured[key])
        entry["replayed"] = [sql for sql, _ in captured[key]]
    (work / "replay.json").write_text(json.dumps(replay))
    return scenarios, tokens, captured


def _run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    url = args.database_url
    data = asyncio.run(_bench_data(url))
    asyncio.run(steady_state(url))
    with (
        running_install({"RELOOP_DATABASE_URL": url}) as install,
        httpx.Client(base_url=install.base_url, timeout=60) as client,
    ):
        scenarios, tokens, captured = _prepare(client, install, url, work)
        for s in SCENARIOS:
            entry = scenarios[s.key]
            _warm(client, entry["path"], tokens[s.key])
            print(f"measuring {s.label} …", flush=True)
            # A fresh sign-in before each wrk run: access tokens last 15 minutes.
            fresh = functools.partial(sign_in, client, s.email)
            entry["reloop"] = _measure(install.base_url, entry["path"], fresh, args)
            what = f"Home feed, {s.label}, at {args.connections} connections, `1m` data"
            name = f"feed_1m_{s.key}"
            profile_path(install.base_url, entry["path"], name, what, args.connections, fresh())
        env = {"RELOOP_DATABASE_URL": url, "BASELINE_REPLAY": str(work / "replay.json")}
        with bare_app("baseline_feed:app", env) as baseline_url:
            for s in SCENARIOS:
                entry, path = scenarios[s.key], f"/replay/{s.key}"
                _warm(client, baseline_url + path, tokens[s.key])
                print(f"measuring the baseline of {s.label} …", flush=True)
                same = functools.partial(tokens.get, s.key)  # same request bytes, unchecked
                entry["baseline"] = _measure(baseline_url, path, same, args)
                ours, bare = entry["reloop"]["throughput"]["rps"], entry["baseline"]["throughput"]
                entry["ratio"] = round(ours / bare["rps"], 2) if bare["rps"] else 0.0
        # Before the price drop: its 100,000 new rows evict the listings from the cache.
        for key, entry in scenarios.items():
            entry["plans"] = asyncio.run(_explain(url, _page_queries(captured[key])))
        print("dropping the price of the hot item …", flush=True)
        fan_out = _price_drop(client, url, data)
    return {"scenarios": scenarios, "fan_out": fan_out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="seeded with `1m`")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32, help="for throughput")
    parser.add_argument("--latency-connections", type=int, default=4, help="for latency")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reloop-bench-feed-"))
    try:
        outcome = _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    scenarios, fan_out = outcome["scenarios"], outcome["fan_out"]
    verdicts = _verdicts(scenarios, fan_out)
    result = {
        "data_set": "1m",
        "postgres": asyncio.run(server_settings(args.database_url)),
        "seconds": args.seconds,
        "throughput_connections": args.connections,
        "latency_connections": args.latency_connections,
        "scenarios": scenarios,
        "fan_out": fan_out,
        "budget": BUDGET,
        "within_budget": verdicts,
    }
    table = _table(scenarios, fan_out, verdicts)
    path = write_result("feed_1m", result, table + "\n" + _plans_section(scenarios))
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
