"""Sign-in: cookies for browsers, tokens for API clients, one answer for every failure."""

from argon2 import PasswordHasher
from httpx import AsyncClient
from sqlalchemy import select

from reloop.kit.db import Database
from reloop.models.auth import SecurityEvent
from reloop.models.user import User
from tests.factories.users import Member, make_member, sign_in


async def _events(database: Database) -> list[str]:
    async with database.sessionmaker() as session:
        return list((await session.scalars(select(SecurityEvent.kind))).all())


async def test_a_browser_sign_in_sets_httponly_cookies_and_returns_no_refresh_token(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)

    response = await sign_in(client, member, transport="cookie")

    assert response.status_code == 200
    body = response.json()
    assert body["refresh_token"] is None
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert body["user"]["username"] == member.username
    cookies = {c.split("=", 1)[0]: c for c in response.headers.get_list("set-cookie")}
    assert "HttpOnly" in cookies["reloop_access"]
    assert "SameSite=lax" in cookies["reloop_access"]
    assert "Path=/api/v1/auth" in cookies["reloop_refresh"]
    assert "HttpOnly" in cookies["reloop_refresh"]
    assert "HttpOnly" not in cookies["reloop_csrf"]


async def test_an_api_client_sign_in_returns_tokens_and_sets_no_cookies(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)

    response = await sign_in(client, member, transport="bearer")

    assert response.status_code == 200
    assert response.json()["refresh_token"]
    assert response.headers.get_list("set-cookie") == []


async def test_the_access_token_authenticates_as_a_bearer(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    token = (await sign_in(client, member)).json()["access_token"]

    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.json()["email"] == member.email


async def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)

    wrong = await client.post(
        "/api/v1/auth/login", json={"email": member.email, "password": "not the password"}
    )
    unknown = await client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": "whatever-123"}
    )

    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["code"] == unknown.json()["error"]["code"] == "invalid_credentials"
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]


async def test_the_email_matches_regardless_of_case(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)

    response = await client.post(
        "/api/v1/auth/login", json={"email": member.email.upper(), "password": member.password}
    )

    assert response.status_code == 200


async def test_repeated_failures_make_the_account_wait_longer_each_time(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    wrong = {"email": member.email, "password": "not the password"}

    statuses = [(await client.post("/api/v1/auth/login", json=wrong)).status_code for _ in range(4)]
    blocked = await client.post(
        "/api/v1/auth/login", json={"email": member.email, "password": member.password}
    )

    assert statuses == [401, 401, 401, 401]
    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "too_many_attempts"
    assert 1 <= int(blocked.headers["retry-after"]) <= 2


async def test_sign_in_is_rate_limited_per_ip(client: AsyncClient, database: Database) -> None:
    members = [await make_member(database) for _ in range(2)]
    statuses = []
    for attempt in range(31):
        member = members[attempt % 2]
        response = await client.post(
            "/api/v1/auth/login",
            json={"email": f"{attempt}-{member.email}", "password": "nope-nope-nope"},
        )
        statuses.append(response.status_code)

    assert statuses[:30] == [401] * 30
    assert statuses[30] == 429
    assert "retry-after" in {k.lower() for k in response.headers}


async def test_sign_ins_and_failures_are_in_the_security_log(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)

    await client.post("/api/v1/auth/login", json={"email": member.email, "password": "nope"})
    await sign_in(client, member)

    assert sorted(await _events(database)) == ["sign_in", "sign_in_failed"]


async def test_a_hash_with_old_parameters_is_upgraded_at_sign_in(
    client: AsyncClient, database: Database
) -> None:
    member: Member = await make_member(database)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(member.password)
    async with database.transaction() as session:
        user = await session.get(User, member.user.id)
        assert user is not None
        user.password_hash = weak

    assert (await sign_in(client, member)).status_code == 200

    async with database.sessionmaker() as session:
        upgraded = await session.get(User, member.user.id)
        assert upgraded is not None
        assert upgraded.password_hash != weak
        assert "m=19456,t=2,p=1" in upgraded.password_hash
