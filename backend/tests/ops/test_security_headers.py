"""Security headers on every response; HSTS only in production."""

from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient

from reloop.app import create_app
from reloop.config import Environment, Settings
from reloop.kit.db import Database


async def test_api_responses_carry_the_security_headers(client: AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "strict-transport-security" not in response.headers


async def test_error_responses_carry_them_too(client: AsyncClient) -> None:
    response = await client.get("/api/v1/nothing-here")

    assert response.headers["x-content-type-options"] == "nosniff"


async def test_the_api_docs_allow_only_their_own_inline_script(client: AsyncClient) -> None:
    response = await client.get("/api/docs")

    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "'nonce-" in csp
    assert "cdn" not in response.text


async def test_production_adds_hsts(settings: Settings, database: Database) -> None:
    production = settings.model_copy(
        update={"env": Environment.production, "public_url": "https://reloop.example"}
    )
    app = create_app(production)
    async with (
        LifespanManager(app),
        AsyncClient(transport=ASGITransport(app=app), base_url="https://reloop.example") as http,
    ):
        response = await http.get("/healthz")

    assert response.headers["strict-transport-security"].startswith("max-age=")
