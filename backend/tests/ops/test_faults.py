"""Faults through the real app: Redis going away and coming back, PostgreSQL backends killed."""

import asyncio
import time

from httpx import AsyncClient
from sqlalchemy import text

from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.runtime.embedded import EmbeddedRedis
from tests.factories.users import bearer_headers, make_member


async def test_readyz_names_redis_when_it_stops(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis
) -> None:
    assert (await client_on_own_redis.get("/readyz")).status_code == 200

    own_redis.stop()
    response = await client_on_own_redis.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["redis"]["ok"] is False
    assert body["checks"]["redis"]["error"]
    assert body["checks"]["database"]["ok"] is True


async def test_requests_that_need_only_the_database_keep_working_without_redis(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis
) -> None:
    own_redis.stop()

    for _ in range(5):
        response = await client_on_own_redis.get("/api/v1/_probe/database")
        assert response.status_code == 200


async def test_the_feed_and_the_bell_answer_from_the_database_without_redis(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client_on_own_redis, member)
    own_redis.stop()

    for path in ("/api/v1/feed", "/api/v1/feed/popular", "/api/v1/notifications"):
        response = await client_on_own_redis.get(path, headers=headers)
        assert response.status_code == 200, (path, response.text)
    unread = await client_on_own_redis.get("/api/v1/notifications/unread-count", headers=headers)
    assert unread.json() == {"count": 0}


async def test_search_and_its_suggestions_answer_without_redis(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client_on_own_redis, member)
    own_redis.stop()

    found = await client_on_own_redis.get(
        "/api/v1/search/items", params={"q": "dress"}, headers=headers
    )
    assert found.status_code == 200, found.text
    suggested = await client_on_own_redis.get("/api/v1/search/suggest", params={"q": "adi"})
    assert suggested.status_code == 200
    assert "Adidas" in [b["name"] for b in suggested.json()["brands"]]
    assert suggested.json()["queries"] == []
    recent = await client_on_own_redis.get("/api/v1/me/recent-searches", headers=headers)
    assert recent.json() == {"items": []}


async def test_cached_reads_fall_back_to_the_database_without_redis(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis
) -> None:
    own_redis.stop()

    response = await client_on_own_redis.get("/api/v1/_probe/cached/x")

    assert response.status_code == 200
    assert "loaded_in" in response.json()


async def test_rate_limits_fail_open_or_closed_as_declared_without_redis(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis
) -> None:
    own_redis.stop()

    assert (await client_on_own_redis.get("/api/v1/_probe/limited")).status_code == 200
    closed = await client_on_own_redis.get("/api/v1/_probe/limited-closed")
    assert closed.status_code == 503
    assert closed.json()["error"]["code"] == "service_unavailable"


async def test_everything_recovers_when_redis_returns_without_a_restart(
    client_on_own_redis: AsyncClient, own_redis: EmbeddedRedis
) -> None:
    own_redis.stop()
    assert (await client_on_own_redis.get("/readyz")).status_code == 503
    await client_on_own_redis.get("/api/v1/_probe/cached/y")

    own_redis.start()
    ready = await client_on_own_redis.get("/readyz")

    assert ready.status_code == 200
    app = client_on_own_redis.app  # type: ignore[attr-defined]
    cache: Cache = app.state.cache
    app.state.redis.breaker.reset_after_s = 0
    await cache.set("after-recovery", {"ok": True})
    assert await cache.get("after-recovery") == {"ok": True}
    limited = await client_on_own_redis.get("/api/v1/_probe/limited-closed")
    assert limited.status_code == 200


async def test_killed_database_connections_are_replaced_on_the_next_request(
    client: AsyncClient, database: Database
) -> None:
    for _ in range(3):
        assert (await client.get("/api/v1/_probe/database")).status_code == 200

    async with database.engine.connect() as connection:
        killed = await connection.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND application_name = 'reloop'"
            )
        )
    assert killed
    assert killed >= 1

    for _ in range(3):
        response = await client.get("/api/v1/_probe/database")
        assert response.status_code == 200
        assert response.json() == {"answer": 42}
    assert (await client.get("/readyz")).status_code == 200


async def _terminate_when_sleeping(database: Database) -> int:
    deadline = time.monotonic() + 30
    # PostgreSQL reads pg_stat_activity once per transaction: each poll commits on its own,
    # or a first look taken before the sleep began would be all the loop ever sees.
    autocommit = database.engine.execution_options(isolation_level="AUTOCOMMIT")
    async with autocommit.connect() as connection:
        while time.monotonic() < deadline:
            killed = await connection.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'"
                )
            )
            if killed:
                return int(killed)
            await asyncio.sleep(0.05)
    raise AssertionError("the slow statement never started")


async def test_a_backend_terminated_mid_statement_answers_503_in_the_envelope(
    client: AsyncClient, database: Database
) -> None:
    response, killed = await asyncio.gather(
        client.get("/api/v1/_probe/database/slow"), _terminate_when_sleeping(database)
    )

    assert killed == 1
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    assert response.json()["error"]["code"] == "service_unavailable"
    assert (await client.get("/api/v1/_probe/database")).json() == {"answer": 42}


async def test_a_failing_statement_is_still_an_internal_error(client: AsyncClient) -> None:
    response = await client.get("/api/v1/_probe/database/broken")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
