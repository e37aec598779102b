"""Where a checkout's CPU goes: the real app in-process, serial, warm, with timers.

`checkout.py` says how fast checkout is under load; this says what one checkout costs the
API process. `reloop run` serves the `small` data set (its worker takes the jobs), and a
second copy of the app runs in this process on the same database and Redis, driven one
checkout at a time through ASGI. CPU time (`time.process_time`, this process's threads
included: the job sends run in a thread) and wall time are added up around the stages of
`checkout/flow.py`. Stages nest: "capture" includes "provider" and "record".

    backend/.venv/bin/python bench/checkout_stages.py [--checkouts 300]
"""

import argparse
import asyncio
import functools
import itertools
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import httpx
from common import Install, running_install, seed_small, write_result
from sqlalchemy import event

from checkout import bench_token, checkout_body, in_process_app, stock_up
from reloop.benchdata import HEAVY_EMAIL

STAGES = (
    ("request", "the whole request inside the app (ASGI)"),
    ("claim", "idempotency key claimed (one statement in autocommit)"),
    ("place", "unit of work: lines checked, stock held, orders written"),
    ("capture", "capture: provider call, outcome and answer recorded"),
    ("provider", "the simulated provider's book (one statement in autocommit)"),
    ("record", "outcome recorded on the locked payment and orders (before commit)"),
    ("jobs", "jobs sent to the broker"),
    ("cart", "cart lines dropped (Redis)"),
    ("store", "answer stored apart (only if the capture's transaction failed)"),
)
WARM_UP = 20


class Timers:
    """CPU and wall seconds per stage; `wrap` times a coroutine function in place."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.on = False

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        async def timed(*args: Any, **kwargs: Any) -> Any:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                if self.on:
                    self.cpu[stage] += time.process_time() - cpu
                    self.wall[stage] += time.perf_counter() - wall

        setattr(owner, name, timed)


def _instrument(timers: Timers) -> None:
    """Timers around the stages, patched where the callers look them up."""
    import reloop.checkout.flow
    import reloop.kit.idempotency
    import reloop.kit.jobs
    import reloop.orders.capture
    from reloop.payments.simulated import SimulatedProvider

    timers.wrap(reloop.kit.idempotency, "_claim", "claim")
    timers.wrap(reloop.kit.idempotency, "_store", "store")
    timers.wrap(reloop.checkout.flow, "place_with_retries", "place")
    timers.wrap(reloop.checkout.flow, "capture_counted", "capture")
    timers.wrap(reloop.checkout.flow, "_forget_lines", "cart")
    timers.wrap(reloop.orders.capture, "record_capture", "record")
    timers.wrap(reloop.kit.jobs, "_send_all", "jobs")
    timers.wrap(SimulatedProvider, "capture", "provider")


async def _measure(install: Install, checkouts: int) -> dict[str, Any]:
    from asgi_lifespan import LifespanManager

    items = await stock_up(install.services()["RELOOP_DATABASE_URL"], HEAVY_EMAIL)
    token = bench_token(install.base_url)
    timers = Timers()
    _instrument(timers)
    app = in_process_app(install)

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            await app(scope, receive, send)
        finally:
            if timers.on and scope["type"] == "http":
                timers.cpu["request"] += time.process_time() - cpu
                timers.wall["request"] += time.perf_counter() - wall

    statements = [0]
    async with LifespanManager(app, startup_timeout=60):

        def count(*_: Any) -> None:
            if timers.on:
                statements[0] += 1

        event.listen(app.state.db.engine.sync_engine, "before_cursor_execute", count)
        transport = httpx.ASGITransport(app=asgi)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            listings = itertools.cycle(items)
            for n in range(WARM_UP + checkouts):
                timers.on = n >= WARM_UP
                body = checkout_body(next(listings))
                headers = {
                    "Authorization": f"Bearer {token}",
                    "Idempotency-Key": f"bench-stages-{time.time_ns()}-{n}",
                }
                answer = await client.post("/api/v1/checkout", json=body, headers=headers)
                answer.raise_for_status()
    return {
        "checkouts": checkouts,
        "statements_per_checkout": round(statements[0] / checkouts, 1),
        "cpu_ms": {k: round(timers.cpu[k] / checkouts * 1000, 2) for k, _ in STAGES},
        "wall_ms": {k: round(timers.wall[k] / checkouts * 1000, 2) for k, _ in STAGES},
    }


def _table(result: dict[str, Any]) -> str:
    lines = [
        f"{result['checkouts']} checkouts one after another, after {WARM_UP} to warm up;"
        f" {result['statements_per_checkout']} SQL statements each (the sign-in's included).",
        "",
        "| stage | CPU ms per checkout | wall ms per checkout |",
        "|---|---|---|",
    ]
    lines += [
        f"| {label} | {result['cpu_ms'][key]} | {result['wall_ms'][key]} |" for key, label in STAGES
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checkouts", type=int, default=300)
    args = parser.parse_args()
    with running_install() as install:
        seed_small(install)
        result = asyncio.run(_measure(install, args.checkouts))
    table = _table(result)
    path = write_result("checkout_stages_small", result, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
