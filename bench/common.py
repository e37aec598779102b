"""Shared pieces of the benchmarks: a real `reloop run` to measure, and result files.

Benchmarks start their own install on a free port with a throwaway data directory, so a
run measures the code as shipped (uvicorn, one API worker, real PostgreSQL and Redis)
and leaves nothing behind.
"""

import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import psutil
from sqlalchemy import Engine, event

ROOT = Path(__file__).resolve().parents[1]
RELOOP = ROOT / "backend" / ".venv" / "bin" / "reloop"
RESULTS = ROOT / "bench" / "results"
WRK = ROOT / "bench" / "wrk"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Install:
    base_url: str
    data_dir: Path

    def services(self) -> dict[str, str]:
        recorded: dict[str, str] = json.loads((self.data_dir / "services.json").read_text())
        return recorded


@contextmanager
def running_install(extra_env: dict[str, str] | None = None) -> Iterator[Install]:
    """`reloop run` with embedded services on a free port; stopped and removed after."""
    data_dir = Path(tempfile.mkdtemp(prefix="reloop-bench-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RELOOP_")}
    env |= {
        "RELOOP_DATA_DIR": str(data_dir),
        "RELOOP_PORT": str(port),
        "RELOOP_LOG_LEVEL": "WARNING",
        **(extra_env or {}),
    }
    log = (data_dir.parent / f"{data_dir.name}.log").open("w")
    process = subprocess.Popen([str(RELOOP), "run"], env=env, stdout=log, stderr=log)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"reloop run exited; see {log.name}")
            try:
                if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("reloop run did not become ready")
            time.sleep(0.3)
        yield Install(base_url=base_url, data_dir=data_dir)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        log.close()
        shutil.rmtree(data_dir, ignore_errors=True)


def api_process(base_url: str) -> psutil.Process:
    """The process listening on the install's port: the API (one uvicorn worker)."""
    port = int(base_url.rsplit(":", 1)[1])
    for connection in psutil.net_connections(kind="tcp"):
        listening = connection.status == psutil.CONN_LISTEN and connection.laddr.port == port
        if listening and connection.pid is not None:
            return psutil.Process(connection.pid)
    raise RuntimeError(f"no process listens on port {port}")


def seed_small(install: Install) -> None:
    """`reloop seed --bench small` into the install's database."""
    env = {**os.environ, **install.services(), "RELOOP_DATA_DIR": str(install.data_dir)}
    subprocess.run(
        [str(RELOOP), "seed", "--bench", "small"], env=env, check=True, stdout=subprocess.DEVNULL
    )


async def order_books(url: str) -> dict[str, int]:
    """Orders written and paid, listings oversold (must be 0), the ledger's sum (must be 0)."""
    conn = await asyncpg.connect(url)
    try:
        row = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM orders) AS orders,"
            " (SELECT count(*) FROM orders WHERE status = 'paid') AS paid,"
            " (SELECT count(*) FROM items WHERE reserved + sold_quantity > quantity) AS oversold,"
            " (SELECT coalesce(sum(amount), 0) FROM ledger_entries) AS ledger_sum"
        )
        assert row is not None
        return {key: int(row[key]) for key in ("orders", "paid", "oversold", "ledger_sum")}
    finally:
        await conn.close()


def wrk_one_path(
    base_url: str,
    path: str,
    seconds: int,
    connections: int,
    *,
    bearer: str | None = None,
    timeout_s: int = 2,
) -> dict[str, float]:
    """wrk hammering one path (as a member when `bearer` is given): its JSON summary.

    A request slower than `timeout_s` (wrk's default, 2 s) counts as an error, not a latency.
    """
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            f"--timeout={timeout_s}s",
            "--latency",
            "-s",
            str(WRK / "one_path.lua"),
            base_url,
        ],
        # The token goes through the environment, not the command line others can read.
        env={**os.environ, "BENCH_PATH": path, "BEARER_TOKEN": bearer or ""},
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    parsed: dict[str, float] = json.loads(line)
    return parsed


def sign_in(client: httpx.Client, email: str | None) -> str | None:
    """A fresh bearer token for a bench member (access tokens last 15 minutes); None for
    a visitor."""
    if email is None:
        return None
    from reloop.benchdata import BENCH_PASSWORD

    response = client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": BENCH_PASSWORD, "transport": "bearer"},
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


async def sign_in_in_process(client: httpx.AsyncClient, email: str | None) -> str | None:
    """`sign_in` for an app served in this process (`httpx.ASGITransport`)."""
    if email is None:
        return None
    from reloop.benchdata import BENCH_PASSWORD

    response = await client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": BENCH_PASSWORD, "transport": "bearer"},
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def member_headers(token: str | None) -> dict[str, str]:
    """The request headers of a member (`token`) or a visitor (None)."""
    return {"Authorization": f"Bearer {token}"} if token else {}


@contextmanager
def bare_app(app: str, env: dict[str, str]) -> Iterator[str]:
    """A bare baseline (`module:attribute` in bench/) under uvicorn on a free port; its URL.

    Same server settings as `reloop api`: one worker, uvloop, httptools, no access log.
    """
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            app,
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
        cwd=ROOT / "bench",
        env={**os.environ, **env},
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base_url + "/", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{app} did not start") from None
                time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=20)


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    if not samples_ms:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "max": 0.0}
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return {
        "p50": round(cuts[49], 2),
        "p95": round(cuts[94], 2),
        "p99": round(cuts[98], 2),
        "max": round(max(samples_ms), 2),
    }


def cpu_calibration_ms() -> float:
    """The best of 5 runs of `sum(range(10**6))`, in ms: how fast one core runs Python.

    Machines of the same kind differ (one ran it in 26 ms, others about twice as fast), so
    a result is comparable with another only when their calibrations are close.
    """
    runs = timeit.repeat("sum(range(10**6))", number=1, repeat=5)
    return round(min(runs) * 1000, 1)


def machine() -> dict[str, str | int | float]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count() or 0,
        "cpu_calibration_ms": cpu_calibration_ms(),
    }


def write_result(name: str, result: dict[str, object], table: str) -> Path:
    """`bench/results/<name>.json` and `.md`, with the machine and the command."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    host = machine()
    measured_at = datetime.now(UTC).isoformat(timespec="seconds")
    command = " ".join([Path(sys.executable).name, *sys.argv])
    stamped = {
        "name": name,
        "measured_at": measured_at,
        "command": command,
        "machine": host,
        **result,
    }
    json_path = RESULTS / f"{name}.json"
    json_path.write_text(json.dumps(stamped, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(
        f"# {name}\n\nMeasured {measured_at} with `{command}` on "
        f"{host['platform']} ({host['cpus']} CPUs; `sum(range(10**6))` in "
        f"{host['cpu_calibration_ms']} ms).\n\n{table}\n"
    )
    return json_path


# --- shared by the database benchmarks ---------------------------------------------------

Statement = tuple[str, list[Any]]
"""A statement as the app sent it: SQL with its parameters."""


def replay_parameter(value: Any) -> Any:
    """A parameter as JSON for `baseline_feed.decode`: UUIDs and datetimes tagged."""
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, list | tuple):
        return [replay_parameter(v) for v in value]
    return value


def replay_entry(statements: list[Statement], body: str) -> dict[str, Any]:
    """One scenario for `baseline_feed.py`: the statements to run and the bytes to answer."""
    return {
        "statements": [[sql, replay_parameter(params)] for sql, params in statements],
        "body": body,
    }


@contextmanager
def recording(engine: Engine) -> Iterator[list[Statement]]:
    """Every statement `engine` runs while the block is open."""
    statements: list[Statement] = []

    def record(_conn: Any, _cursor: Any, sql: str, params: Any, *_: Any) -> None:
        statements.append((sql, list(params or ())))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


Request = tuple[str, str | None]
"""A GET to record: its path, and the member's bearer token (None: a visitor)."""


async def capture(
    install: Install,
    url: str,
    requests: dict[str, Request],
    *,
    settings: dict[str, Any] | None = None,
    before_recording: Callable[[str, Any], Awaitable[None]] | None = None,
) -> dict[str, list[Statement]]:
    """The statements the real app, in-process on `url`, runs for each request.

    Each request is made once to warm the app, then again with the recorder on.
    `before_recording(key, app)` runs between the two (to drop a cache entry, say).
    `settings` overrides the app's settings (a rate limit out of reach, say).
    """
    from asgi_lifespan import LifespanManager

    from reloop.app import create_app
    from reloop.config import Settings

    app = create_app(
        Settings(
            database_url=url,
            redis_url=install.services()["RELOOP_REDIS_URL"],
            data_dir=install.data_dir,  # the running API's signing keys: its tokens work here
            log_level="WARNING",
            **(settings or {}),
        )
    )
    captured = {}
    async with LifespanManager(app, startup_timeout=60):
        engine = app.state.db.engine.sync_engine
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for key, (path, token) in requests.items():
                headers = member_headers(token)
                (await client.get(path, headers=headers)).raise_for_status()
                if before_recording is not None:
                    await before_recording(key, app)
                with recording(engine) as statements:
                    (await client.get(path, headers=headers)).raise_for_status()
                captured[key] = statements
    return captured


async def steady_state(url: str) -> None:
    """Scores refreshed and the listings vacuumed, as beat and autovacuum keep them.

    Otherwise beat's first refresh, five minutes into the run, rewrites every listing
    whose age crossed an hour since the last one, in the middle of the measurements.
    """
    from reloop.feed.popularity import refresh_popularity
    from reloop.kit.db import Database, PoolSettings, create_engine

    db = Database(create_engine(url, PoolSettings(size=1, statement_timeout_ms=600_000)))
    try:
        await refresh_popularity(db)
    finally:
        await db.dispose()
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("VACUUM (ANALYZE) items")
    finally:
        await conn.close()


async def server_settings(url: str) -> dict[str, str]:
    """The PostgreSQL settings a reader needs to compare runs."""
    conn = await asyncpg.connect(url)
    try:
        names = (
            "server_version",
            "shared_buffers",
            "work_mem",
            "effective_cache_size",
            "jit",
            "plan_cache_mode",
        )
        return {name: await conn.fetchval(f"SHOW {name}") for name in names}
    finally:
        await conn.close()
