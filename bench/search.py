"""Search under load on the `1m` data set: results with facets for every sort, suggestions.

Budgets (DESIGN.md §10, the search issue): a search with its facets answers with p95 ≤
100 ms and at worst 300 ms at 4 connections, for a common word, a rare one, filters
alone and each of the four sorts; suggestions with p95 ≤ 20 ms; the statements a request
runs are constant, at most 4. Throughput at 32 connections is reported without a budget.

The data set is the one `make bench-data` loads (see feed.py); the search migration adds
the listings' search vectors. This script starts `reloop run` on it and picks its
queries from the data: `ts_stat` over the active listings' search vectors gives each
word's document count, and the words of the typo vocabulary (`search_terms`, refreshed
here first when empty) name them as a person would type them ("jeans", not "jean").

- common: the word matched by the number of listings nearest `--common-target`;
- very common: the commonest word matched by fewer than half the listings;
- borderline: the rarest word the search still treats as dense (`COUNT_CAP` matches
  or more): its sorts walk their index past the most rows between matches;
- rare: the rarest word with at least a page of matches, and when even that has more
  than `RARE_MAX`, joined by a common word so a few dozen listings match both;
- filters only: the second-level category with the most children (its whole subtree)
  and a price range.

Each runs with the four sorts (the very common word with relevance only, the filters
with newest and price_asc), plus page 5 (reached through `next_cursor`) of the common
word by relevance and of the borderline one by newest, and suggestions for a three-
and a five-letter prefix (near-miss brands are looked for from four letters), the
popular-search set seeded from the vocabulary.

Searches are rate-limited per client address: the API runs with
`RELOOP_SEARCH_RATE_LIMIT_PER_MINUTE` out of reach, so the limiter's Redis round trip is
still paid. Each wrk run starts on an idle API (the requests a run leaves behind are
finished first). The real app, run in-process on the same database, records the
statements of each request; with the API stopped, each statement is timed prepared, as
the app's driver runs it (PostgreSQL may switch to a generic plan from the sixth run),
and its plans (`EXPLAIN (ANALYZE, BUFFERS)`, warm, with the values and generic) go with
the results.

    backend/.venv/bin/python bench/search.py [--database-url URL] [--seconds 20]
"""

import argparse
import asyncio
import functools
import json
import os
import re
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import asyncpg
import httpx
import redis
from common import (
    Statement,
    bare_app,
    capture,
    percentiles,
    replay_entry,
    running_install,
    server_settings,
    steady_state,
    write_result,
    wrk_one_path,
)
from profiling import profile_path

from reloop.search.kept import VISITORS_GROUP

DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/reloop_bench_1m"
SEARCH = "/api/v1/search/items"
SUGGEST = "/api/v1/search/suggest"
SORTS = ("relevance", "newest", "price_asc", "price_desc")
DEEP_PAGE = 5
DEEP_SORT = "relevance"
WARM_REQUESTS = 50
WARM_SECONDS = 10.0
PROFILED = ("common-relevance", "common-newest")  # the slowest, and its fast sibling
UNLIMITED = 1_000_000_000  # searches a minute: the limiter counts, never refuses
WRK_TIMEOUT_S = 30  # a slow search is a latency to report, not a dropped request
RARE_MAX = 100  # "a few dozen"
PAGE_SIZE = 24
PRICE_RANGE = (2_000, 5_000)  # cents: 20 to 50 €
BUDGET = {"p95_ms": 100.0, "max_ms": 300.0, "suggest_p95_ms": 20.0, "statements": 4}


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    params: dict[str, str] = field(default_factory=dict)
    deep: bool = False  # page DEEP_PAGE, through next_cursor
    suggest: bool = False

    def path(self) -> str:
        return f"{SUGGEST if self.suggest else SEARCH}?{urlencode(self.params)}"


# --- the data: words, a category, the vocabulary ---------------------------------------------


@dataclass(frozen=True)
class Word:
    query: str
    matches: int


@dataclass(frozen=True)
class Picks:
    common: Word
    very_common: Word
    borderline: Word
    rare: Word
    category_id: str
    category: str  # "Women > Clothing"
    filtered_matches: int  # active listings in the subtree and the price range
    vocabulary: int
    vocabulary_refresh_s: float | None  # when this run had to fill it


# Each word of the vocabulary with the number of active listings whose search vector holds
# its lexeme; several words can share a lexeme ("jean", "jeans"): the first one names it.
_WORDS = """
WITH stats AS (
    SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM items WHERE status = ''active''')
),
terms AS (
    SELECT term, websearch_to_tsquery('english', term)::text AS lexeme FROM search_terms
)
SELECT min(t.term) AS term, s.ndoc
FROM terms t JOIN stats s ON t.lexeme = '''' || s.word || ''''
GROUP BY s.word, s.ndoc
"""
_MATCHES = """
SELECT count(*) FROM items
WHERE status = 'active' AND search_vector @@ websearch_to_tsquery('english', unaccent($1))
"""
_CATEGORY = """
SELECT c.id, p.name || ' > ' || c.name AS label
FROM categories c JOIN categories p ON p.id = c.parent_id
WHERE p.parent_id IS NULL AND NOT c.is_leaf
ORDER BY (SELECT count(*) FROM categories k WHERE k.parent_id = c.id) DESC, c.slug
LIMIT 1
"""
_FILTERED = """
WITH RECURSIVE subtree AS (
    SELECT id FROM categories WHERE id = $1
    UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
)
SELECT count(*) FROM items
WHERE status = 'active' AND category_id IN (SELECT id FROM subtree)
  AND price_amount BETWEEN $2 AND $3
"""


async def _refresh_vocabulary(url: str) -> float:
    """The typo vocabulary, as beat refreshes it hourly: seconds it took."""
    from reloop.kit.db import Database, PoolSettings, create_engine
    from reloop.search.terms import refresh_terms

    db = Database(create_engine(url, PoolSettings(size=1, statement_timeout_ms=600_000)))
    try:
        started = time.monotonic()
        await refresh_terms(db)
        return round(time.monotonic() - started, 2)
    finally:
        await db.dispose()


async def _pick(url: str, args: argparse.Namespace) -> Picks:
    conn = await asyncpg.connect(url)
    try:
        if await conn.fetchval("SELECT to_regclass('search_terms')") is None:
            raise SystemExit(f"{url} is not migrated to the search revision: `reloop migrate`.")
        if await conn.fetchval("SELECT count(*) FROM items") < 100_000:
            raise SystemExit(f"No 1m data set in {url}: run `make bench-data` first.")
        refresh_s = None
        if not await conn.fetchval("SELECT count(*) FROM search_terms"):
            refresh_s = await _refresh_vocabulary(url)
        vocabulary = await conn.fetchval("SELECT count(*) FROM search_terms")
        active = await conn.fetchval("SELECT count(*) FROM items WHERE status = 'active'")
        words = [Word(r["term"], r["ndoc"]) for r in await conn.fetch(_WORDS)]
        words.sort(key=lambda w: (w.matches, w.query))

        async def word(query: str | None, default: Word) -> Word:
            if query is None:
                return default
            return Word(query, await conn.fetchval(_MATCHES, query))

        common = await word(
            args.common, min(words, key=lambda w: (abs(w.matches - args.common_target), w.query))
        )
        very_common = await word(
            args.very_common,
            max((w for w in words if w.matches < active // 2), key=lambda w: (w.matches, w.query)),
        )
        # The fewest matches that still count as dense: the sorts walk their index.
        threshold = _dense_threshold()
        borderline = await word(args.borderline, next(w for w in words if w.matches >= threshold))
        rare = await word(args.rare, await _rare(conn, words))
        category = await conn.fetchrow(_CATEGORY)
        filtered = await conn.fetchval(_FILTERED, category["id"], *PRICE_RANGE)
        return Picks(
            common=common,
            very_common=very_common,
            borderline=borderline,
            rare=rare,
            category_id=str(category["id"]),
            category=category["label"],
            filtered_matches=filtered,
            vocabulary=vocabulary,
            vocabulary_refresh_s=refresh_s,
        )
    finally:
        await conn.close()


def _dense_threshold() -> int:
    """Matches from which the search walks a sort's index instead of sorting the matches."""
    from reloop.search import facets

    return int(getattr(facets, "COUNT_CAP", facets.FACET_SAMPLE))


async def _rare(conn: asyncpg.Connection, words: list[Word]) -> Word:
    """The rarest word with a page of matches; when it has more than `RARE_MAX`, with the
    commonest word that leaves a few dozen ("wrangler shoes")."""
    rarest = next(w for w in words if w.matches >= PAGE_SIZE)
    if rarest.matches <= RARE_MAX:
        return rarest
    for other in sorted(words, key=lambda w: (-w.matches, w.query)):
        if other.matches > 100_000 or other.matches < 10_000:
            continue
        query = f"{rarest.query} {other.query}"
        matches = await conn.fetchval(_MATCHES, query)
        if PAGE_SIZE <= matches <= RARE_MAX:
            return Word(query, matches)
    return rarest


def _scenarios(picks: Picks) -> tuple[Scenario, ...]:
    def text(word: Word) -> str:
        return f"“{word.query}” ({word.matches:,} listings)"

    def sorts(key: str, label: str, word: Word) -> list[Scenario]:
        return [
            Scenario(
                f"{key}-{sort}", f"{label} {text(word)}, {sort}", {"q": word.query, "sort": sort}
            )
            for sort in SORTS
        ]

    def deep(key: str, label: str, word: Word, sort: str) -> Scenario:
        return Scenario(
            f"{key}-{sort}-page{DEEP_PAGE}",
            f"{label} {text(word)}, {sort}, page {DEEP_PAGE}",
            {"q": word.query, "sort": sort},
            deep=True,
        )

    filters = {
        "category": picks.category_id,
        "price_min": str(PRICE_RANGE[0]),
        "price_max": str(PRICE_RANGE[1]),
    }
    filtered = (
        f"{picks.category} + {PRICE_RANGE[0] // 100} to {PRICE_RANGE[1] // 100} € "
        f"({picks.filtered_matches:,} listings)"
    )
    return (
        *sorts("common", "common", picks.common),
        deep("common", "common", picks.common, "relevance"),
        Scenario(
            "very-common-relevance",
            f"very common {text(picks.very_common)}, relevance",
            {"q": picks.very_common.query, "sort": "relevance"},
        ),
        *sorts("borderline", "borderline", picks.borderline),
        deep("borderline", "borderline", picks.borderline, "newest"),
        *sorts("rare", "rare", picks.rare),
        *(
            Scenario(
                f"filters-{sort}", f"filters only: {filtered}, {sort}", {**filters, "sort": sort}
            )
            for sort in ("newest", "price_asc")
        ),
        Scenario(
            "suggest",
            f"suggestions for “{picks.common.query[:3]}”",
            {"q": picks.common.query[:3]},
            suggest=True,
        ),
        # From four letters, brands that do not start so are looked for as near misses.
        Scenario(
            "suggest-near",
            f"suggestions for “{picks.common.query[:5]}” (with near-miss brands)",
            {"q": picks.common.query[:5]},
            suggest=True,
        ),
    )


# --- the running install ---------------------------------------------------------------------


async def _seed_popular_searches(redis_url: str, url: str) -> int:
    """Every vocabulary word as a popular search, so a prefix finds candidates as it
    would in production (the run's Redis starts empty)."""
    from redis.asyncio import Redis

    from reloop.search.suggest import POPULAR, POPULAR_LEX

    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT term, least(documents, 1000000) AS n FROM search_terms")
    finally:
        await conn.close()
    client = Redis.from_url(redis_url)
    try:
        async with client.pipeline(transaction=False) as pipe:
            pipe.zadd(POPULAR, {r["term"]: r["n"] for r in rows})
            pipe.zadd(POPULAR_LEX, dict.fromkeys((r["term"] for r in rows), 0))
            await pipe.execute()
    finally:
        await client.aclose()
    return len(rows)


def _deep_path(client: httpx.Client, scenario: Scenario) -> str:
    path = scenario.path()
    for _ in range(DEEP_PAGE - 1):
        page = client.get(path).raise_for_status().json()
        if page["next_cursor"] is None:
            raise RuntimeError(f"{scenario.label}: the results ended before page {DEEP_PAGE}")
        path = f"{scenario.path()}&{urlencode({'cursor': page['next_cursor']})}"
    return path


def _answer(client: httpx.Client, scenario: Scenario, path: str) -> dict[str, Any]:
    """What the page shows: enough to see the scenario is what it claims to be."""
    body = client.get(path).raise_for_status().json()
    if scenario.suggest:
        return {key: len(body[key]) for key in ("brands", "categories", "queries")}
    return {
        "total": body["total"]["value"],
        "capped": body["total"]["capped"],
        "items": len(body["items"]),
        "next_cursor": body["next_cursor"] is not None,
        "corrected_query": body["corrected_query"],
        "facet_values": {name: len(values) for name, values in body["facets"].items()},
    }


# --- what each request runs: the real app in-process, with a statement recorder ----------


def _kind(sql: str) -> str:
    if "UNION ALL" in sql:
        return "facets"
    if "sort_key" in sql:
        return "page"
    if re.search(r"\bFROM images\b", sql):
        return "covers"
    return "other"


_EXECUTION = re.compile(r"Execution Time: ([\d.]+) ms")
PREPARED_RUNS = 10  # PostgreSQL may switch a prepared statement to a generic plan from the 6th


def _literal(value: Any) -> str:
    """A parameter as SQL text, for `EXECUTE` of a statement prepared in SQL."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str | uuid.UUID | datetime):
        return "'" + str(value).replace("'", "''") + "'"
    raise TypeError(f"no literal for {type(value).__name__}")


async def _plan(conn: asyncpg.Connection, explain: str, *params: Any) -> dict[str, Any]:
    plan = "\n".join(row[0] for row in await conn.fetch(explain, *params))
    found = _EXECUTION.search(plan)
    return {"execution_ms": float(found.group(1)) if found else None, "plan": plan}


async def _generic_plan(conn: asyncpg.Connection, sql: str, params: list[Any]) -> dict[str, Any]:
    """The plan PostgreSQL uses when it settles on a generic one for a prepared statement:
    no parameter values known, so no partial index whose predicate is a parameter."""
    await conn.execute("SET plan_cache_mode = force_generic_plan")
    try:
        await conn.execute(f"PREPARE bench_generic AS {sql}")
        arguments = ", ".join(_literal(p) for p in params)
        return await _plan(conn, f"EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic({arguments})")
    finally:
        await conn.execute("DEALLOCATE ALL")
        await conn.execute("RESET plan_cache_mode")


async def _explain(url: str, statements: list[Statement]) -> dict[str, dict[str, Any]]:
    """The facets and page statements as the app runs them, on an idle server.

    `prepared_ms`: runs 6 to 10 of the statement prepared once, as the app's driver does
    (asyncpg caches prepared statements per connection), where PostgreSQL may have moved
    to a generic plan. `plan`: `EXPLAIN (ANALYZE, BUFFERS)` with the values (a custom
    plan), warm; `generic`: the generic plan, with its own timing.
    """
    conn = await asyncpg.connect(url)
    try:
        plans: dict[str, dict[str, Any]] = {}
        for sql, params in statements:
            kind = _kind(sql)
            if kind not in ("facets", "page"):
                continue
            prepared = await conn.prepare(sql)
            times = []
            for _ in range(PREPARED_RUNS):
                started = time.perf_counter()
                await prepared.fetch(*params)
                times.append((time.perf_counter() - started) * 1000)
            custom = await _plan(conn, f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *params)
            try:
                generic: dict[str, Any] | None = await _generic_plan(conn, sql, params)
            except (TypeError, asyncpg.PostgresError):
                generic = None
            plans[kind] = {
                **custom,
                "prepared_ms": round(statistics.median(times[5:]), 1),
                "prepared_runs_ms": [round(t, 1) for t in times],
                "generic": generic,
                "sql": sql,
                "params": [str(p) for p in params],
            }
        return plans
    finally:
        await conn.close()


# --- load ---------------------------------------------------------------------------------


def _warm(
    client: httpx.Client, path: str, before_each: Callable[[], object] | None = None
) -> dict[str, float]:
    """`WARM_REQUESTS` requests one after the other, or as many as `WARM_SECONDS` allow:
    the percentiles of all but the first five, a request's time with no queue.
    `before_each()` runs before each request, outside its time."""
    deadline = time.monotonic() + WARM_SECONDS
    times = []
    for _ in range(WARM_REQUESTS):
        if before_each is not None:
            before_each()
        started = time.perf_counter()
        client.get(path).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
        if time.monotonic() > deadline:
            break
    return percentiles(times[5:] or times)


async def _drain(url: str, timeout_s: float = 120.0) -> float:
    """Wait until the API has run no statement for a second: seconds waited.

    When wrk stops, the API still works through the requests its connections left
    behind (a slow search is not cancelled when its client goes); measuring the next
    run before they are done would charge it their time.
    """
    conn = await asyncpg.connect(url)
    try:
        started = time.monotonic()
        quiet_since = started
        while time.monotonic() - started < timeout_s:
            busy = await conn.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'reloop'"
                " AND backend_type = 'client backend' AND state <> 'idle'"
            )
            now = time.monotonic()
            if busy:
                quiet_since = now
            elif now - quiet_since >= 1.0:
                break
            await asyncio.sleep(0.1)
        return round(time.monotonic() - started, 1)
    finally:
        await conn.close()


def _measure(base_url: str, url: str, path: str, args: argparse.Namespace) -> dict[str, Any]:
    """Throughput at many connections, then latency at few, each started on an idle API;
    the load average (all of the machine) before each."""
    run = functools.partial(wrk_one_path, base_url, path, args.seconds, timeout_s=WRK_TIMEOUT_S)
    drained = [asyncio.run(_drain(url))]
    load = [os.getloadavg()[0]]
    throughput = run(args.connections)
    drained.append(asyncio.run(_drain(url)))
    load.append(os.getloadavg()[0])
    latency = run(args.latency_connections)
    return {
        "throughput": throughput,
        "latency": latency,
        "load_1min": [round(x, 2) for x in load],
        "drained_s": drained,
    }


# --- report -------------------------------------------------------------------------------


def _verdicts(scenarios: dict[str, dict[str, Any]]) -> dict[str, dict[str, bool]]:
    verdicts = {}
    for key, s in scenarios.items():
        latency = s["reloop"]["latency"]
        if s["suggest"]:
            verdicts[key] = {"p95": latency["p95_ms"] <= BUDGET["suggest_p95_ms"]}
        else:
            verdicts[key] = {
                "p95": latency["p95_ms"] <= BUDGET["p95_ms"],
                "max": latency["max_ms"] <= BUDGET["max_ms"],
            }
        verdicts[key]["statements"] = s["statements"] <= BUDGET["statements"]
    return verdicts


def _slowest(scenarios: dict[str, dict[str, Any]]) -> str | None:
    """The search with the highest p95 (none when only suggestions were measured)."""
    searches = {k: s for k, s in scenarios.items() if not s["suggest"]}
    if not searches:
        return None
    return max(searches, key=lambda k: searches[k]["reloop"]["latency"]["p95_ms"])


def _table(
    picks: Picks, scenarios: dict[str, dict[str, Any]], verdicts: dict[str, dict[str, bool]]
) -> str:
    def met(ok: bool) -> str:
        return "met" if ok else "**MISSED**"

    lines = [
        "| scenario | serial p50 ms (nothing kept) | p50 ms | p95 ms | p99 ms"
        " | max ms (4 conn.) | req/s (32 conn.) | baseline p50 / p95 / p99 ms"
        " | baseline req/s | ÷ baseline | errors | statements"
        " | facets / page SQL ms: values (prepared) | total |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in scenarios.values():
        lat, thr = s["reloop"]["latency"], s["reloop"]["throughput"]
        sql = " / ".join(
            f"{s['plans'][kind]['execution_ms']} ({s['plans'][kind]['prepared_ms']})"
            if kind in s["plans"]
            else "-"
            for kind in ("facets", "page")
        )
        answer = s["answer"]
        total = (
            f"{answer['total']:,}{'+' if answer['capped'] else ''}, {answer['items']} shown"
            if not s["suggest"]
            else f"{answer['brands']} brands, {answer['categories']} categories, "
            f"{answer['queries']} searches"
        )
        if "baseline" in s:
            bare_lat, bare_thr = s["baseline"]["latency"], s["baseline"]["throughput"]
            bare = (
                f"{bare_lat['p50_ms']} / {bare_lat['p95_ms']} / {bare_lat['p99_ms']} | "
                f"{bare_thr['rps']} | {s['ratio']}"
            )
        else:
            bare = "- | - | -"
        afresh = f" ({s['serial_afresh_ms']['p50']})" if "serial_afresh_ms" in s else ""
        lines.append(
            f"| {s['label']} | {s['serial_ms']['p50']}{afresh} | {lat['p50_ms']} | "
            f"{lat['p95_ms']} | {lat['p99_ms']} | {lat['max_ms']} | {thr['rps']} | {bare} | "
            f"{int(lat['errors'] + thr['errors'])} | "
            f"{s['statements']} ({', '.join(s['kinds'])}); {s['statements_kept']} with its"
            f" facets and window kept | {sql} | {total} |"
        )
    lines.append("")
    for key, s in scenarios.items():
        v = verdicts[key]
        if s["suggest"]:
            budget = f"p95 ≤ {BUDGET['suggest_p95_ms']:g} ms {met(v['p95'])}"
        else:
            budget = (
                f"p95 ≤ {BUDGET['p95_ms']:g} ms {met(v['p95'])}; "
                f"max ≤ {BUDGET['max_ms']:g} ms {met(v['max'])}"
            )
        lines.append(
            f"- {s['label']}: {budget}; {s['statements']} statements (≤ 4) "
            f"{met(v['statements'])}; machine load average before the two runs "
            f"{s['reloop']['load_1min']}; backlog left by the 32 connections drained in "
            f"{s['reloop']['drained_s'][1]} s"
        )
    refresh = (
        f"filled by this run in {picks.vocabulary_refresh_s} s"
        if picks.vocabulary_refresh_s is not None
        else "filled before the run"
    )
    lines += [
        "",
        f"Vocabulary (`search_terms`): {picks.vocabulary:,} words, {refresh}. Serial: one"
        " request after the other (the warm-up), no queue. Baseline: `baseline_feed.py`, the"
        " bare Starlette + asyncpg app, replaying the request's statements and answering its"
        " bytes (suggestions have no SQL to replay). Statements: those of a search counted"
        " afresh, which the baseline replays, and those of a search whose facet counts and"
        " relevance window were kept (`search/kept.py`: every request under load but the first in a"
        " minute). SQL ms, on an idle API: the"
        " execution time of the statement with its values (`EXPLAIN ANALYZE`, a custom plan),"
        " and in brackets the median of runs 6 to 10 of it prepared, as the app's driver runs"
        " it, where PostgreSQL may have switched to a generic plan.",
    ]
    return "\n".join(lines)


def _took_generic(plan: dict[str, Any]) -> bool:
    """The statement ran far slower prepared than with its values: a generic plan."""
    return bool(plan["execution_ms"]) and plan["prepared_ms"] > 2 * plan["execution_ms"] + 5


def _plans_section(scenarios: dict[str, dict[str, Any]], slowest: str) -> str:
    def block(title: str, plan: dict[str, Any]) -> list[str]:
        lines = [
            f"### {title}",
            "",
            "```sql",
            plan["sql"],
            "```",
            "",
            f"Parameters: {plan['params']}",
            "",
            f"With the values (custom plan), {plan['execution_ms']} ms:",
            "",
            "```",
            plan["plan"],
            "```",
            "",
            f"Prepared, as the app runs it: {plan['prepared_runs_ms']} ms over "
            f"{PREPARED_RUNS} runs.",
            "",
        ]
        if plan["generic"]:
            lines += [
                f"Generic plan, {plan['generic']['execution_ms']} ms:",
                "",
                "```",
                plan["generic"]["plan"],
                "```",
                "",
            ]
        return lines

    def folded(summary: str, text: str) -> list[str]:
        return [
            f"<details><summary>{summary}</summary>",
            "",
            "```",
            text,
            "```",
            "",
            "</details>",
            "",
        ]

    s = scenarios[slowest]
    parts = ["", f"## Plans of the slowest scenario: {s['label']}", ""]
    for kind in ("facets", "page"):
        if kind in s["plans"]:
            parts += block(f"{kind} statement", s["plans"][kind])
    parts += ["## Plans of the other scenarios (`EXPLAIN (ANALYZE, BUFFERS)`, warm)", ""]
    for key, other in scenarios.items():
        if key == slowest or other["suggest"]:
            continue
        for kind in ("facets", "page"):
            if kind not in other["plans"]:
                continue
            plan = other["plans"][kind]
            title = f"{other['label']}: {kind}"
            parts += folded(f"{title}, {plan['execution_ms']} ms", plan["plan"])
            if _took_generic(plan) and plan["generic"]:
                generic = plan["generic"]
                parts += folded(
                    f"{title}, generic plan (prepared: {plan['prepared_ms']} ms), "
                    f"{generic['execution_ms']} ms",
                    generic["plan"],
                )
    return "\n".join(parts)


def _package() -> str:
    """Where the measured code was imported from (a checkout, or an export of a commit)."""
    import reloop

    return str(Path(reloop.__file__).resolve().parent)


# --- the run --------------------------------------------------------------------------------


async def _drop_kept(_key: str, app: Any) -> None:
    """A search's facet counts and relevance window are kept for a minute
    (`search/kept.py`), so under load only the first request computes them. They are
    dropped before the recording: the baseline replays every statement of a search run
    afresh, as a bare server without our cache would (the choice `feed.py` and `pages.py`
    make for their cached pages)."""
    await app.state.cache.delete(VISITORS_GROUP)


def _measure_baseline(
    client: httpx.Client,
    url: str,
    chosen: tuple[Scenario, ...],
    scenarios: dict[str, dict[str, Any]],
    captured: dict[str, list[Statement]],
    args: argparse.Namespace,
) -> None:
    """Each search's statements replayed by the bare baseline, which answers the same bytes.

    Suggestions have none to replay (they are read from Redis), so they have no baseline.
    """
    searches = [s for s in chosen if not s.suggest]
    replay = {
        s.key: replay_entry(
            captured[s.key], client.get(scenarios[s.key]["path"]).raise_for_status().text
        )
        for s in searches
    }
    work = Path(tempfile.mkdtemp(prefix="reloop-bench-search-"))
    try:
        (work / "replay.json").write_text(json.dumps(replay), "utf-8")
        env = {"RELOOP_DATABASE_URL": url, "BASELINE_REPLAY": str(work / "replay.json")}
        with bare_app("baseline_feed:app", env) as baseline_url:
            for s in searches:
                entry, path = scenarios[s.key], f"/replay/{s.key}"
                asyncio.run(_drain(url))
                _warm(client, baseline_url + path)
                print(f"measuring the baseline of {s.label} …", flush=True)
                entry["baseline"] = _measure(baseline_url, url, path, args)
                ours = entry["reloop"]["throughput"]["rps"]
                bare = entry["baseline"]["throughput"]["rps"]
                entry["ratio"] = round(ours / bare, 2) if bare else 0.0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace) -> tuple[Picks, dict[str, dict[str, Any]]]:
    url = args.database_url
    picks = asyncio.run(_pick(url, args))
    print(
        f"common {picks.common}, very common {picks.very_common}, "
        f"borderline {picks.borderline}, rare {picks.rare}, "
        f"filters {picks.category} ({picks.filtered_matches:,})",
        flush=True,
    )
    asyncio.run(steady_state(url))
    chosen = tuple(
        s for s in _scenarios(picks) if not args.only or s.key.startswith(tuple(args.only))
    )
    scenarios: dict[str, dict[str, Any]] = {}
    with (
        running_install(
            {
                "RELOOP_DATABASE_URL": url,
                "RELOOP_SEARCH_RATE_LIMIT_PER_MINUTE": str(UNLIMITED),
            }
        ) as install,
        httpx.Client(base_url=install.base_url, timeout=60) as client,
    ):
        redis_url = install.services()["RELOOP_REDIS_URL"]
        popular = asyncio.run(_seed_popular_searches(redis_url, url))
        forget_kept = functools.partial(
            redis.Redis.from_url(redis_url).delete, f"cache:{VISITORS_GROUP}"
        )
        for s in chosen:
            path = _deep_path(client, s) if s.deep else s.path()
            scenarios[s.key] = {"label": s.label, "suggest": s.suggest, "path": path}
        requests = {key: (entry["path"], None) for key, entry in scenarios.items()}
        record = functools.partial(
            capture, install, url, requests, settings={"search_rate_limit_per_minute": UNLIMITED}
        )
        captured = asyncio.run(record(before_recording=_drop_kept))  # the baseline's
        kept = asyncio.run(record())
        for s in chosen:
            entry = scenarios[s.key]
            entry["statements"] = len(captured[s.key])
            entry["kinds"] = [_kind(sql) for sql, _ in captured[s.key]]
            entry["statements_kept"] = len(kept[s.key])
            entry["answer"] = _answer(client, s, entry["path"])
            if s.suggest:
                entry["answer"]["popular_searches_seeded"] = popular
        for s in chosen:
            entry = scenarios[s.key]
            asyncio.run(_drain(url))
            entry["serial_ms"] = _warm(client, entry["path"])
            if not s.suggest:  # the same, each computing its facets and window afresh
                entry["serial_afresh_ms"] = _warm(client, entry["path"], forget_kept)
            print(f"measuring {s.label} …", flush=True)
            entry["reloop"] = _measure(install.base_url, url, entry["path"], args)
            if s.key in PROFILED:
                asyncio.run(_drain(url))
                what = f"Search, {s.label}, at {args.connections} connections, `1m` data"
                name = f"search_1m_{s.key}"
                profile_path(install.base_url, entry["path"], name, what, args.connections, None)
        _measure_baseline(client, url, chosen, scenarios, captured, args)
    # With the API stopped: the plans are the database's time alone.
    for s in chosen:
        scenarios[s.key]["plans"] = asyncio.run(_explain(url, captured[s.key]))
    return picks, scenarios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="seeded with `1m`")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32, help="for throughput")
    parser.add_argument("--latency-connections", type=int, default=4, help="for latency")
    parser.add_argument("--common-target", type=int, default=40_000, help="listings matched")
    parser.add_argument("--common", help="the common query (default: picked from the data)")
    parser.add_argument("--very-common", help="the very common query")
    parser.add_argument("--borderline", help="the query just dense enough for index walks")
    parser.add_argument("--rare", help="the rare query")
    parser.add_argument("--name", default="search_1m", help="of the result files")
    parser.add_argument(
        "--only",
        action="append",
        metavar="PREFIX",
        help="measure only the scenarios whose key starts so (repeatable; e.g. suggest)",
    )
    args = parser.parse_args()
    picks, scenarios = _run(args)
    verdicts = _verdicts(scenarios)
    slowest = _slowest(scenarios)
    result = {
        "data_set": "1m",
        "reloop_package": _package(),
        "postgres": asyncio.run(server_settings(args.database_url)),
        "seconds": args.seconds,
        "throughput_connections": args.connections,
        "latency_connections": args.latency_connections,
        "picks": {
            "common": vars(picks.common),
            "very_common": vars(picks.very_common),
            "borderline": vars(picks.borderline),
            "rare": vars(picks.rare),
            "category": {"id": picks.category_id, "name": picks.category},
            "price_range": list(PRICE_RANGE),
            "filtered_matches": picks.filtered_matches,
            "vocabulary": picks.vocabulary,
            "vocabulary_refresh_s": picks.vocabulary_refresh_s,
        },
        "scenarios": scenarios,
        "slowest": slowest,
        "budget": BUDGET,
        "within_budget": verdicts,
    }
    table = _table(picks, scenarios, verdicts)
    plans = _plans_section(scenarios, slowest) if slowest else ""
    path = write_result(args.name, result, table + "\n" + plans)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
