"""The API serves the built SPA: client routes get index.html, API paths keep JSON 404s."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient

from reloop.app import create_app
from reloop.config import Settings
from reloop.kit.db import Database

HTML = {"accept": "text/html,application/xhtml+xml"}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "app-1234.js").write_text("console.log(1)")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    return tmp_path


@pytest.fixture
async def spa_client(
    settings: Settings, database: Database, dist: Path
) -> AsyncIterator[AsyncClient]:
    app = create_app(settings.model_copy(update={"frontend_dist": dist}))
    async with LifespanManager(app):
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_client_side_routes_are_answered_with_the_app_shell(
    spa_client: AsyncClient,
) -> None:
    for path in ("/", "/status", "/items/123"):
        response = await spa_client.get(path, headers=HTML)
        assert response.status_code == 200
        assert "<div id=root>" in response.text
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_cached_for_a_year(spa_client: AsyncClient) -> None:
    response = await spa_client.get("/assets/app-1234.js")

    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]


async def test_top_level_files_are_served_as_themselves(spa_client: AsyncClient) -> None:
    response = await spa_client.get("/favicon.svg")

    assert response.text == "<svg/>"


async def test_unknown_api_paths_keep_their_json_404(spa_client: AsyncClient) -> None:
    response = await spa_client.get("/api/v1/nothing", headers=HTML)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_missing_asset_is_a_404_not_the_shell(spa_client: AsyncClient) -> None:
    response = await spa_client.get("/assets/missing.js", headers=HTML)

    assert response.status_code == 404
