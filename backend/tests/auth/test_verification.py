"""Email verification: single-use, expiring, hashed tokens."""

from datetime import UTC, datetime, timedelta

from httpx import AsyncClient
from sqlalchemy import update

from reloop.kit.db import Database
from reloop.models.auth import AuthToken
from tests.factories.users import bearer_headers, make_member
from tests.fixtures.outbox import emails_to, token_from_latest

NEW = {"email": "bo@example.com", "username": "bo_sells", "password": "a long and unusual phrase"}


async def _register(client: AsyncClient, database: Database) -> str:
    assert (await client.post("/api/v1/auth/register", json=NEW)).status_code == 201
    return await token_from_latest(database, NEW["email"], "verify_email")


async def test_the_emailed_link_verifies_the_address_and_welcomes_the_member(
    client: AsyncClient, database: Database
) -> None:
    token = await _register(client, database)

    response = await client.post("/api/v1/auth/verify-email", json={"token": token})

    assert response.status_code == 200
    assert response.json() == {"email": NEW["email"]}
    templates = [e.template for e in await emails_to(database, NEW["email"])]
    assert templates == ["verify_email", "welcome"]


async def test_a_verification_link_works_only_once(client: AsyncClient, database: Database) -> None:
    token = await _register(client, database)
    await client.post("/api/v1/auth/verify-email", json={"token": token})

    again = await client.post("/api/v1/auth/verify-email", json={"token": token})

    assert again.status_code == 400
    assert again.json()["error"]["code"] == "invalid_token"


async def test_an_expired_verification_link_is_refused(
    client: AsyncClient, database: Database
) -> None:
    token = await _register(client, database)
    async with database.transaction() as session:
        await session.execute(
            update(AuthToken).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )

    response = await client.post("/api/v1/auth/verify-email", json={"token": token})

    assert response.status_code == 400
    login = await client.post(
        "/api/v1/auth/login", json={"email": NEW["email"], "password": NEW["password"]}
    )
    assert login.json()["user"]["email_verified"] is False


async def test_a_forged_token_is_refused(client: AsyncClient) -> None:
    response = await client.post("/api/v1/auth/verify-email", json={"token": "x" * 43})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_token"


async def test_a_new_link_makes_the_previous_one_useless(
    client: AsyncClient, database: Database
) -> None:
    first = await _register(client, database)
    login = await client.post(
        "/api/v1/auth/login",
        json={"email": NEW["email"], "password": NEW["password"], "transport": "bearer"},
    )
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    assert (
        await client.post("/api/v1/auth/verify-email/resend", headers=headers)
    ).status_code == 202

    response = await client.post("/api/v1/auth/verify-email", json={"token": first})

    assert response.status_code == 400


async def test_resending_is_rate_limited(client: AsyncClient, database: Database) -> None:
    member = await make_member(database, verified=False)
    headers = await bearer_headers(client, member)

    statuses = [
        (await client.post("/api/v1/auth/verify-email/resend", headers=headers)).status_code
        for _ in range(4)
    ]

    assert statuses == [202, 202, 202, 429]


async def test_unverified_members_can_sign_in_but_not_do_verified_things(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database, verified=False)
    headers = await bearer_headers(client, member)

    response = await client.post("/api/v1/_probe/verified-only", headers=headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
