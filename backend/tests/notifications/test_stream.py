"""The live stream: server-sent events through real sockets and real Redis pub/sub."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from httpx import AsyncClient, Response

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis, create_redis
from reloop.notifications.dispatcher import dispatch_pending
from reloop.runtime.embedded import EmbeddedRedis
from tests.fixtures.environment import REDIS_TIMEOUT_S
from tests.fixtures.live_server import serving
from tests.notifications.conftest import Dispatch
from tests.social.conftest import SignedIn

STREAM = "/api/v1/notifications/stream"


class Events:
    """Reads `text/event-stream` frames from a streaming response."""

    def __init__(self, response: Response) -> None:
        self._lines = response.aiter_lines()

    async def next(self, timeout_s: float = 10) -> dict[str, Any]:
        return await asyncio.wait_for(self._next(), timeout_s)

    async def _next(self) -> dict[str, Any]:
        frame: dict[str, Any] = {}
        async for line in self._lines:
            if not line:
                if "data" in frame:
                    frame["data"] = orjson.loads(frame["data"])
                    return frame
                frame = {}
                continue
            field, _, value = line.partition(":")
            if field:  # Lines starting with ":" are pings.
                frame[field] = value.lstrip(" ")
        raise EOFError("the stream ended")


@pytest.fixture
async def two_instances(settings: Settings, database: Database) -> AsyncIterator[list[str]]:
    """Two API processes' worth of app on one database and one Redis."""
    async with serving(settings) as first, serving(settings) as second:
        yield [first, second]


async def test_a_member_sees_their_unread_count_change_live_across_instances(
    two_instances: list[str], ana: SignedIn, ben: SignedIn, dispatch: Dispatch
) -> None:
    first, second = two_instances
    async with (
        AsyncClient(base_url=first, timeout=30) as watcher,
        AsyncClient(base_url=second) as actor,
        watcher.stream("GET", STREAM, headers=ana.headers) as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        events = Events(response)
        assert (await events.next())["data"] == {"unread": 0, "notifications": []}
        await actor.put("/api/v1/users/ana/follow", headers=ben.headers)
        await dispatch()
        live = await events.next()
        assert live["event"] == "notifications"
        assert live["data"]["unread"] == 1
        assert live["data"]["notifications"][0]["text"] == "ben started following you"


async def test_reconnecting_with_last_event_id_replays_only_what_changed(
    two_instances: list[str],
    client: AsyncClient,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await dispatch()
    async with AsyncClient(base_url=two_instances[0], timeout=30) as http:
        async with http.stream("GET", STREAM, headers=ana.headers) as response:
            first = await Events(response).next()
        assert len(first["data"]["notifications"]) == 1
        await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
        await dispatch()
        resumed = {**ana.headers, "Last-Event-ID": first["id"]}
        async with http.stream("GET", STREAM, headers=resumed) as response:
            replay = await Events(response).next()
    assert replay["data"]["unread"] == 2
    assert [n["type"] for n in replay["data"]["notifications"]] == ["like"]


async def test_the_stream_needs_a_signed_in_member(two_instances: list[str]) -> None:
    async with AsyncClient(base_url=two_instances[0]) as http:
        response = await http.get(STREAM)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


async def test_without_redis_the_stream_ends_after_its_snapshot_and_resumes_when_it_returns(
    settings: Settings,
    database: Database,
    tmp_path: Path,
    client: AsyncClient,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    own = EmbeddedRedis(tmp_path)
    url = own.start()
    try:
        async with serving(settings.model_copy(update={"redis_url": url})) as base:
            own.stop()
            await client.put("/api/v1/users/ana/follow", headers=ben.headers)
            await dispatch()
            async with AsyncClient(base_url=base, timeout=30) as http:
                async with http.stream("GET", STREAM, headers=ana.headers) as response:
                    events = Events(response)
                    assert (await events.next())["data"]["unread"] == 1
                    with pytest.raises(EOFError):
                        await events.next()
                polled = await http.get("/api/v1/notifications/unread-count", headers=ana.headers)
                assert polled.json() == {"count": 1}
                own.start()
                async with http.stream("GET", STREAM, headers=ana.headers) as response:
                    events = Events(response)
                    assert (await events.next())["data"]["unread"] == 1
                    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
                    publisher = GuardedRedis(create_redis(url, timeout_s=REDIS_TIMEOUT_S))
                    try:
                        await dispatch_pending(database, publisher)
                    finally:
                        await publisher.close()
                    assert (await events.next())["data"]["unread"] == 2
    finally:
        own.stop()
