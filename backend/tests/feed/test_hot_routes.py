"""The item page and the feeds served ahead of FastAPI's router (`kit.hot_routes`)
answer exactly as the router does, and leave what they do not take to it."""

import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient, Response

from reloop.app import create_app
from reloop.config import Settings
from reloop.feed.popularity import refresh_popularity
from reloop.kit.db import Database
from reloop.kit.hot_routes import HotRoute, HotRoutesMiddleware
from reloop.kit.redis import GuardedRedis
from tests.factories.items import Choices
from tests.factories.social import insert_items, link_likes
from tests.social.conftest import SignedIn


@pytest.fixture
async def routed(
    settings: Settings, database: Database, redis: GuardedRedis
) -> AsyncIterator[AsyncClient]:
    """A client of the same app without the hot routes: every request goes to the router."""
    app: FastAPI = create_app(settings)
    hot: Any = HotRoutesMiddleware
    app.user_middleware = [m for m in app.user_middleware if m.cls is not hot]
    async with (
        LifespanManager(app, startup_timeout=30, shutdown_timeout=30),
        AsyncClient(
            transport=ASGITransport(app=app, raise_app_exceptions=False),
            base_url="http://testserver",
        ) as client,
    ):
        yield client


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the hot routes served (so a test knows the router did not answer)."""
    paths: list[str] = []
    serve = HotRoutesMiddleware._serve

    async def recording(self: HotRoutesMiddleware, route: HotRoute, *args: Any) -> None:
        paths.append(route.path)
        await serve(self, route, *args)

    monkeypatch.setattr(HotRoutesMiddleware, "_serve", recording)
    return paths


_COMPARED_HEADERS = ("content-type", "etag", "cache-control", "x-content-type-options")


def _answer(response: Response) -> tuple[int, bytes, Sequence[str | None]]:
    return (
        response.status_code,
        response.content,
        [response.headers.get(name) for name in _COMPARED_HEADERS],
    )


@pytest.fixture
async def listings(
    database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> list[uuid.UUID]:
    """Ana's listings, one of them liked by Ben, ranked as popular; Ben follows Ana."""
    items = await insert_items(database, choice, ana.id, 3)
    await link_likes(database, items[0], [ben.id])
    await refresh_popularity(database)
    return items


@pytest.mark.parametrize("who", ["visitor", "member"])
async def test_an_item_page_is_the_routers_answer(
    client: AsyncClient,
    routed: AsyncClient,
    listings: list[uuid.UUID],
    ben: SignedIn,
    who: str,
    served: list[str],
) -> None:
    headers = ben.headers if who == "member" else {}
    path = f"/api/v1/items/{listings[0]}"

    for _ in range(2):  # rendered and cached, then read from the cache
        hot, router = (
            await client.get(path, headers=headers),
            await routed.get(path, headers=headers),
        )
        assert _answer(hot) == _answer(router)
        assert hot.status_code == 200
    assert served == ["/api/v1/items/{item_id}"] * 2


async def test_a_home_feed_page_and_the_next_are_the_routers_answers(
    client: AsyncClient,
    routed: AsyncClient,
    listings: list[uuid.UUID],
    ben: SignedIn,
    served: list[str],
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)

    hot = await client.get("/api/v1/feed", params={"limit": 2}, headers=ben.headers)
    router = await routed.get("/api/v1/feed", params={"limit": 2}, headers=ben.headers)
    assert _answer(hot) == _answer(router)
    cursor = hot.json()["next_cursor"]
    hot = await client.get(
        "/api/v1/feed", params={"limit": 2, "cursor": cursor}, headers=ben.headers
    )
    router = await routed.get(
        "/api/v1/feed", params={"limit": 2, "cursor": cursor}, headers=ben.headers
    )

    assert _answer(hot) == _answer(router)
    assert len(hot.json()["items"]) == 1
    assert served == ["/api/v1/feed"] * 2


async def test_a_visitors_popular_page_is_the_routers_answer(
    client: AsyncClient, routed: AsyncClient, listings: list[uuid.UUID], served: list[str]
) -> None:
    hot = await client.get("/api/v1/feed/popular", params={"limit": 24})
    router = await routed.get("/api/v1/feed/popular", params={"limit": 24})

    assert _answer(hot) == _answer(router)
    assert served == ["/api/v1/feed/popular"]


async def test_an_error_of_a_hot_route_is_in_the_envelope_with_the_request_id(
    client: AsyncClient,
) -> None:
    response = await client.get(
        f"/api/v1/items/{uuid.uuid4()}", headers={"X-Request-ID": "req-00000001"}
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "item_not_found"
    assert response.json()["error"]["request_id"] == "req-00000001"
    assert response.headers["x-request-id"] == "req-00000001"


async def test_a_page_size_out_of_range_is_refused_by_the_router_in_the_envelope(
    client: AsyncClient, ben: SignedIn, served: list[str]
) -> None:
    response = await client.get("/api/v1/feed", params={"limit": 500}, headers=ben.headers)

    assert served == []
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_failed"


async def test_a_feed_without_credentials_is_refused_as_the_router_refuses_it(
    client: AsyncClient, routed: AsyncClient
) -> None:
    hot, router = await client.get("/api/v1/feed"), await routed.get("/api/v1/feed")

    assert hot.status_code == 401
    assert hot.json()["error"]["code"] == router.json()["error"]["code"]


async def test_requests_to_a_hot_route_are_counted_under_its_route_template(
    client: AsyncClient, listings: list[uuid.UUID]
) -> None:
    await client.get(f"/api/v1/items/{listings[0]}")

    metrics = (await client.get("/metrics")).text

    assert 'route="/api/v1/items/{item_id}"' in metrics
