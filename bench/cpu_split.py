"""Where the machine's CPU goes under wrk: the server, PostgreSQL, and new backends.

`feed.py` gives throughput and its ratio to the bare baseline; this says what each side
spends for it. For the chosen feed scenarios, Reloop (one worker, as `feed.py` runs it)
and then the bare baseline replaying the same statements are loaded with wrk, and the
CPU times of the server process and of every PostgreSQL process are read before and
after: CPU per request for each, the server's share of one core, and how many
PostgreSQL backends were opened meanwhile (`pg_stat_database.sessions`), which shows a
pool that opens and closes connections under load. PostgreSQL processes that exit
during the run take their CPU with them, so its figure is a floor when backends churn.

    backend/.venv/bin/python bench/cpu_split.py [--scenario heavy-first] [--connections 32]

Nothing is written to `bench/results/`: the figures belong in the note of a change.
"""

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil
from common import api_process, bare_app, member_headers, running_install, wrk_one_path

import feed


def _postgres_cpu_s() -> float:
    spent = 0.0
    for process in psutil.process_iter(["name"]):
        try:
            if (process.info["name"] or "").startswith("postgres"):
                times = process.cpu_times()
                spent += times.user + times.system
        except psutil.Error:
            continue  # exited while we looked
    return spent


async def _sessions_opened(url: str) -> int:
    connection = await asyncpg.connect(url)
    try:
        count: int = await connection.fetchval(
            "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
        )
        return count
    finally:
        await connection.close()


def _load(url: str, base_url: str, path: str, token: str | None, args: Any) -> dict[str, Any]:
    server = api_process(base_url)
    server_before, postgres_before = sum(server.cpu_times()[:2]), _postgres_cpu_s()
    sessions_before, started = asyncio.run(_sessions_opened(url)), time.monotonic()
    summary = wrk_one_path(base_url, path, args.seconds, args.connections, bearer=token)
    wall = time.monotonic() - started
    server_s = sum(server.cpu_times()[:2]) - server_before
    postgres_s = _postgres_cpu_s() - postgres_before
    opened = asyncio.run(_sessions_opened(url)) - sessions_before
    requests = summary["requests"] or 1
    return {
        "rps": summary["rps"],
        "p95_ms": summary["p95_ms"],
        "errors": summary["errors"],
        "server_cpu_ms": round(server_s / requests * 1000, 3),
        "server_core_share": round(server_s / wall, 2),
        "postgres_cpu_ms": round(postgres_s / requests * 1000, 3),
        "backends_opened": opened,
    }


def _row(server: str, label: str, figures: dict[str, Any]) -> str:
    return (
        f"| {label} | {server} | {figures['rps']:.0f} | {figures['p95_ms']:.1f} | "
        f"{figures['server_cpu_ms']:.2f} | {figures['server_core_share']:.2f} | "
        f"{figures['postgres_cpu_ms']:.2f} | {figures['backends_opened']} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=feed.DEFAULT_DATABASE, help="seeded `1m`")
    parser.add_argument("--scenario", action="append", help="a key of feed.SCENARIOS")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    keys = args.scenario or ["heavy-first"]
    feed.SCENARIOS = tuple(s for s in feed.SCENARIOS if s.key in keys)
    url, work = args.database_url, Path(tempfile.mkdtemp(prefix="reloop-cpu-split-"))
    rows = []
    try:
        with (
            running_install({"RELOOP_DATABASE_URL": url}) as install,
            httpx.Client(base_url=install.base_url, timeout=60) as client,
        ):
            scenarios, tokens, _ = feed._prepare(client, install, url, work)
            for s in feed.SCENARIOS:
                path, token = scenarios[s.key]["path"], tokens[s.key]
                for _ in range(200):
                    client.get(path, headers=member_headers(token)).raise_for_status()
                figures = _load(url, install.base_url, path, token, args)
                rows.append(_row("Reloop", s.label, figures))
            env = {"RELOOP_DATABASE_URL": url, "BASELINE_REPLAY": str(work / "replay.json")}
            with bare_app("baseline_feed:app", env) as baseline_url:
                for s in feed.SCENARIOS:
                    path = f"/replay/{s.key}"
                    for _ in range(200):
                        client.get(baseline_url + path).raise_for_status()
                    figures = _load(url, baseline_url, path, tokens[s.key], args)
                    rows.append(_row("bare baseline", s.label, figures))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrk: {args.connections} connections, {args.seconds} s a run")
    print(
        "| scenario | server | req/s | p95 ms | server CPU ms/req | server's share of a core "
        "| PostgreSQL CPU ms/req | backends opened |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
