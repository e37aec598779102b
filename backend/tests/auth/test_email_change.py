"""Changing the email address: confirmed from the new inbox, announced to the old one."""

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import bearer_headers, make_member
from tests.fixtures.outbox import emails_to, token_from_latest


async def test_the_new_address_takes_effect_when_its_link_is_opened(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client, member)

    requested = await client.post(
        "/api/v1/me/email",
        json={"new_email": "fresh@example.com", "password": member.password},
        headers=headers,
    )
    unchanged = (await client.get("/api/v1/me", headers=headers)).json()["email"]
    token = await token_from_latest(database, "fresh@example.com", "confirm_new_email")
    confirmed = await client.post("/api/v1/auth/verify-email", json={"token": token})

    assert requested.status_code == 202
    assert unchanged == member.email
    assert confirmed.status_code == 200
    assert (await client.get("/api/v1/me", headers=headers)).json()["email"] == "fresh@example.com"
    old_inbox = [e.template for e in await emails_to(database, member.email)]
    assert old_inbox == ["email_change_requested"]


async def test_an_address_another_member_uses_is_refused(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    other = await make_member(database)
    headers = await bearer_headers(client, member)

    response = await client.post(
        "/api/v1/me/email",
        json={"new_email": other.email.upper(), "password": member.password},
        headers=headers,
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"


async def test_the_password_is_required_to_change_the_address(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client, member)

    response = await client.post(
        "/api/v1/me/email",
        json={"new_email": "fresh@example.com", "password": "wrong password"},
        headers=headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "wrong_password"
    assert await emails_to(database, "fresh@example.com") == []
