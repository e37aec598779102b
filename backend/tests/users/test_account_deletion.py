"""Deleting an account removes what identifies the person and ends every session."""

from httpx import AsyncClient
from sqlalchemy import func, select

from reloop.kit.db import Database
from reloop.models.auth import AuthToken
from reloop.models.user import User
from tests.factories.users import bearer_headers, delete_account, make_member, sign_in


async def test_deleting_needs_the_password_and_the_confirmation(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client, member)

    wrong = await client.request(
        "DELETE", "/api/v1/me", json={"password": "nope", "confirm": "DELETE"}, headers=headers
    )
    unconfirmed = await client.request(
        "DELETE",
        "/api/v1/me",
        json={"password": member.password, "confirm": "yes"},
        headers=headers,
    )

    assert wrong.status_code == 422
    assert wrong.json()["error"]["code"] == "wrong_password"
    assert unconfirmed.status_code == 422
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200


async def test_a_deleted_account_is_anonymised_and_signed_out_everywhere(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    other_device = await bearer_headers(client, member)
    headers = await bearer_headers(client, member)
    await client.post("/api/v1/auth/password/forgot", json={"email": member.email})

    response = await delete_account(client, member, headers)

    assert response.status_code == 204
    assert (await client.get("/api/v1/me", headers=other_device)).status_code == 401
    assert (await sign_in(client, member)).status_code == 401
    assert (await client.get(f"/api/v1/users/{member.username}")).status_code == 404
    async with database.sessionmaker() as session:
        user = await session.get(User, member.user.id)
        tokens = await session.scalar(select(func.count()).select_from(AuthToken))
    assert user is not None
    assert user.deleted_at is not None
    assert member.email not in user.email
    assert member.username not in user.username
    assert user.display_name == "Deleted member"
    assert user.bio is None
    assert tokens == 0


async def test_a_deleted_members_email_and_username_can_be_registered_again(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client, member)
    await delete_account(client, member, headers)

    again = await client.post(
        "/api/v1/auth/register",
        json={
            "email": member.email,
            "username": member.username,
            "password": "a fresh long phrase",
        },
    )

    assert again.status_code == 201
