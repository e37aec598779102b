"""A real `reloop api` over the `small` data set, in a database of its own, for fuzzing.

The API runs as a subprocess (uvicorn, as in production) and schemathesis talks to it over
HTTP. Its database and Redis database are its own: the other tests empty their tables
after each test, which must not pull the data out from under a fuzzing run.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import redis
import schemathesis
from schemathesis import BaseSchema

from reloop.benchdata import BENCH_PASSWORD, HEAVY_EMAIL, seed
from reloop.runtime.migrate import upgrade
from tests.fixtures.environment import ServiceEnvironment, drop_database, recreate_database

# The Redis database the fuzzed API uses; the test workers use 1 and up.
_CONTRACT_REDIS_DB = 15


class _Quiet:
    def __call__(self, label: str, done: int, total: int) -> None:
        """The seed's progress is not what a test run wants to read."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class ContractServer:
    base_url: str
    redis_url: str
    process: subprocess.Popen[bytes]
    log: Path


@dataclass
class Fuzzer:
    """The signed-in member schemathesis acts as, signed in again when a case ends it."""

    server: ContractServer
    token: str = ""
    signed_in_at: float = 0.0
    session_enders: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {
                "POST /api/v1/auth/logout",
                "POST /api/v1/auth/logout-all",
                "DELETE /api/v1/me",
                "DELETE /api/v1/auth/sessions/{session_id}",
                "POST /api/v1/me/password",
                "POST /api/v1/auth/password/reset",
            }
        )
    )

    def headers(self) -> dict[str, str]:
        if not self.token:
            self.sign_in()
        return {"Authorization": f"Bearer {self.token}"}

    def sign_in(self) -> None:
        # The fuzzer's own sign-ins must not be what trips the sign-in limits it tests.
        client = redis.Redis.from_url(self.server.redis_url)
        for key in client.scan_iter(match="ratelimit:*", count=500):
            client.delete(key)
        client.close()
        response = httpx.post(
            f"{self.server.base_url}/api/v1/auth/login",
            json={"email": HEAVY_EMAIL, "password": BENCH_PASSWORD, "transport": "bearer"},
            timeout=30,
        )
        response.raise_for_status()
        self.token = response.json()["access_token"]

    def after(self, operation: str) -> None:
        """Sign in again after a case that may have ended the session (or the account)."""
        if operation in self.session_enders:
            self.token = ""


def _wait_ready(server: ContractServer) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"reloop api exited: {server.log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{server.base_url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"reloop api did not become ready: {server.log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def contract_server(test_environment: ServiceEnvironment) -> Iterator[ContractServer]:
    name = f"reloop_contract_{os.getpid()}"
    database_url, admin_url = recreate_database(test_environment.admin_url, name)
    upgrade(database_url)
    asyncio.run(seed(database_url, "small", _Quiet()))
    redis_url = test_environment.redis_url.rsplit("/", 1)[0] + f"/{_CONTRACT_REDIS_DB}"
    redis.Redis.from_url(redis_url).flushdb()
    port = _free_port()
    log = test_environment.root / "contract-api.log"
    env = {
        **os.environ,
        "RELOOP_DATABASE_URL": database_url,
        "RELOOP_REDIS_URL": redis_url,
        "RELOOP_PORT": str(port),
        "RELOOP_LOG_LEVEL": "WARNING",
    }
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "reloop", "api"], env=env, stdout=output, stderr=output
        )
    server = ContractServer(f"http://127.0.0.1:{port}", redis_url, process, log)
    try:
        _wait_ready(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        drop_database(admin_url, name)


@pytest.fixture(scope="module")
def contract_schema(contract_server: ContractServer) -> BaseSchema:
    return schemathesis.openapi.from_url(f"{contract_server.base_url}/api/v1/openapi.json")


@pytest.fixture(scope="module")
def fuzzer(contract_server: ContractServer) -> Fuzzer:
    return Fuzzer(contract_server)
