"""Every id-bearing endpoint, tried by a second member: nothing leaks, nothing changes.

Extend `ID_BEARING` as domains add endpoints that take another member's ids.
"""

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import bearer_headers, make_member

# (method, path template); `{session}` is one of the first member's own sessions.
ID_BEARING = [("DELETE", "/api/v1/auth/sessions/{session}")]


async def test_a_second_member_can_neither_see_nor_touch_the_firsts_objects(
    client: AsyncClient, database: Database
) -> None:
    owner = await make_member(database)
    owner_headers = await bearer_headers(client, owner)
    owner_sessions = (await client.get("/api/v1/auth/sessions", headers=owner_headers)).json()
    ids = {"session": owner_sessions["items"][0]["id"]}
    intruder_headers = await bearer_headers(client, await make_member(database))

    for method, template in ID_BEARING:
        response = await client.request(method, template.format(**ids), headers=intruder_headers)
        assert response.status_code == 404, (method, template, response.text)

    assert (await client.get("/api/v1/me", headers=owner_headers)).status_code == 200
    after = (await client.get("/api/v1/auth/sessions", headers=owner_headers)).json()
    assert after == owner_sessions


async def test_a_second_members_token_only_ever_reaches_its_own_account(
    client: AsyncClient, database: Database
) -> None:
    owner = await make_member(database)
    intruder = await make_member(database)
    intruder_headers = await bearer_headers(client, intruder)

    me = (await client.get("/api/v1/me", headers=intruder_headers)).json()
    await client.patch("/api/v1/me", json={"bio": "changed"}, headers=intruder_headers)

    assert me["id"] == str(intruder.user.id)
    owner_profile = (await client.get(f"/api/v1/users/{owner.username}")).json()
    assert owner_profile["bio"] is None
