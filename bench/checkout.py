"""Checkout under load: one unit of a random listing per request, against one API worker.

Starts `reloop run` (one API worker, embedded PostgreSQL and Redis, the simulated payment
provider), loads `reloop seed --bench small`, raises 2,000 listings of other members to
999 units each (so stock never runs out and buyers rarely queue on one row), signs in one
bench member, then drives `POST /api/v1/checkout` with wrk: every request a unique
Idempotency-Key and a random listing, paid with the success test card. Each request is a
whole checkout: the key claimed, the stock held, an order, its payment captured, the
ledger posted, the answer stored on the key.

Each run starts once the worker has done the jobs of the run before, and its CPU is read
from every process (API, PostgreSQL, worker, the development SMTP sink) until the worker
has done the jobs of its own orders (notifications, two confirmation mails each). On
this two-core machine the worker shares the cores with the API; `reloop run` runs it at
a lower priority, so a burst of orders does not wait behind its own mail. A third run
stops the worker (SIGSTOP) while wrk drives the API and continues it after: what one API
process and PostgreSQL do alone.

The bare baseline (`baseline_checkout.py`) replays the transactions of one real checkout,
and the statements it runs on their own (autocommit), recorded with the app in-process,
with each request's listing, key and new identifiers put in, and answers the same bytes;
wrk drives it with the same requests.

    backend/.venv/bin/python bench/checkout.py [--seconds 20] [--connections 16]
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil
from common import (
    ROOT,
    Install,
    api_process,
    bare_app,
    order_books,
    replay_parameter,
    running_install,
    seed_small,
    write_result,
)
from profiling import PROFILE_S, sampling
from sqlalchemy import event

from reloop.benchdata import BENCH_PASSWORD, HEAVY_EMAIL
from reloop.config import Settings

BENCH = ROOT / "bench"
BUDGET = {"p95_ms": 60.0, "orders_per_s": 200.0, "ratio": 0.5}
POOL = 2000
NICE = Settings.model_fields["background_nice"].default
RECORDED_KEY = "bench-recorded-checkout"  # distinctive: the baseline swaps it wherever it is
ADDRESS = {
    "name": "Bench Buyer",
    "line1": "1 Rue du Banc",
    "postal_code": "75001",
    "city": "Paris",
    "country_code": "FR",
}


async def stock_up(url: str, buyer_email: str) -> list[tuple[str, int]]:
    """2,000 active listings of other members, at 999 units: (id, price) each."""
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "UPDATE items SET quantity = 999, reserved = 0, sold_quantity = 0 WHERE id IN ("
            " SELECT i.id FROM items i JOIN users u ON u.id = i.seller_id"
            " WHERE i.status = 'active' AND i.currency = 'EUR' AND u.email <> $1"
            " ORDER BY random() LIMIT $2) RETURNING id, price_amount",
            buyer_email,
            POOL,
        )
        await conn.execute("VACUUM (ANALYZE) items")
        return [(str(r["id"]), int(r["price_amount"])) for r in rows]
    finally:
        await conn.close()


def checkout_body(item: tuple[str, int]) -> dict[str, Any]:
    """One unit of the listing `(id, price)`, paid with the success test card."""
    return {
        "lines": [
            {
                "item_id": item[0],
                "quantity": 1,
                "unit_price": {"amount": item[1], "currency": "EUR"},
            }
        ],
        "shipping_address": ADDRESS,
        "payment_method": "4242 4242 4242 4242",
    }


def in_process_app(install: Install) -> Any:
    """A second copy of the app, in this process, on the install's database and Redis."""
    from reloop.app import create_app
    from reloop.config import Settings

    services = install.services()
    return create_app(
        Settings(
            database_url=services["RELOOP_DATABASE_URL"],
            redis_url=services["RELOOP_REDIS_URL"],
            data_dir=install.data_dir,  # the running API's signing keys: its tokens work here
            log_level="WARNING",
        )
    )


def _uuids(value: Any) -> Iterator[uuid.UUID]:
    if isinstance(value, uuid.UUID):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _uuids(v)


def _created_during(value: uuid.UUID, since_ms: int) -> bool:
    """A UUIDv7 minted at or after `since_ms`: an identifier this checkout created."""
    return value.version == 7 and int.from_bytes(value.bytes[:6]) >= since_ms


async def _record_checkout(install: Install, token: str, item: tuple[str, int]) -> dict[str, Any]:
    """One real checkout's units and answer, for `baseline_checkout.py`.

    A unit is a transaction, or one statement in autocommit (no `BEGIN`: a hot read, an
    `autocommit()` write). The app runs in-process on the install's database; a first
    checkout warms it.
    """
    from asgi_lifespan import LifespanManager

    app = in_process_app(install)
    body = checkout_body(item)
    units: list[tuple[bool, list[tuple[str, Any, bool]]]] = []

    def autocommit(conn: Any) -> bool:  # no connection: asyncpg's own pool (`kit.hot_reads`)
        return conn is None or conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT"

    def begin(conn: Any) -> None:
        if not autocommit(conn):
            units.append((False, []))

    def statement(conn: Any, _cursor: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        if autocommit(conn):
            units.append((True, []))
        units[-1][1].append((sql, list(params or ()), many))

    async with LifespanManager(app, startup_timeout=60):
        engine = app.state.db.engine.sync_engine
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "bench-warm-up"}
            (await client.post("/api/v1/checkout", json=body, headers=headers)).raise_for_status()
            since_ms = time.time_ns() // 1_000_000
            event.listen(engine, "begin", begin)
            event.listen(engine, "before_cursor_execute", statement)
            try:
                headers["Idempotency-Key"] = RECORDED_KEY
                answer = await client.post("/api/v1/checkout", json=body, headers=headers)
            finally:
                event.remove(engine, "begin", begin)
                event.remove(engine, "before_cursor_execute", statement)
            answer.raise_for_status()
    fresh = {
        str(value)
        for _, statements in units
        for _, params, _ in statements
        for value in _uuids(params)
        if _created_during(value, since_ms)
    }
    return {
        "units": [
            {
                "autocommit": alone,
                "statements": [
                    [sql, replay_parameter(params), many] for sql, params, many in statements
                ],
            }
            for alone, statements in units
        ],
        "fresh": sorted(fresh),
        "item": item[0],
        "key": RECORDED_KEY,
        "body": answer.text,
        "statements": sum(len(statements) for _, statements in units),
    }


def bench_token(base_url: str) -> str:
    response = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": HEAVY_EMAIL, "password": BENCH_PASSWORD, "transport": "bearer"},
        timeout=30,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def _wrk(
    base_url: str,
    items_file: Path,
    token: str,
    seconds: int,
    connections: int,
    path: str = "/api/v1/checkout",
) -> dict[str, float]:
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(BENCH / "wrk" / "checkout.lua"),
            base_url,
        ],
        env={
            **os.environ,
            "ITEMS_FILE": str(items_file),
            "BEARER_TOKEN": token,
            "RUN_ID": f"{time.time_ns()}",
            "CHECKOUT_PATH": path,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    parsed: dict[str, float] = json.loads(line)
    return parsed


def _cpu_s(processes: list[psutil.Process]) -> float:
    spent = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            spent += times.user + times.system
        except psutil.Error:
            continue  # exited while we looked
    return spent


def _postgres() -> list[psutil.Process]:
    return [
        p for p in psutil.process_iter(["name"]) if (p.info["name"] or "").startswith("postgres")
    ]


def _children(install: Install, command: str) -> list[psutil.Process]:
    """The processes of `reloop COMMAND` under the install's `reloop run`, with their own."""
    supervisor = api_process(install.base_url).parent()
    if supervisor is None:
        raise RuntimeError("the API was not started by `reloop run`")
    found = []
    for child in supervisor.children():
        if child.cmdline()[2:4] == ["reloop", command]:
            found += [child, *child.children(recursive=True)]
    return found


async def _backlog(url: str) -> int:
    """Events not yet dispatched and mail not yet sent: the worker's share still to do."""
    conn = await asyncpg.connect(url)
    try:
        count: int = await conn.fetchval(
            "SELECT (SELECT count(*) FROM events WHERE dispatched_at IS NULL)"
            " + (SELECT count(*) FROM email_outbox WHERE status = 'pending')"
        )
        return count
    finally:
        await conn.close()


def _drain(url: str, timeout_s: float = 600) -> float:
    """Seconds until the worker has done every job the orders left."""
    started = time.monotonic()
    while asyncio.run(_backlog(url)):
        if time.monotonic() - started > timeout_s:
            raise RuntimeError("the worker did not catch up")
        time.sleep(0.5)
    return round(time.monotonic() - started, 1)


def _measured(
    install: Install,
    items_file: Path,
    token: str,
    seconds: int,
    connections: int,
    *,
    stop_worker: bool = False,
) -> dict[str, Any]:
    """One wrk run from an empty backlog, and what each of its orders cost in CPU.

    Everything here shares two cores. CPU times are read from the API process, every
    PostgreSQL process and the Celery worker before the run and once the worker has done
    every job the run's orders left (notifications, two mails each), so no share of an
    order is left out; `drain_s` is how long that took after wrk stopped. With
    `stop_worker` the worker is stopped (SIGSTOP) during the run: its jobs wait in the
    broker, which shows what one API worker and PostgreSQL do alone.
    """
    url = install.services()["RELOOP_DATABASE_URL"]
    _drain(url)
    api, workers = api_process(install.base_url), _children(install, "worker")
    sink = _children(install, "dev-mail-sink")
    before = (_cpu_s([api]), _cpu_s(_postgres()), _cpu_s(workers), _cpu_s(sink))
    if stop_worker:
        for worker in workers:
            worker.send_signal(signal.SIGSTOP)
    try:
        result = _wrk(install.base_url, items_file, token, seconds, connections)
    finally:
        if stop_worker:
            for worker in workers:
                worker.send_signal(signal.SIGCONT)
    drain_s = _drain(url)
    after = (_cpu_s([api]), _cpu_s(_postgres()), _cpu_s(workers), _cpu_s(sink))
    orders = max(1, int(result["requests"]))

    def per_order(index: int) -> float:
        return round(1000 * (after[index] - before[index]) / orders, 2)

    return {
        **result,
        "drain_s": drain_s,
        "api_cpu_ms_per_order": per_order(0),
        "postgres_cpu_ms_per_order": per_order(1),
        "worker_cpu_ms_per_order": per_order(2),
        "sink_cpu_ms_per_order": per_order(3),
    }


def _run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    with running_install() as install:
        seed_small(install)
        url = install.services()["RELOOP_DATABASE_URL"]
        items = asyncio.run(stock_up(url, HEAVY_EMAIL))
        items_file = work / "items.txt"
        items_file.write_text("".join(f"{item} {price}\n" for item, price in items))
        token = bench_token(install.base_url)
        recorded = asyncio.run(_record_checkout(install, token, items[0]))
        _wrk(install.base_url, items_file, token, 3, args.latency_connections)  # warm-up
        print("measuring checkout …", flush=True)
        throughput = _measured(install, items_file, token, args.seconds, args.connections)
        latency = _measured(install, items_file, token, args.seconds, args.latency_connections)
        alone = _measured(
            install, items_file, token, args.seconds, args.connections, stop_worker=True
        )
        books = asyncio.run(order_books(url))
        what = f"Checkout of one listing at {args.connections} connections, `small` data"
        with sampling(api_process(install.base_url).pid, PROFILE_S, "checkout_small", what):
            _wrk(install.base_url, items_file, token, PROFILE_S, args.connections)
        (work / "checkout.json").write_text(json.dumps(recorded), "utf-8")
        env = {"RELOOP_DATABASE_URL": url, "BASELINE_CHECKOUT": str(work / "checkout.json")}
        with bare_app("baseline_checkout:app", env) as baseline_url:
            _wrk(baseline_url, items_file, token, 3, args.latency_connections, "/checkout")
            print("measuring the baseline …", flush=True)
            server = api_process(baseline_url)
            before = (_cpu_s([server]), _cpu_s(_postgres()))
            bare = _wrk(
                baseline_url, items_file, token, args.seconds, args.connections, "/checkout"
            )
            after = (_cpu_s([server]), _cpu_s(_postgres()))
            orders = max(1, int(bare["requests"]))
            baseline = {
                "throughput": {
                    **bare,
                    "api_cpu_ms_per_order": round(1000 * (after[0] - before[0]) / orders, 2),
                    "postgres_cpu_ms_per_order": round(1000 * (after[1] - before[1]) / orders, 2),
                },
                "latency": _wrk(
                    baseline_url,
                    items_file,
                    token,
                    args.seconds,
                    args.latency_connections,
                    "/checkout",
                ),
            }
    return {
        "listings": len(items),
        "throughput": throughput,
        "latency": latency,
        "api_alone": alone,
        "books": books,
        "baseline": baseline,
        "statements": recorded["statements"],
        "transactions": sum(1 for unit in recorded["units"] if not unit["autocommit"]),
        "autocommit_statements": sum(
            len(unit["statements"]) for unit in recorded["units"] if unit["autocommit"]
        ),
    }


def _table(args: argparse.Namespace, run: dict[str, Any], verdict: dict[str, bool]) -> str:
    def met(ok: bool) -> str:
        return "met" if ok else "**MISSED**"

    books, baseline = run["books"], run["baseline"]
    alone = run["api_alone"]
    rows = [
        ("Reloop", args.connections, run["throughput"]),
        ("Reloop", args.latency_connections, run["latency"]),
        ("Reloop, worker stopped", args.connections, alone),
        ("bare baseline", args.connections, baseline["throughput"]),
        ("bare baseline", args.latency_connections, baseline["latency"]),
    ]
    return "\n".join(
        [
            "| server | connections | p50 ms | p95 ms | p99 ms | orders/s | errors |",
            "|---|---|---|---|---|---|---|",
            *(
                f"| {name} | {conns} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | "
                f"{r['rps']} | {r['errors']} |"
                for name, conns, r in rows
            ),
            "",
            (
                f"One checkout: {run['statements']} statements, {run['autocommit_statements']}"
                f" of them on their own (autocommit) and the rest in {run['transactions']}"
                f" transactions. Orders written by Reloop: {books['orders']} ({books['paid']}"
                f" paid), oversold listings: {books['oversold']}, ledger sum:"
                f" {books['ledger_sum']}."
            ),
            "",
            (
                "CPU per order, read from the processes from the start of each run until the"
                " worker had done every job its orders left (notifications, two mails each):"
            ),
            "",
            "| run | API ms | PostgreSQL ms | worker ms | SMTP sink ms | worker done after |",
            "|---|---|---|---|---|---|",
            *(
                f"| {name}, {conns} connections | {r['api_cpu_ms_per_order']} |"
                f" {r['postgres_cpu_ms_per_order']} | {r['worker_cpu_ms_per_order']} |"
                f" {r['sink_cpu_ms_per_order']} | {r['drain_s']} s |"
                for name, conns, r in rows[:3]
            ),
            (
                f"| bare baseline, {args.connections} connections |"
                f" {baseline['throughput']['api_cpu_ms_per_order']} |"
                f" {baseline['throughput']['postgres_cpu_ms_per_order']} | — | — | — |"
            ),
            "",
            (
                f"`reloop run` runs the worker and its development SMTP sink at nice {NICE}"
                " (`RELOOP_BACKGROUND_NICE`), so under load their work waits for the CPU the"
                " API leaves; a real install sends to a mail provider instead of the sink. At"
                " ≥ 200 orders/s one API process has 5 ms of CPU per order."
            ),
            "",
            f"- p95 ≤ 60 ms at {args.latency_connections} connections: {met(verdict['p95'])}",
            f"- ≥ 200 orders/s at {args.connections}: {met(verdict['orders_per_s'])}",
            f"- ÷ baseline {run['ratio']} (≥ 0.5, as for the feed): {met(verdict['ratio'])}",
            (
                "- The baseline (`baseline_checkout.py`) replays the recorded checkout's"
                " transactions and autocommit statements with each request's listing, key and"
                " new identifiers; it sends"
                " no jobs, so the worker's share (notifications, confirmation mails) is"
                " Reloop's alone."
            ),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16, help="for throughput")
    parser.add_argument("--latency-connections", type=int, default=4, help="for latency")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reloop-bench-checkout-"))
    try:
        run = _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bare = run["baseline"]["throughput"]["rps"]
    run["ratio"] = round(run["throughput"]["rps"] / bare, 2) if bare else 0.0
    books = run["books"]
    verdict = {
        "p95": run["latency"]["p95_ms"] <= BUDGET["p95_ms"],
        "orders_per_s": run["throughput"]["rps"] >= BUDGET["orders_per_s"],
        "ratio": run["ratio"] >= BUDGET["ratio"],
        "no_errors": run["throughput"]["errors"] == 0 and run["latency"]["errors"] == 0,
        "books": books["oversold"] == 0 and books["ledger_sum"] == 0,
    }
    result = {
        "data_set": "small",
        "seconds": args.seconds,
        "throughput_connections": args.connections,
        "latency_connections": args.latency_connections,
        **run,
        "budget": BUDGET,
        "within_budget": verdict,
    }
    table = _table(args, run, verdict)
    path = write_result("checkout_small", result, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
