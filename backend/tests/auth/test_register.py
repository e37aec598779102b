"""Sign-up: who may register, and what they get."""

import pytest
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import make_member
from tests.fixtures.outbox import emails_to

VALID = {
    "email": "Ana.Silva@Example.COM",
    "username": "ana.silva",
    "password": "a long and unusual phrase",
}


async def test_registering_creates_an_unverified_member_and_emails_a_link(
    client: AsyncClient, database: Database
) -> None:
    response = await client.post("/api/v1/auth/register", json=VALID)

    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "Ana.Silva@example.com"
    assert body["username"] == "ana.silva"
    assert body["display_name"] == "ana.silva"
    assert body["email_verified"] is False
    assert "password" not in response.text
    emails = await emails_to(database, "Ana.Silva@example.com")
    assert [e.template for e in emails] == ["verify_email"]
    assert "/verify-email?token=" in emails[0].text_body


async def test_an_email_already_registered_in_any_case_is_refused(
    client: AsyncClient, database: Database
) -> None:
    await make_member(database, username="taken")

    response = await client.post(
        "/api/v1/auth/register", json={**VALID, "email": "TAKEN@example.com"}
    )

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "email_taken"
    assert error["details"]["fields"][0]["field"] == "email"


async def test_a_username_taken_in_any_case_is_refused(
    client: AsyncClient, database: Database
) -> None:
    await make_member(database, username="Marta")

    response = await client.post("/api/v1/auth/register", json={**VALID, "username": "marta"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "username_taken"


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("short1!", "at least 10"),
        ("password123", "too common"),
        ("qwertyuiop", "too common"),
        ("ana.silva@example.com", "email address or username"),
    ],
)
async def test_weak_passwords_are_refused_naming_the_rule(
    client: AsyncClient, password: str, rule: str
) -> None:
    response = await client.post("/api/v1/auth/register", json={**VALID, "password": password})

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "weak_password"
    assert error["details"]["fields"][0]["field"] == "password"
    assert rule in error["details"]["fields"][0]["message"]


async def test_a_password_over_128_characters_is_refused(client: AsyncClient) -> None:
    response = await client.post("/api/v1/auth/register", json={**VALID, "password": "x" * 129})

    assert response.status_code == 422


async def test_a_password_equal_to_the_username_is_refused(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/register",
        json={**VALID, "username": "longusername1", "password": "LongUsername1"},
    )

    assert response.status_code == 422
    assert "username" in response.json()["error"]["details"]["fields"][0]["message"]


@pytest.mark.parametrize(
    "username",
    ["ab", "admin", "Support", "ana silva", "_ana", "ana..silva", "ana.", "a" * 31, "émile"],
)
async def test_invalid_or_reserved_usernames_are_refused(
    client: AsyncClient, username: str
) -> None:
    response = await client.post("/api/v1/auth/register", json={**VALID, "username": username})

    assert response.status_code == 422
    fields = response.json()["error"]["details"]["fields"]
    assert fields[0]["field"] == "username"


@pytest.mark.parametrize("email", ["not-an-email", "ana@", "@example.com", "ana@localhost"])
async def test_invalid_emails_are_refused(client: AsyncClient, email: str) -> None:
    response = await client.post("/api/v1/auth/register", json={**VALID, "email": email})

    assert response.status_code == 422
    assert response.json()["error"]["details"]["fields"][0]["field"] == "email"


@pytest.mark.parametrize(
    "payload",
    [
        {**VALID, "display_name": "x" * 61},
        {**VALID, "email": "a" * 250 + "@example.com"},
        {**VALID, "display_name": "Ana\x00"},
        {**VALID, "role": "admin"},
        {"email": VALID["email"]},
    ],
)
async def test_oversized_malformed_or_extra_fields_answer_422(
    client: AsyncClient, payload: dict[str, str]
) -> None:
    response = await client.post("/api/v1/auth/register", json=payload)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_failed"
