"""`reloop run` on a fresh data directory: serves, reuses its data, and stops cleanly."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil

from reloop.runtime.embedded import EmbeddedRedis, free_port


def _start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("RELOOP_") or key in {"RELOOP_LOG_LEVEL"}
    }
    env.update({"RELOOP_DATA_DIR": str(data_dir), "RELOOP_PORT": str(port)})
    return subprocess.Popen(
        [sys.executable, "-m", "reloop", "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_ready(port: int, process: subprocess.Popen[bytes]) -> httpx.Response:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, "reloop run exited early"
        try:
            response = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.25)
            continue
        if response.status_code == 200:
            return response
        time.sleep(0.25)
    raise AssertionError("reloop run never became ready")


def _stop(process: subprocess.Popen[bytes]) -> list[psutil.Process]:
    tree = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 0
    _, alive = psutil.wait_procs(tree, timeout=10)
    return alive


def _processes_using(data_dir: Path) -> list[psutil.Process]:
    """Processes naming the data dir, plus the embedded Redis (it renames itself)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if any(str(data_dir) in part for part in process.info["cmdline"] or []):
            found.append(process)
    redis_pid = EmbeddedRedis(data_dir).running_pid()
    if redis_pid is not None:
        found.append(psutil.Process(redis_pid))
    return found


def test_run_serves_then_stops_everything_and_reuses_its_data(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    port = free_port()

    first = _start(data_dir, port)
    try:
        ready = _wait_ready(port, first)
        assert ready.json()["status"] == "ok"
        docs = httpx.get(f"http://127.0.0.1:{port}/api/docs", timeout=5)
        assert docs.status_code == 200
    finally:
        leftovers = _stop(first)
    assert leftovers == []
    assert _processes_using(data_dir) == []
    # The first bytes of pg_control are the cluster's system identifier: set by initdb.
    cluster_id = (data_dir / "postgres" / "global" / "pg_control").read_bytes()

    second = _start(data_dir, port)
    try:
        _wait_ready(port, second)
    finally:
        assert _stop(second) == []
    assert (data_dir / "postgres" / "global" / "pg_control").read_bytes()[:16] == cluster_id[:16]
    assert _processes_using(data_dir) == []


def test_run_puts_the_worker_beat_and_mail_sink_below_the_api_in_cpu_priority(
    tmp_path: Path,
) -> None:
    port = free_port()
    process = _start(tmp_path / "var", port)
    try:
        _wait_ready(port, process)
        nice = {
            " ".join(child.cmdline()[2:4]): child.nice()
            for child in psutil.Process(process.pid).children()
        }
    finally:
        assert _stop(process) == []

    assert nice == {
        "reloop api": 0,
        "reloop worker": 10,
        "reloop beat": 10,
        "reloop dev-mail-sink": 10,
    }
