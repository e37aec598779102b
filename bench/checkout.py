"""Checkout under load: one unit of a random listing per request, against one API worker.

Starts `reloop run` (one API worker, embedded PostgreSQL and Redis, the simulated payment
provider), loads `reloop seed --bench small`, raises 2,000 listings of other members to
999 units each (so stock never runs out and buyers rarely queue on one row), signs in one
bench member, then drives `POST /api/v1/checkout` with wrk: every request a unique
Idempotency-Key and a random listing, paid with the success test card. Each request is a
whole checkout: the key claimed, the stock held, an order, its payment captured, the
ledger posted, the answer stored on the key.

    backend/.venv/bin/python bench/checkout.py [--seconds 20] [--connections 16]
"""

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx
from common import ROOT, order_books, running_install, seed_small, write_result

from reloop.benchdata import BENCH_PASSWORD, HEAVY_EMAIL

BENCH = ROOT / "bench"
BUDGET = {"p95_ms": 60.0, "orders_per_s": 200.0}
POOL = 2000


async def _stock_up(url: str, buyer_email: str) -> list[tuple[str, int]]:
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


def _token(base_url: str) -> str:
    response = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": HEAVY_EMAIL, "password": BENCH_PASSWORD, "transport": "bearer"},
        timeout=30,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def _wrk(
    base_url: str, items_file: Path, token: str, seconds: int, connections: int
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
        },
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    parsed: dict[str, float] = json.loads(line)
    return parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16, help="for throughput")
    parser.add_argument("--latency-connections", type=int, default=4, help="for latency")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reloop-bench-checkout-"))
    try:
        with running_install() as install:
            seed_small(install)
            url = install.services()["RELOOP_DATABASE_URL"]
            items = asyncio.run(_stock_up(url, HEAVY_EMAIL))
            items_file = work / "items.txt"
            items_file.write_text("".join(f"{item} {price}\n" for item, price in items))
            token = _token(install.base_url)
            _wrk(install.base_url, items_file, token, 3, args.latency_connections)  # warm-up
            throughput = _wrk(install.base_url, items_file, token, args.seconds, args.connections)
            latency = _wrk(
                install.base_url, items_file, token, args.seconds, args.latency_connections
            )
            books = asyncio.run(order_books(url))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    verdict = {
        "p95": latency["p95_ms"] <= BUDGET["p95_ms"],
        "orders_per_s": throughput["rps"] >= BUDGET["orders_per_s"],
        "no_errors": throughput["errors"] == 0 and latency["errors"] == 0,
        "books": books["oversold"] == 0 and books["ledger_sum"] == 0,
    }
    result = {
        "data_set": "small",
        "listings": len(items),
        "seconds": args.seconds,
        "throughput_connections": args.connections,
        "latency_connections": args.latency_connections,
        "throughput": throughput,
        "latency": latency,
        "books": books,
        "budget": BUDGET,
        "within_budget": verdict,
    }
    rows = [(args.connections, throughput), (args.latency_connections, latency)]
    table = "\n".join(
        [
            "| connections | p50 ms | p95 ms | p99 ms | orders/s | errors |",
            "|---|---|---|---|---|---|",
            *(
                f"| {conns} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['rps']} | "
                f"{r['errors']} |"
                for conns, r in rows
            ),
            "",
            f"Orders written: {books['orders']} ({books['paid']} paid), oversold listings: "
            f"{books['oversold']}, ledger sum: {books['ledger_sum']}. "
            f"p95 ≤ 60 ms at {args.latency_connections} connections: "
            f"{'met' if verdict['p95'] else 'MISSED'}; ≥ 200 orders/s at {args.connections}: "
            f"{'met' if verdict['orders_per_s'] else 'MISSED'}.",
        ]
    )
    path = write_result("checkout_small", result, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
