"""Soak: a mixed load for half an hour, watching errors, latency and the API's memory.

Starts `reloop run` (one API worker, the Celery worker and beat, embedded PostgreSQL and
Redis), loads `reloop seed --bench small`, stocks 1,000 listings of other members at 999
units, signs in `--clients` bench members, then each client acts as one member at a
paced rate (`--rate` requests per second in all): browse (home feed, popular, a listing,
a profile and its listings), search (words from the listings' titles, some with a
category, a condition or a price range, every sort; suggestions), like then unlike,
comment, and check out one unit (its own Idempotency-Key, the success test card).

Every `--window` seconds it records the window's requests, 5xx, 4xx, p50/p95/p99 latency
and the API process's resident memory and CPU. The clients are closed-loop and paced, so
the load generator stays light and a slow API slows the load rather than queueing it.

    backend/.venv/bin/python bench/soak.py [--minutes 30] [--clients 8] [--rate 40]
"""

import argparse
import asyncio
import os
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import psutil
from common import (
    Install,
    api_process,
    order_books,
    percentiles,
    running_install,
    seed_small,
    write_result,
)

from reloop.benchdata import BENCH_PASSWORD

# Relative weights of the actions; comments stay under the 10 a minute each member may post.
WEIGHTS = {
    "feed": 18,
    "popular": 8,
    "item": 22,
    "profile": 8,
    "search": 16,
    "suggest": 4,
    "like": 10,
    "comment": 2,
    "checkout": 6,
}
SORTS = ("relevance", "newest", "price_asc", "price_desc")
SIGN_IN_EVERY_S = 600  # access tokens last 15 minutes
ADDRESS = {
    "name": "Soak Buyer",
    "line1": "1 Rue du Banc",
    "postal_code": "75001",
    "city": "Paris",
    "country_code": "FR",
}


@dataclass
class Scenery:
    members: list[tuple[str, str]]  # (email, username)
    listings: list[tuple[str, str]]  # (id, seller's username), others' active listings
    stocked: list[tuple[str, int]]  # (id, price) at 999 units, for checkout
    words: list[str]
    categories: list[str]
    conditions: list[str]


@dataclass(frozen=True)
class Record:
    at: float  # when the answer came, seconds since the measurement began
    action: str
    status: int  # 0: no answer (connection failed or timed out)
    ms: float


@dataclass
class Member:
    email: str
    username: str
    token: str = ""
    signed_in_at: float = 0.0
    liked: set[str] = field(default_factory=set)


async def _scenery(url: str, clients: int) -> Scenery:
    conn = await asyncpg.connect(url)
    try:
        members = await conn.fetch(
            "SELECT email, username FROM users WHERE email ~ '^bench[0-9]+@example.com$'"
            " AND email_verified_at IS NOT NULL ORDER BY random() LIMIT $1",
            clients,
        )
        emails = [m["email"] for m in members]
        # Other members' active listings: the soak's members buy, like and comment on them.
        stocked = await conn.fetch(
            "UPDATE items SET quantity = 999, reserved = 0, sold_quantity = 0 WHERE id IN ("
            " SELECT i.id FROM items i JOIN users u ON u.id = i.seller_id"
            " WHERE i.status = 'active' AND i.currency = 'EUR' AND u.email <> ALL($1::text[])"
            " ORDER BY random() LIMIT 1000) RETURNING id, price_amount",
            emails,
        )
        listings = await conn.fetch(
            "SELECT i.id, u.username FROM items i JOIN users u ON u.id = i.seller_id"
            " WHERE i.status = 'active' AND u.email <> ALL($1::text[])"
            " ORDER BY random() LIMIT 2000",
            emails,
        )
        titles = await conn.fetch("SELECT title FROM items ORDER BY random() LIMIT 200")
        categories = await conn.fetch("SELECT id FROM categories WHERE parent_id IS NULL")
        conditions = await conn.fetch("SELECT DISTINCT condition FROM items")
        await conn.execute("VACUUM (ANALYZE) items")
    finally:
        await conn.close()
    words = sorted({w.lower() for t in titles for w in t["title"].split() if w.isalpha()})
    return Scenery(
        members=[(m["email"], m["username"]) for m in members],
        listings=[(str(r["id"]), r["username"]) for r in listings],
        stocked=[(str(r["id"]), int(r["price_amount"])) for r in stocked],
        words=[w for w in words if len(w) > 3],
        categories=[str(r["id"]) for r in categories],
        conditions=[str(r["condition"]) for r in conditions],
    )


class Load:
    """The clients, their records, and the requests each action makes."""

    def __init__(self, http: httpx.AsyncClient, scenery: Scenery, rate: float) -> None:
        self.http = http
        self.scenery = scenery
        self.interval_s = len(scenery.members) / rate
        self.records: list[Record] = []
        self.started = time.monotonic()
        self.recording = False
        self._keys = 0

    async def sign_in(self, member: Member) -> None:
        response = await self.http.post(
            "/api/v1/auth/login",
            json={"email": member.email, "password": BENCH_PASSWORD, "transport": "bearer"},
        )
        response.raise_for_status()
        member.token = response.json()["access_token"]
        member.signed_in_at = time.monotonic()

    def _search_params(self, rng: random.Random) -> dict[str, str]:
        params = {"q": rng.choice(self.scenery.words), "sort": rng.choice(SORTS)}
        extra = rng.random()
        if extra < 0.2:
            params["category"] = rng.choice(self.scenery.categories)
        elif extra < 0.35:
            params["condition"] = rng.choice(self.scenery.conditions)
        elif extra < 0.5:
            params |= {"price_min": "1000", "price_max": "5000"}
        return params

    def _checkout(self, rng: random.Random) -> dict[str, Any]:
        item, price = rng.choice(self.scenery.stocked)
        line = {"item_id": item, "quantity": 1, "unit_price": {"amount": price, "currency": "EUR"}}
        return {
            "lines": [line],
            "shipping_address": ADDRESS,
            "payment_method": "4242 4242 4242 4242",
        }

    async def _act(self, member: Member, action: str, rng: random.Random) -> httpx.Response:
        auth = {"Authorization": f"Bearer {member.token}"}
        item, seller = rng.choice(self.scenery.listings)
        get = self.http.get
        if action == "feed":
            return await get("/api/v1/feed", params={"limit": 24}, headers=auth)
        if action == "popular":
            return await get("/api/v1/feed/popular", headers=auth)
        if action == "item":
            return await get(f"/api/v1/items/{item}", headers=auth)
        if action == "profile":
            path = rng.choice((f"/api/v1/users/{seller}", f"/api/v1/users/{seller}/items"))
            return await get(path, headers=auth)
        if action == "search":
            return await get("/api/v1/search/items", params=self._search_params(rng), headers=auth)
        if action == "suggest":
            prefix = rng.choice(self.scenery.words)[:3]
            return await get("/api/v1/search/suggest", params={"q": prefix}, headers=auth)
        if action == "like":
            if member.liked:
                liked = member.liked.pop()
                return await self.http.delete(f"/api/v1/items/{liked}/like", headers=auth)
            member.liked.add(item)
            return await self.http.put(f"/api/v1/items/{item}/like", headers=auth)
        if action == "comment":
            body = {"body": f"Is this still available? ({rng.randrange(10**6)})"}
            return await self.http.post(f"/api/v1/items/{item}/comments", json=body, headers=auth)
        self._keys += 1
        key = {"Idempotency-Key": f"soak-{uuid.uuid4().hex}-{self._keys}"}
        return await self.http.post(
            "/api/v1/checkout", json=self._checkout(rng), headers={**auth, **key}
        )

    async def client(self, member: Member, seed: int, until: float) -> None:
        rng = random.Random(seed)  # noqa: S311 (load, not secrets)
        actions, weights = list(WEIGHTS), list(WEIGHTS.values())
        next_at = time.monotonic()
        while time.monotonic() < until:
            next_at = max(next_at + self.interval_s, time.monotonic() - self.interval_s)
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            if time.monotonic() - member.signed_in_at > SIGN_IN_EVERY_S:
                await self.sign_in(member)
            action = rng.choices(actions, weights)[0]
            start = time.monotonic()
            try:
                response = await self._act(member, action, rng)
                status = response.status_code
            except httpx.TransportError:
                status = 0
            if status == 401:
                await self.sign_in(member)
            if self.recording:
                end = time.monotonic()
                self.records.append(Record(end - self.started, action, status, (end - start) * 1e3))


def _window(records: list[Record]) -> dict[str, Any]:
    statuses = Counter(r.status // 100 for r in records)
    return {
        "requests": len(records),
        "status_5xx": statuses[5],
        "status_4xx": statuses[4],
        "no_answer": statuses[0],
        **{f"{k}_ms": v for k, v in percentiles([r.ms for r in records]).items()},
    }


async def _sample(load: Load, api: psutil.Process, window_s: float, until: float) -> list[Any]:
    windows: list[dict[str, Any]] = []
    driver = psutil.Process()
    cpu, driver_cpu = api.cpu_times(), driver.cpu_times()
    begin = 0.0
    while time.monotonic() < until:
        await asyncio.sleep(min(window_s, max(0.0, until - time.monotonic())))
        end = time.monotonic() - load.started
        now_cpu, now_driver = api.cpu_times(), driver.cpu_times()
        used = (now_cpu.user + now_cpu.system) - (cpu.user + cpu.system)
        driven = (now_driver.user + now_driver.system) - (driver_cpu.user + driver_cpu.system)
        cpu, driver_cpu = now_cpu, now_driver
        window = _window([r for r in load.records if begin <= r.at < end])
        window |= {
            "end_s": round(end, 1),
            "api_rss_mb": round(api.memory_info().rss / 2**20, 1),
            "api_cpu_percent": round(100 * used / max(end - begin, 1e-9), 1),
            "driver_cpu_percent": round(100 * driven / max(end - begin, 1e-9), 1),
            "load_average_1m": round(os.getloadavg()[0], 2),
        }
        windows.append(window)
        print(
            f"{window['end_s']:>7} s  {window['requests']:>5} req  {window['status_5xx']} 5xx  "
            f"p95 {window['p95_ms']} ms  RSS {window['api_rss_mb']} MB  "
            f"CPU {window['api_cpu_percent']} %",
            flush=True,
        )
        begin = end
    return windows


async def _run(install: Install, scenery: Scenery, args: argparse.Namespace) -> dict[str, Any]:
    api = api_process(install.base_url)
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=install.base_url, limits=limits, timeout=30) as http:
        load = Load(http, scenery, args.rate)
        members = [Member(email, username) for email, username in scenery.members]
        for member in members:
            await load.sign_in(member)
        warm_until = time.monotonic() + args.warm_up
        await asyncio.gather(*(load.client(m, n, warm_until) for n, m in enumerate(members)))
        load.started = time.monotonic()
        load.recording = True
        rss_start = round(api.memory_info().rss / 2**20, 1)
        until = load.started + args.minutes * 60
        clients = [load.client(m, 100 + n, until) for n, m in enumerate(members)]
        windows, *_ = await asyncio.gather(_sample(load, api, args.window, until), *clients)
    return {"records": load.records, "windows": windows, "rss_start_mb": rss_start}


def _summary(run: dict[str, Any], books: dict[str, int]) -> dict[str, Any]:
    records: list[Record] = run["records"]
    windows: list[dict[str, Any]] = run["windows"]
    rss = [w["api_rss_mb"] for w in windows]
    by_action = {action: _window([r for r in records if r.action == action]) for action in WEIGHTS}
    third = max(len(windows) // 3, 1)
    first, last = windows[:third], windows[-third:]

    def mean_p95(part: list[dict[str, Any]]) -> float:
        return round(sum(w["p95_ms"] for w in part) / len(part), 2)

    duration = windows[-1]["end_s"] if windows else 0
    return {
        **_window(records),
        "duration_s": duration,
        "requests_per_s": round(len(records) / max(duration, 1e-9), 1),
        "driver_cpu_percent_max": max(w["driver_cpu_percent"] for w in windows),
        "api_rss_mb": {"start": run["rss_start_mb"], "end": rss[-1], "max": max(rss)},
        "p95_ms_first_third": mean_p95(first),
        "p95_ms_last_third": mean_p95(last),
        "by_action": by_action,
        "books": books,
    }


def _table(summary: dict[str, Any], windows: list[dict[str, Any]], args: Any) -> str:
    rss = summary["api_rss_mb"]
    lines = [
        f"{args.clients} clients, {args.rate:g} requests/s in all, {args.minutes:g} minutes "
        f"after a {args.warm_up:g} s warm-up, on the `small` data set.",
        "",
        f"**{summary['requests']} requests ({summary['requests_per_s']}/s), "
        f"{summary['status_5xx']} 5xx, "
        f"{summary['status_4xx']} 4xx, {summary['no_answer']} without an answer.** "
        f"Latency p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
        f"p99 {summary['p99_ms']} ms, max {summary['max_ms']} ms. "
        f"API memory (RSS) {rss['start']} MB at the start, {rss['end']} MB at the end, "
        f"{rss['max']} MB at most. Mean window p95: {summary['p95_ms_first_third']} ms in "
        f"the first third, {summary['p95_ms_last_third']} ms in the last. The load "
        f"generator used at most {summary['driver_cpu_percent_max']} % of a core.",
        "",
        f"Orders: {summary['books']['orders']} ({summary['books']['paid']} paid); oversold "
        f"listings: {summary['books']['oversold']}; ledger sum: {summary['books']['ledger_sum']}.",
        "",
        "| action | requests | 5xx | 4xx | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
        *(
            f"| {action} | {s['requests']} | {s['status_5xx']} | {s['status_4xx']} | "
            f"{s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['max_ms']} |"
            for action, s in summary["by_action"].items()
        ),
        "",
        "| window end s | requests | 5xx | 4xx | p50 ms | p95 ms | p99 ms | API RSS MB "
        "| API CPU % | driver CPU % | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(
            f"| {w['end_s']} | {w['requests']} | {w['status_5xx']} | {w['status_4xx']} | "
            f"{w['p50_ms']} | {w['p95_ms']} | {w['p99_ms']} | {w['api_rss_mb']} | "
            f"{w['api_cpu_percent']} | {w['driver_cpu_percent']} | {w['load_average_1m']} |"
            for w in windows
        ),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rate", type=float, default=40, help="requests per second, all clients")
    parser.add_argument("--window", type=float, default=30, help="seconds per sample")
    parser.add_argument("--warm-up", type=float, default=20, help="seconds, not recorded")
    args = parser.parse_args()
    with running_install() as install:
        seed_small(install)
        url = install.services()["RELOOP_DATABASE_URL"]
        scenery = asyncio.run(_scenery(url, args.clients))
        run = asyncio.run(_run(install, scenery, args))
        books = asyncio.run(order_books(url))
    summary = _summary(run, books)
    result = {
        "data_set": "small",
        "clients": args.clients,
        "rate_per_s": args.rate,
        "minutes": args.minutes,
        "window_s": args.window,
        "weights": WEIGHTS,
        "summary": summary,
        "windows": run["windows"],
    }
    table = _table(summary, run["windows"], args)
    path = write_result("soak", result, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
