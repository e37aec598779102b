"""Roles: staff-only routes admit staff, and admins everywhere."""

import pytest
from httpx import AsyncClient

from reloop.kit.db import Database
from reloop.models.user import Role
from tests.factories.users import bearer_headers, make_member


@pytest.mark.parametrize(
    ("role", "status"), [(Role.member, 403), (Role.moderator, 200), (Role.admin, 200)]
)
async def test_a_moderator_route_admits_moderators_and_admins(
    client: AsyncClient, database: Database, role: Role, status: int
) -> None:
    headers = await bearer_headers(client, await make_member(database, role=role))

    response = await client.get("/api/v1/_probe/moderation", headers=headers)

    assert response.status_code == status
    if status == 403:
        assert response.json()["error"]["code"] == "role_required"
