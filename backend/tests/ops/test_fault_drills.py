"""Fault drills: Redis and PostgreSQL failing while clients keep the API busy.

Each drill runs concurrent clients through the real app, makes the fault happen in the
middle of their traffic, and asserts what a member would notice: no 5xx where the path does
not need the failed service, no request left hanging, and recovery without restarting the
app. Each reports what it measured (see `drill_report`). The bounds are hang guards on a
shared CI machine, never timings: how fast the paths are is measured in bench/.
"""

import asyncio
import time

import pytest
from httpx import AsyncClient
from sqlalchemy import text

from reloop.kit.db import Database
from reloop.runtime.embedded import EmbeddedRedis
from tests.ops.conftest import Report
from tests.ops.traffic import Traffic, scenery, summary, until_healthy, unwanted


@pytest.mark.timeout(180)
async def test_redis_stopped_and_restarted_under_traffic(
    app_on_own_redis: AsyncClient,
    own_redis: EmbeddedRedis,
    database: Database,
    drill_report: Report,
) -> None:
    client = app_on_own_redis
    scene = await scenery(client, database)
    url = own_redis.start()  # already running: the URL the app was given
    async with Traffic(client, scene.with_cart()) as traffic:
        await asyncio.sleep(1.5)
        stopping = time.monotonic()
        await asyncio.to_thread(own_redis.stop)
        stopped = time.monotonic()
        await asyncio.sleep(3)
        restarted_url = await asyncio.to_thread(own_redis.start)
        restarted = time.monotonic()
        healthy = await until_healthy(client, scene.with_cart())
        await asyncio.sleep(1.5)

    browsing = [s for s in traffic.samples if not s.call.needs_redis]
    cart = [s for s in traffic.samples if s.call.needs_redis]
    during = [s for s in traffic.between(stopped, restarted) if not s.call.needs_redis]
    after = traffic.between(healthy)
    assert restarted_url == url
    assert during, "no traffic while Redis was down"
    assert unwanted(browsing, allowed_503=set()) == []
    assert unwanted(cart, allowed_503={"cart_unavailable"}) == []
    assert [s.call.path for s in after if s.status != 200] == []
    drill_report(
        {
            **summary(traffic.samples),
            "redis_down_s": round(restarted - stopping, 2),
            "database_only_requests_while_down": len(during),
            "database_only_5xx": sum(1 for s in browsing if s.status >= 500),
            "cart_503": sum(1 for s in cart if s.status == 503),
            "healthy_after_restart_s": round(healthy - restarted, 2),
            "requests_after_recovery": len(after),
        }
    )


async def _terminate_app_backends(database: Database) -> int:
    async with database.engine.connect() as connection:
        killed = await connection.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND application_name = 'reloop'"
            )
        )
    return int(killed or 0)


@pytest.mark.timeout(180)
async def test_postgres_backends_terminated_under_traffic(
    client: AsyncClient, database: Database, drill_report: Report
) -> None:
    scene = await scenery(client, database)
    rounds = 6
    async with Traffic(client, scene.with_cart()) as traffic:
        await asyncio.sleep(1.5)
        first_kill = time.monotonic()
        killed = 0
        for _ in range(rounds):
            killed += await _terminate_app_backends(database)
            await asyncio.sleep(0.5)
        last_kill = time.monotonic()
        healthy = await until_healthy(client, scene.with_cart())
        await asyncio.sleep(1.5)

    failed = [s for s in traffic.samples if s.status != 200]
    after = traffic.between(healthy)
    assert killed > 0
    # A request whose connection died answers 503 and may be retried; nothing else fails.
    assert unwanted(traffic.samples, allowed_503={"service_unavailable"}) == []
    assert [s.status for s in failed if s.status != 503] == []
    assert [s.call.path for s in after if s.status != 200] == []
    drill_report(
        {
            **summary(traffic.samples),
            "backends_terminated": killed,
            "kill_rounds": rounds,
            "kills_span_s": round(last_kill - first_kill, 2),
            "failed_after_last_kill": sum(1 for s in traffic.between(last_kill) if s.status != 200),
            "healthy_after_last_kill_s": round(healthy - last_kill, 2),
            "requests_after_recovery": len(after),
        }
    )
