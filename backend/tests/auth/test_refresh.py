"""Refresh tokens rotate on every use; reusing a rotated one ends the session."""

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from reloop.kit.db import Database
from reloop.models.auth import SecurityEvent
from tests.factories.users import cookie_sign_in, make_member, sign_in


@pytest.fixture
async def no_grace(app: FastAPI) -> AsyncIterator[None]:
    settings = app.state.settings
    previous = settings.refresh_reuse_grace_s
    settings.refresh_reuse_grace_s = 0
    yield
    settings.refresh_reuse_grace_s = previous


async def _refresh(client: AsyncClient, token: str) -> tuple[int, dict[str, object]]:
    response = await client.post("/api/v1/auth/refresh", json={"refresh_token": token})
    return response.status_code, response.json()


async def test_a_refresh_returns_a_new_token_pair(client: AsyncClient, database: Database) -> None:
    member = await make_member(database)
    first = (await sign_in(client, member)).json()

    status, body = await _refresh(client, first["refresh_token"])

    assert status == 200
    assert body["refresh_token"] != first["refresh_token"]
    assert body["access_token"] != first["access_token"]
    second_status, _ = await _refresh(client, str(body["refresh_token"]))
    assert second_status == 200


@pytest.mark.usefixtures("no_grace")
async def test_reusing_a_rotated_token_revokes_the_whole_session(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    first = (await sign_in(client, member)).json()
    _, rotated = await _refresh(client, first["refresh_token"])

    reuse_status, reuse = await _refresh(client, first["refresh_token"])
    after_status, _ = await _refresh(client, str(rotated["refresh_token"]))
    me = await client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {rotated['access_token']}"}
    )

    assert reuse_status == 401
    assert reuse["error"]["code"] == "invalid_refresh_token"  # type: ignore[index]
    assert after_status == 401
    assert me.status_code == 401
    assert me.json()["error"]["code"] == "session_ended"
    async with database.sessionmaker() as session:
        kinds = (await session.scalars(select(SecurityEvent.kind))).all()
    assert "refresh_token_reused" in kinds


async def test_two_tabs_refreshing_with_one_token_both_succeed_within_the_grace_period(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    first = (await sign_in(client, member)).json()

    a, _ = await _refresh(client, first["refresh_token"])
    b, _ = await _refresh(client, first["refresh_token"])

    assert (a, b) == (200, 200)


async def test_a_forged_refresh_token_is_refused(client: AsyncClient) -> None:
    status, body = await _refresh(client, "f" * 43)

    assert status == 401
    assert body["error"]["code"] == "invalid_refresh_token"  # type: ignore[index]


async def test_a_browser_refreshes_with_its_cookie_and_csrf_token(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    csrf = await cookie_sign_in(client, member)

    without = await client.post("/api/v1/auth/refresh", json={})
    with_token = await client.post("/api/v1/auth/refresh", json={}, headers={"X-CSRF-Token": csrf})

    assert without.status_code == 403
    assert without.json()["error"]["code"] == "csrf_failed"
    assert with_token.status_code == 200
    assert with_token.json()["refresh_token"] is None
    assert "reloop_refresh" in with_token.headers["set-cookie"]


async def test_a_refresh_without_any_token_is_refused(client: AsyncClient) -> None:
    response = await client.post("/api/v1/auth/refresh", json={})

    assert response.status_code == 401
