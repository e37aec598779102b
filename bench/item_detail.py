"""Item detail under load, against the bare baseline, on the `small` data set.

Starts `reloop run` (one API worker, embedded PostgreSQL and Redis), loads
`reloop seed --bench small` (1k members, 10k listings), warms the cache, then drives
`GET /api/v1/items/{id}` for random published listings with wrk from a separate process,
and the same paths against `baseline_app.py` (Starlette + asyncpg, same SQL, same bytes).

    backend/.venv/bin/python bench/item_detail.py [--seconds 20] [--connections 32]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import RELOOP, ROOT, Install, free_port, running_install, write_result

BENCH = ROOT / "bench"
BUDGET = {"p95_ms": 15.0, "rps": 1500.0, "ratio": 0.5}


def _seed(install: Install) -> list[str]:
    env = {**os.environ, **install.services(), "RELOOP_DATA_DIR": str(install.data_dir)}
    subprocess.run(
        [str(RELOOP), "seed", "--bench", "small"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    import asyncio

    import asyncpg

    async def ids() -> list[str]:
        conn = await asyncpg.connect(install.services()["RELOOP_DATABASE_URL"])
        rows = await conn.fetch(
            "SELECT id FROM items WHERE status = 'active' ORDER BY random() LIMIT 2000"
        )
        await conn.close()
        return [str(r["id"]) for r in rows]

    return asyncio.run(ids())


def _wrk(base_url: str, paths_file: Path, seconds: int, connections: int) -> dict[str, float]:
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(BENCH / "wrk" / "random_paths.lua"),
            base_url,
        ],
        env={**os.environ, "PATHS_FILE": str(paths_file)},
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    parsed: dict[str, float] = json.loads(line)
    return parsed


def _start_baseline(install: Install, bodies: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "RELOOP_DATABASE_URL": install.services()["RELOOP_DATABASE_URL"],
        "BASELINE_BODIES": str(bodies),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "baseline_app:app",
            "--port",
            str(port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=BENCH,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("baseline did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32, help="for throughput")
    parser.add_argument("--latency-connections", type=int, default=4, help="for latency")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reloop-bench-item-"))
    try:
        with running_install() as install:
            ids = _seed(install)
            paths = work / "paths.txt"
            paths.write_text("\n".join(f"/api/v1/items/{i}" for i in ids) + "\n")
            bodies = {}
            with httpx.Client(base_url=install.base_url, timeout=10) as client:
                for item_id in ids:  # warm the cache and collect the exact bytes
                    bodies[item_id] = client.get(f"/api/v1/items/{item_id}").text
            (work / "bodies.json").write_text(json.dumps(bodies))
            ours = _wrk(install.base_url, paths, args.seconds, args.connections)
            ours_latency = _wrk(install.base_url, paths, args.seconds, args.latency_connections)
            baseline_process, baseline_url = _start_baseline(install, work / "bodies.json")
            try:
                baseline = _wrk(baseline_url, paths, args.seconds, args.connections)
                baseline_latency = _wrk(baseline_url, paths, args.seconds, args.latency_connections)
            finally:
                baseline_process.terminate()
                baseline_process.wait(timeout=20)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = round(ours["rps"] / baseline["rps"], 2) if baseline["rps"] else 0.0
    verdict = {
        "p95": ours_latency["p95_ms"] <= BUDGET["p95_ms"],
        "rps": ours["rps"] >= BUDGET["rps"],
        "ratio": ratio >= BUDGET["ratio"],
    }
    result = {
        "data_set": "small",
        "seconds": args.seconds,
        "throughput_connections": args.connections,
        "latency_connections": args.latency_connections,
        "reloop": {"throughput": ours, "latency": ours_latency},
        "baseline": {"throughput": baseline, "latency": baseline_latency},
        "ratio": ratio,
        "budget": BUDGET,
        "within_budget": verdict,
    }
    rows = [
        ("Reloop (warm cache)", args.connections, ours),
        ("Reloop (warm cache)", args.latency_connections, ours_latency),
        ("bare baseline", args.connections, baseline),
        ("bare baseline", args.latency_connections, baseline_latency),
    ]
    table = "\n".join(
        [
            "| server | connections | p50 ms | p95 ms | p99 ms | req/s | errors |",
            "|---|---|---|---|---|---|---|",
            *(
                f"| {name} | {conns} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | "
                f"{r['rps']} | {r['errors']} |"
                for name, conns, r in rows
            ),
            "",
            f"Ratio (Reloop ÷ baseline req/s at {args.connections} connections): **{ratio}** "
            f"(budget ≥ 0.5). p95 ≤ 15 ms at {args.latency_connections} connections: "
            f"{'met' if verdict['p95'] else 'MISSED'}; ≥ 1500 req/s: "
            f"{'met' if verdict['rps'] else 'MISSED'}.",
        ]
    )
    path = write_result("item_detail_small", result, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
