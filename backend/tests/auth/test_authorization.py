"""Every id-bearing endpoint, tried by a second member: nothing leaks, nothing changes.

Extend `ID_BEARING` as domains add endpoints that take another member's ids.
"""

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.config import Settings
from reloop.kit.db import Database
from tests.factories.items import choices, listing, ready_photo
from tests.factories.users import bearer_headers, make_member

# (method, path template, JSON body); ids in braces are the first member's own objects.
ID_BEARING: list[tuple[str, str, dict[str, Any] | None]] = [
    ("DELETE", "/api/v1/auth/sessions/{session}", None),
    ("GET", "/api/v1/items/{draft}", None),
    ("PATCH", "/api/v1/items/{item}", {"title": "Taken over"}),
    ("PATCH", "/api/v1/items/{draft}", {"status": "active"}),
    ("DELETE", "/api/v1/items/{item}", None),
    ("GET", "/api/v1/images/{loose_photo}", None),
    ("POST", "/api/v1/uploads/{loose_photo}/complete", None),
    ("PUT", "/api/v1/items/{draft}/like", None),
    ("PUT", "/api/v1/items/{draft}/save", None),
    ("GET", "/api/v1/items/{draft}/comments", None),
    ("POST", "/api/v1/items/{draft}/comments", {"body": "Mine now?"}),
]


async def test_a_second_member_can_neither_see_nor_touch_the_firsts_objects(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> None:
    owner = await make_member(database)
    owner_headers = await bearer_headers(client, owner)
    choice = await choices(database)
    photo = await ready_photo(app, client, database, settings, owner_headers)
    item = (
        await client.post("/api/v1/items", json=listing(choice, [photo]), headers=owner_headers)
    ).json()
    draft = (
        await client.post(
            "/api/v1/items", json=listing(choice, [], status="draft"), headers=owner_headers
        )
    ).json()
    loose = await ready_photo(app, client, database, settings, owner_headers)
    sessions = (await client.get("/api/v1/auth/sessions", headers=owner_headers)).json()
    ids = {
        "session": sessions["items"][0]["id"],
        "item": item["id"],
        "draft": draft["id"],
        "loose_photo": loose,
    }
    before = {
        key: (await client.get(f"/api/v1/items/{ids[key]}", headers=owner_headers)).json()
        for key in ("item", "draft")
    }
    intruder = await bearer_headers(client, await make_member(database))

    for method, template, body in ID_BEARING:
        headers = {**intruder, "If-Match": '"v1"'}
        response = await client.request(method, template.format(**ids), json=body, headers=headers)
        assert response.status_code == 404, (method, template, response.text)

    after = {
        key: (await client.get(f"/api/v1/items/{ids[key]}", headers=owner_headers)).json()
        for key in ("item", "draft")
    }
    assert after == before
    assert (await client.get("/api/v1/auth/sessions", headers=owner_headers)).json() == sessions
    assert (await client.get(f"/api/v1/images/{loose}", headers=owner_headers)).status_code == 200


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
