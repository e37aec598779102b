"""CPU per request of two GET paths, measured in one process, interleaved.

Throughput under wrk moves with the machine (the same code has measured 290 and 180
req/s on the same day), which hides a change worth 5 %. Here the real app runs
in-process on the `1m` database and the two paths are called in turns, 50 requests at a
time, timing the process's CPU (`time.process_time`, so PostgreSQL's share is left out).
Drift hits both alike, and the ratio says which costs less.

To compare a change with what it replaces, copy the old router module beside the new
one and mount the copy under a prefix of its own:

    cp backend/src/reloop/feed/router.py /tmp/feed_router_before.py   # before the change
    backend/.venv/bin/python bench/cpu_ab.py --email bench5@example.com \\
        --mount before=/tmp/feed_router_before.py /api/v1/before/feed /api/v1/feed

A mounted path is matched after every other route, so it pays a little more routing.
Nothing is written to `bench/results/`: the figures belong in the note of the change.
"""

import argparse
import asyncio
import importlib.util
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from common import sign_in_in_process
from fastapi import APIRouter

from feed import DEFAULT_DATABASE

BATCH = 50
WARM = 100

Call = Callable[[], Awaitable[bytes]]


def _mounted(spec: str) -> APIRouter:
    """`name=path/to/router.py`: that module's `router` under `/api/v1/<name>`."""
    name, _, file = spec.partition("=")
    module_spec = importlib.util.spec_from_file_location(f"cpu_ab_{name}", file)
    if not name or module_spec is None or module_spec.loader is None:
        raise SystemExit(f"--mount wants name=path/to/router.py, not {spec!r}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    mounted = APIRouter(prefix=f"/{name}")
    mounted.include_router(module.router)
    return mounted


def _caller(app: Any, path: str, authorization: bytes | None) -> Call:
    """One GET straight into the ASGI app (no client library in the way); its body."""
    route, _, query = path.partition("?")
    headers = [(b"host", b"bench")]
    if authorization is not None:
        headers.append((b"authorization", authorization))

    async def call() -> bytes:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": route,
            "raw_path": route.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 1),
            "server": ("bench", 80),
            "state": {},
        }
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await app(scope, receive, send)
        if sent[0]["status"] != 200:
            raise SystemExit(f"{path} answered {sent[0]['status']}")
        return b"".join(m.get("body", b"") for m in sent[1:])

    return call


async def _measure(args: argparse.Namespace) -> dict[str, float]:
    from asgi_lifespan import LifespanManager

    from reloop.app import create_app
    from reloop.config import Settings
    from reloop.runtime.embedded import EmbeddedRedis

    root = Path(tempfile.mkdtemp(prefix="reloop-cpu-ab-"))
    redis = EmbeddedRedis(root)
    try:
        settings = Settings(
            database_url=args.database_url,
            redis_url=redis.start(),
            data_dir=root,
            log_level="WARNING",
        )
        app = create_app(settings, extra_routers=tuple(_mounted(m) for m in args.mount))
        async with LifespanManager(app, startup_timeout=60):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                token = await sign_in_in_process(client, args.email)
            authorization = f"Bearer {token}".encode() if token else None
            calls = {path: _caller(app, path, authorization) for path in args.paths}
            for call in calls.values():
                for _ in range(WARM):
                    await call()
            spent = dict.fromkeys(calls, 0.0)
            for _ in range(args.requests // BATCH):
                for path, call in calls.items():
                    start = time.process_time()
                    for _ in range(BATCH):
                        await call()
                    spent[path] += time.process_time() - start
        return {path: seconds / args.requests * 1000 for path, seconds in spent.items()}
    finally:
        redis.stop()
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs=2, metavar="PATH", help="two GET paths, A then B")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE, help="seeded with `1m`")
    parser.add_argument("--email", help="a bench member to sign in as (else a visitor)")
    parser.add_argument("--mount", action="append", default=[], help="name=router.py")
    parser.add_argument("--requests", type=int, default=1500, help="per path")
    args = parser.parse_args()
    if args.paths[0] == args.paths[1]:
        parser.error("the two paths are the same")
    cpu = asyncio.run(_measure(args))
    (a, a_ms), (b, b_ms) = cpu.items()
    print(f"A {a}: {a_ms:.3f} ms of CPU a request")
    print(f"B {b}: {b_ms:.3f} ms of CPU a request")
    print(f"B ÷ A: {b_ms / a_ms:.3f}")


if __name__ == "__main__":
    main()
