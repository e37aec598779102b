"""CSRF: cookie-authenticated writes need the session's token; other sites are refused."""

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import bearer_headers, cookie_sign_in, make_member


async def test_a_cookie_write_without_the_csrf_token_is_refused(
    client: AsyncClient, database: Database
) -> None:
    await cookie_sign_in(client, await make_member(database))

    response = await client.post("/api/v1/_probe/write")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"


async def test_a_cookie_write_with_a_wrong_csrf_token_is_refused(
    client: AsyncClient, database: Database
) -> None:
    await cookie_sign_in(client, await make_member(database))

    response = await client.post("/api/v1/_probe/write", headers={"X-CSRF-Token": "forged"})

    assert response.status_code == 403


async def test_a_cookie_write_with_the_csrf_token_is_accepted(
    client: AsyncClient, database: Database
) -> None:
    csrf = await cookie_sign_in(client, await make_member(database))

    response = await client.post("/api/v1/_probe/write", headers={"X-CSRF-Token": csrf})

    assert response.status_code == 200


async def test_cookie_reads_need_no_csrf_token(client: AsyncClient, database: Database) -> None:
    await cookie_sign_in(client, await make_member(database))

    assert (await client.get("/api/v1/me")).status_code == 200


async def test_bearer_writes_need_no_csrf_token(client: AsyncClient, database: Database) -> None:
    headers = await bearer_headers(client, await make_member(database))

    assert (await client.post("/api/v1/_probe/write", headers=headers)).status_code == 200


async def test_a_csrf_token_of_another_session_does_not_work(
    client: AsyncClient, database: Database
) -> None:
    other = await cookie_sign_in(client, await make_member(database))
    client.cookies.clear()
    await cookie_sign_in(client, await make_member(database))

    response = await client.post("/api/v1/_probe/write", headers={"X-CSRF-Token": other})

    assert response.status_code == 403


async def test_writes_from_another_origin_are_refused(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login",
        json={"email": "a@example.com", "password": "whatever-123"},
        headers={"Origin": "https://evil.example"},
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin_not_allowed"


async def test_writes_from_our_own_origin_pass_the_origin_check(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login",
        json={"email": "a@example.com", "password": "whatever-123"},
        headers={"Origin": "http://testserver"},
    )

    assert response.status_code == 401
