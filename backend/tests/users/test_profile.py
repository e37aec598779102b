"""The member's own account and public profiles."""

import pytest
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import bearer_headers, make_member


async def test_me_needs_a_signed_in_member(client: AsyncClient) -> None:
    response = await client.get("/api/v1/me")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


async def test_editing_the_profile_changes_only_what_is_sent(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    headers = await bearer_headers(client, member)

    first = await client.patch(
        "/api/v1/me",
        json={
            "display_name": "  Ana Costa ",
            "bio": "Vintage denim",
            "location": {"country": "PT", "city": "Lisbon"},
        },
        headers=headers,
    )
    second = await client.patch("/api/v1/me", json={"bio": None}, headers=headers)

    assert first.status_code == 200
    assert second.status_code == 200
    body = second.json()
    assert body["display_name"] == "Ana Costa"
    assert body["bio"] is None
    assert body["location"] == {"country": "PT", "city": "Lisbon"}


@pytest.mark.parametrize(
    "payload",
    [
        {"location": {"country": "XX", "city": "Nowhere"}},
        {"location": {"country": "pt", "city": "Lisbon"}},
        {"location": {"country": "PT", "city": ""}},
        {"display_name": ""},
        {"display_name": "x" * 61},
        {"bio": "x" * 1001},
        {"email": "sneaky@example.com"},
    ],
)
async def test_invalid_profile_edits_are_refused(
    client: AsyncClient, database: Database, payload: dict[str, object]
) -> None:
    headers = await bearer_headers(client, await make_member(database))

    response = await client.patch("/api/v1/me", json=payload, headers=headers)

    assert response.status_code == 422


async def test_the_public_profile_shows_what_anyone_may_see(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database, username="Chloe.Home")

    response = await client.get("/api/v1/users/chloe.home")

    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "Chloe.Home"
    assert body["counts"] == {"listings": 0, "followers": 0, "following": 0}
    assert body["rating"] is None
    assert "email" not in body
    assert body["joined_at"].endswith("Z")
    assert member.user.id.hex in body["id"].replace("-", "")


async def test_an_unchanged_profile_answers_304_to_its_etag(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    first = await client.get(f"/api/v1/users/{member.username}")

    again = await client.get(
        f"/api/v1/users/{member.username}", headers={"If-None-Match": first.headers["etag"]}
    )

    assert again.status_code == 304
    assert again.content == b""


async def test_an_edited_profile_gets_a_new_etag(client: AsyncClient, database: Database) -> None:
    member = await make_member(database)
    first = await client.get(f"/api/v1/users/{member.username}")
    headers = await bearer_headers(client, member)
    await client.patch("/api/v1/me", json={"bio": "New bio"}, headers=headers)

    again = await client.get(
        f"/api/v1/users/{member.username}", headers={"If-None-Match": first.headers["etag"]}
    )

    assert again.status_code == 200
    assert again.json()["bio"] == "New bio"


async def test_an_unknown_member_is_not_found(client: AsyncClient) -> None:
    response = await client.get("/api/v1/users/nobody_here")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "member_not_found"
