"""Members for tests, created through the same rules as sign-up."""

import itertools
from dataclasses import dataclass
from typing import Any

from httpx import AsyncClient, Response

from reloop.auth.admin import create_member
from reloop.kit.db import Database
from reloop.models.user import Role, User

PASSWORD = "correct-horse-battery"
_sequence = itertools.count(1)


@dataclass
class Member:
    user: User
    email: str
    username: str
    password: str = PASSWORD


async def make_member(
    database: Database,
    *,
    username: str | None = None,
    verified: bool = True,
    role: Role = Role.member,
    password: str = PASSWORD,
) -> Member:
    n = next(_sequence)
    username = username or f"member{n}"
    email = f"{username}@example.com"
    async with database.transaction() as session:
        user = await create_member(
            session, email=email, username=username, password=password, role=role
        )
        if not verified:
            user.email_verified_at = None
    return Member(user=user, email=email, username=username, password=password)


async def sign_in(
    client: AsyncClient, member: Member, *, transport: str = "bearer", **extra: Any
) -> Response:
    return await client.post(
        "/api/v1/auth/login",
        json={"email": member.email, "password": member.password, "transport": transport},
        **extra,
    )


async def delete_account(client: AsyncClient, member: Member, headers: dict[str, str]) -> Response:
    """`DELETE /me` with the member's password and the confirmation word."""
    return await client.request(
        "DELETE",
        "/api/v1/me",
        json={"password": member.password, "confirm": "DELETE"},
        headers=headers,
    )


async def bearer_headers(client: AsyncClient, member: Member) -> dict[str, str]:
    """Signed-in headers for an API client (no cookies, no CSRF token needed)."""
    response = await sign_in(client, member)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def cookie_sign_in(client: AsyncClient, member: Member) -> str:
    """Sign in like a browser; returns the CSRF token to send on writes."""
    response = await sign_in(client, member, transport="cookie")
    assert response.status_code == 200, response.text
    token: str = response.json()["csrf_token"]
    return token
