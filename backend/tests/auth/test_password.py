"""Forgotten and changed passwords: no enumeration, single-use links, sessions ended."""

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import bearer_headers, make_member, sign_in
from tests.fixtures.outbox import emails_to, token_from_latest

NEW_PASSWORD = "an entirely new passphrase"


async def test_forgot_answers_202_for_unknown_addresses_and_sends_nothing(
    client: AsyncClient, database: Database
) -> None:
    response = await client.post(
        "/api/v1/auth/password/forgot", json={"email": "nobody@example.com"}
    )

    assert response.status_code == 202
    assert await emails_to(database, "nobody@example.com") == []


async def test_a_reset_link_sets_the_password_and_ends_every_session(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    old_session = await bearer_headers(client, member)
    assert (
        await client.post("/api/v1/auth/password/forgot", json={"email": member.email})
    ).status_code == 202
    token = await token_from_latest(database, member.email, "reset_password")

    response = await client.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": NEW_PASSWORD}
    )

    assert response.status_code == 204
    assert (await client.get("/api/v1/me", headers=old_session)).status_code == 401
    assert (await sign_in(client, member)).status_code == 401
    member.password = NEW_PASSWORD
    assert (await sign_in(client, member)).status_code == 200
    templates = [e.template for e in await emails_to(database, member.email)]
    assert templates == ["reset_password", "password_changed"]


async def test_a_reset_link_works_only_once(client: AsyncClient, database: Database) -> None:
    member = await make_member(database)
    await client.post("/api/v1/auth/password/forgot", json={"email": member.email})
    token = await token_from_latest(database, member.email, "reset_password")
    body = {"token": token, "password": NEW_PASSWORD}
    await client.post("/api/v1/auth/password/reset", json=body)

    again = await client.post(
        "/api/v1/auth/password/reset", json={**body, "password": "yet another passphrase"}
    )

    assert again.status_code == 400
    assert again.json()["error"]["code"] == "invalid_token"


async def test_a_reset_to_a_weak_password_changes_nothing(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    await client.post("/api/v1/auth/password/forgot", json={"email": member.email})
    token = await token_from_latest(database, member.email, "reset_password")

    weak = await client.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": "password123"}
    )
    strong = await client.post(
        "/api/v1/auth/password/reset", json={"token": token, "password": NEW_PASSWORD}
    )

    assert weak.status_code == 422
    assert weak.json()["error"]["code"] == "weak_password"
    assert strong.status_code == 204


async def test_changing_the_password_needs_the_current_one(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client, member)

    response = await client.post(
        "/api/v1/me/password",
        json={"current_password": "not it at all", "new_password": NEW_PASSWORD},
        headers=headers,
    )

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "wrong_password"
    assert error["details"]["fields"][0]["field"] == "current_password"


async def test_changing_the_password_keeps_this_session_and_ends_the_others(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    other = await bearer_headers(client, member)
    this = await bearer_headers(client, member)

    response = await client.post(
        "/api/v1/me/password",
        json={"current_password": member.password, "new_password": NEW_PASSWORD},
        headers=this,
    )

    assert response.status_code == 204
    assert (await client.get("/api/v1/me", headers=this)).status_code == 200
    assert (await client.get("/api/v1/me", headers=other)).status_code == 401
    assert [e.template for e in await emails_to(database, member.email)] == ["password_changed"]
