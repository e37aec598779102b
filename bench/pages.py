"""Item detail and profile pages under load on the `1m` data set, against the bare baseline.

Budgets (DESIGN.md §10): item detail p95 ≤ 15 ms at 4 connections, ≥ 1,500 req/s at 32
on one API worker, at least half the bare baseline's throughput. A profile has no
latency budget of its own; its listings grid is a list, so its statements must stay
constant and at most 4.

The data set is the one `make bench-data` loads (see feed.py). This script starts `reloop
run` on it and drives, with wrk from a separate process:

- the celebrity's most-liked listing (100,000 likes) for a visitor, from the warm cache
  (one pipelined Redis round trip, no SQL), and for a signed-in member (the shared page
  from the cache, plus the member's session and their like, save and block state);
- the celebrity's profile (100,000 followers) and the first page of their listings, as
  that member;
- the profile and listings of a typical seller (of the sellers with a full page of
  active listings, the one nearest their median follower count), for a visitor.

The real app, run in-process on the same database, records the statements of each
request; the bare baseline (`baseline_feed.py`) replays exactly those and returns the same
bytes. A visitor's cache hit runs no SQL, so its baseline replays the statements of the
same page rendered from the database (the cache entry is dropped before that recording):
it is what a bare server without our cache would do.

    backend/.venv/bin/python bench/pages.py [--database-url URL] [--seconds 20]
"""

import argparse
import asyncio
import functools
import json
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

from reloop.benchdata import CELEBRITY_EMAIL, HEAVY_EMAIL

DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/reloop_bench_1m"
WARM_REQUESTS = 50
ITEM_BUDGET = {"p95_ms": 15.0, "rps": 1500.0, "ratio": 0.5}
LIST_STATEMENTS = 4
PROFILED = ("item-visitor", "item-member", "celebrity-listings")


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    email: str | None  # None: a visitor
    path: str
    item: bool  # judged against the item-detail budget
    listings: bool = False  # a list: statements constant and at most LIST_STATEMENTS
    render_baseline: bool = False  # a cache hit: the baseline replays the render


@dataclass(frozen=True)
class Picks:
    hot_item: str
    celebrity: str
    typical: str
    typical_followers: int


async def _pick(url: str) -> Picks:
    """The celebrity, their most-liked listing, and a typical seller with a full page."""
    conn = await asyncpg.connect(url)
    try:
        celebrity = await conn.fetchrow(
            "SELECT id, username FROM users WHERE email = $1", CELEBRITY_EMAIL
        )
        if celebrity is None:
            raise SystemExit(f"No bench data in {url}: run `make bench-data` first.")
        hot = await conn.fetchval(
            "SELECT id FROM items WHERE seller_id = $1 AND status = 'active'"
            " ORDER BY like_count DESC LIMIT 1",
            celebrity["id"],
        )
        # Sellers with a full page of listings; of those, the one nearest their median
        # follower count.
        typical = await conn.fetchrow(
            "WITH full_page AS (SELECT seller_id FROM items WHERE status = 'active'"
            "  GROUP BY seller_id HAVING count(*) >= 24),"
            " sellers AS (SELECT u.username, u.follower_count FROM users u"
            "  JOIN full_page f ON f.seller_id = u.id"
            "  WHERE u.deleted_at IS NULL AND u.email NOT LIKE 'bench-%')"
            " SELECT username, follower_count FROM sellers ORDER BY abs(follower_count -"
            "  (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY follower_count) FROM sellers)),"
            " username LIMIT 1"
        )
        if typical is None:
            raise SystemExit("No seller has 24 active listings.")
        return Picks(
            hot_item=str(hot),
            celebrity=celebrity["username"],
            typical=typical["username"],
            typical_followers=typical["follower_count"],
        )
    finally:
        await conn.close()


def _scenarios(picks: Picks) -> tuple[Scenario, ...]:
    item = f"/api/v1/items/{picks.hot_item}"
    return (
        Scenario(
            "item-visitor",
            "item detail, visitor (warm cache)",
            None,
            item,
            item=True,
            render_baseline=True,
        ),
        Scenario("item-member", "item detail, member", HEAVY_EMAIL, item, item=True),
        Scenario(
            "celebrity-profile",
            "profile of a 100k-follower seller, member",
            HEAVY_EMAIL,
            f"/api/v1/users/{picks.celebrity}",
            item=False,
        ),
        Scenario(
            "celebrity-listings",
            "listings of a 100k-follower seller, member: first page",
            HEAVY_EMAIL,
            f"/api/v1/users/{picks.celebrity}/items?limit=24",
            item=False,
            listings=True,
        ),
        Scenario(
            "typical-profile",
            f"profile of a typical seller ({picks.typical_followers} followers), visitor",
            None,
            f"/api/v1/users/{picks.typical}",
            item=False,
        ),
        Scenario(
            "typical-listings",
            "listings of a typical seller, visitor: first page",
            None,
            f"/api/v1/users/{picks.typical}/items?limit=24",
            item=False,
            listings=True,
        ),
    )


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


async def _explain(url: str, statements: list[Statement]) -> list[str]:
    conn = await asyncpg.connect(url)
    try:
        plans = []
        for sql, params in statements:
            rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *params)
            plans.append(f"{sql}\n\n" + "\n".join(row[0] for row in rows))
        return plans
    finally:
        await conn.close()


def _record(
    install: Install, url: str, chosen: tuple[Scenario, ...], tokens: dict[str, str | None]
) -> dict[str, list[Statement]]:
    """Each scenario's statements, warm; a cache hit's baseline gets its render instead."""
    from reloop.items.keys import item_cache_key

    renders = {s.key: s.path.rsplit("/", 1)[1] for s in chosen if s.render_baseline}

    async def drop_cached_page(key: str, app: Any) -> None:
        if key in renders:
            await app.state.cache.delete(item_cache_key(uuid.UUID(renders[key])))

    requests = {s.key: (s.path, tokens[s.key]) for s in chosen}
    return asyncio.run(capture(install, url, requests, before_recording=drop_cached_page))


def _run(args: argparse.Namespace, work: Path) -> tuple[Picks, dict[str, dict[str, Any]]]:
    url = args.database_url
    picks = asyncio.run(_pick(url))
    chosen = _scenarios(picks)
    asyncio.run(steady_state(url))
    scenarios: dict[str, dict[str, Any]] = {}
    with (
        running_install({"RELOOP_DATABASE_URL": url}) as install,
        httpx.Client(base_url=install.base_url, timeout=60) as client,
    ):
        tokens = {s.key: sign_in(client, s.email) for s in chosen}
        captured = _record(install, url, chosen, tokens)
        replay = {}
        for s in chosen:
            body = client.get(s.path, headers=member_headers(tokens[s.key])).raise_for_status()
            replay[s.key] = replay_entry(captured[s.key], body.text)
            scenarios[s.key] = {
                "label": s.label,
                "path": s.path,
                "email": s.email,
                "statements": len(captured[s.key]),
                "replayed": [sql for sql, _ in captured[s.key]],
            }
        for s in chosen:
            _warm(client, s.path, tokens[s.key])
            print(f"measuring {s.label} …", flush=True)
            fresh = functools.partial(sign_in, client, s.email)
            scenarios[s.key]["reloop"] = _measure(install.base_url, s.path, fresh, args)
            if s.key in PROFILED:
                what = f"{s.label.capitalize()} at {args.connections} connections, `1m` data"
                name = f"pages_1m_{s.key}"
                profile_path(install.base_url, s.path, name, what, args.connections, fresh())
        (work / "replay.json").write_text(json.dumps(replay), "utf-8")
        env = {"RELOOP_DATABASE_URL": url, "BASELINE_REPLAY": str(work / "replay.json")}
        with bare_app("baseline_feed:app", env) as baseline_url:
            for s in chosen:
                entry, path = scenarios[s.key], f"/replay/{s.key}"
                _warm(client, baseline_url + path, tokens[s.key])
                print(f"measuring the baseline of {s.label} …", flush=True)
                same = functools.partial(tokens.get, s.key)  # same request bytes, unchecked
                entry["baseline"] = _measure(baseline_url, path, same, args)
                ours = entry["reloop"]["throughput"]["rps"]
                bare = entry["baseline"]["throughput"]["rps"]
                entry["ratio"] = round(ours / bare, 2) if bare else 0.0
    for s in chosen:  # with the API stopped: the database's time alone
        scenarios[s.key]["plans"] = asyncio.run(_explain(url, captured[s.key]))
    return picks, scenarios


def _verdicts(
    chosen: tuple[Scenario, ...], scenarios: dict[str, dict[str, Any]]
) -> dict[str, dict[str, bool]]:
    verdicts: dict[str, dict[str, bool]] = {}
    for s in chosen:
        entry, verdict = scenarios[s.key], {}
        if s.item:
            verdict["p95"] = entry["reloop"]["latency"]["p95_ms"] <= ITEM_BUDGET["p95_ms"]
            verdict["rps"] = entry["reloop"]["throughput"]["rps"] >= ITEM_BUDGET["rps"]
            verdict["ratio"] = entry["ratio"] >= ITEM_BUDGET["ratio"]
        if s.listings:
            verdict["statements"] = entry["statements"] <= LIST_STATEMENTS
        verdicts[s.key] = verdict
    return verdicts


def _table(
    chosen: tuple[Scenario, ...],
    scenarios: dict[str, dict[str, Any]],
    verdicts: dict[str, dict[str, bool]],
) -> str:
    def met(ok: bool) -> str:
        return "met" if ok else "**MISSED**"

    lines = [
        (
            "| scenario | server | p50 ms | p95 ms | p99 ms (4 conn.) | req/s (32 conn.) | errors"
            " | statements |"
        ),
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in chosen:
        entry = scenarios[s.key]
        for server, name in (("reloop", "Reloop"), ("baseline", "bare baseline")):
            lat, thr = entry[server]["latency"], entry[server]["throughput"]
            lines.append(
                f"| {entry['label']} | {name} | {lat['p50_ms']} | {lat['p95_ms']} | "
                f"{lat['p99_ms']} | {thr['rps']} | {int(lat['errors'] + thr['errors'])} | "
                f"{entry['statements']} |"
            )
    lines.append("")
    for s in chosen:
        entry, v = scenarios[s.key], verdicts[s.key]
        parts = [f"÷ baseline {entry['ratio']}"]
        if s.item:
            parts = [
                f"p95 ≤ 15 ms {met(v['p95'])}",
                f"≥ 1,500 req/s {met(v['rps'])}",
                f"÷ baseline {entry['ratio']} (≥ 0.5) {met(v['ratio'])}",
            ]
        if s.listings:
            parts.append(f"{entry['statements']} statements (≤ 4) {met(v['statements'])}")
        if not s.item:
            parts.append("no latency budget in DESIGN.md §10")
        lines.append(f"- {entry['label']}: " + "; ".join(parts))
    lines.append(
        "- The visitor's cache hit runs no SQL; its baseline replays the statements of the"
        " same page rendered from the database, as a bare server without our cache would."
    )
    return "\n".join(lines)


def _plans_section(chosen: tuple[Scenario, ...], scenarios: dict[str, dict[str, Any]]) -> str:
    parts = ["", "## Plans of the replayed statements (`EXPLAIN (ANALYZE, BUFFERS)`, warm)", ""]
    for s in chosen:
        for plan in scenarios[s.key]["plans"]:
            parts += [f"### {scenarios[s.key]['label']}", "", "```", plan, "```", ""]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="seeded with `1m`")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32, help="for throughput")
    parser.add_argument("--latency-connections", type=int, default=4, help="for latency")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reloop-bench-pages-"))
    try:
        picks, scenarios = _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    chosen = _scenarios(picks)
    verdicts = _verdicts(chosen, scenarios)
    result = {
        "data_set": "1m",
        "postgres": asyncio.run(server_settings(args.database_url)),
        "seconds": args.seconds,
        "throughput_connections": args.connections,
        "latency_connections": args.latency_connections,
        "picks": picks.__dict__,
        "scenarios": scenarios,
        "budget": {"item_detail": ITEM_BUDGET, "list_statements": LIST_STATEMENTS},
        "within_budget": verdicts,
    }
    table = _table(chosen, scenarios, verdicts)
    path = write_result("pages_1m", result, table + "\n" + _plans_section(chosen, scenarios))
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
