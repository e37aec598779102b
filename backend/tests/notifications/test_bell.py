"""The bell: unread count, read marks, pages and per-type settings."""

import uuid

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.fixtures.sql import count_statements
from tests.notifications.conftest import Dispatch
from tests.social.conftest import SignedIn, signed_in


async def _unread(client: AsyncClient, who: SignedIn) -> int:
    response = await client.get("/api/v1/notifications/unread-count", headers=who.headers)
    count: int = response.json()["count"]
    return count


async def test_the_unread_count_follows_new_and_read_notifications(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID, dispatch: Dispatch
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    for text in ("First?", "Second?"):
        await client.post(
            f"/api/v1/items/{anas_item}/comments", json={"body": text}, headers=ben.headers
        )
    await dispatch()
    assert await _unread(client, ana) == 3
    notes = (await client.get("/api/v1/notifications", headers=ana.headers)).json()["items"]
    response = await client.post(
        "/api/v1/notifications/read", json={"ids": [notes[0]["id"]]}, headers=ana.headers
    )
    assert response.json() == {"count": 2}
    response = await client.post(
        "/api/v1/notifications/read", json={"all": True}, headers=ana.headers
    )
    assert response.json() == {"count": 0}


async def test_marking_someone_elses_notification_changes_nothing(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, dispatch: Dispatch
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await dispatch()
    (note,) = (await client.get("/api/v1/notifications", headers=ana.headers)).json()["items"]
    await client.post("/api/v1/notifications/read", json={"ids": [note["id"]]}, headers=ben.headers)
    assert await _unread(client, ana) == 1


async def test_a_read_request_needs_ids_or_all(client: AsyncClient, ana: SignedIn) -> None:
    bodies: list[dict[str, object]] = [{}, {"ids": []}, {"ids": [str(uuid.uuid4())], "all": True}]
    for body in bodies:
        response = await client.post("/api/v1/notifications/read", json=body, headers=ana.headers)
        assert response.status_code == 422, body


async def test_notification_pages_cost_the_same_statements_at_any_size(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    for n in range(6):
        other = await signed_in(client, database)
        await client.post(
            f"/api/v1/items/{anas_item}/comments", json={"body": f"Q{n}"}, headers=other.headers
        )
    await dispatch()
    counts = []
    for limit in (2, 6):
        with count_statements(app) as statements:
            page = (
                await client.get(
                    "/api/v1/notifications", params={"limit": limit}, headers=ana.headers
                )
            ).json()
        assert len(page["items"]) == limit
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4


async def test_settings_list_every_type_with_its_default(
    client: AsyncClient, ana: SignedIn
) -> None:
    settings = (await client.get("/api/v1/me/notification-settings", headers=ana.headers)).json()
    channels = {s["type"]: s["channel"] for s in settings["settings"]}
    assert channels["like"] == "in_app"
    assert channels["digest"] == "email"


async def test_a_setting_change_is_kept(client: AsyncClient, ana: SignedIn) -> None:
    response = await client.put(
        "/api/v1/me/notification-settings",
        json={"settings": {"like": "email", "digest": "off"}},
        headers=ana.headers,
    )
    channels = {s["type"]: s["channel"] for s in response.json()["settings"]}
    assert (channels["like"], channels["digest"]) == ("email", "off")


async def test_a_digest_cannot_be_shown_in_the_app(client: AsyncClient, ana: SignedIn) -> None:
    response = await client.put(
        "/api/v1/me/notification-settings",
        json={"settings": {"digest": "in_app"}},
        headers=ana.headers,
    )
    assert response.status_code == 422


async def test_an_unknown_type_or_channel_is_invalid(client: AsyncClient, ana: SignedIn) -> None:
    for body in ({"settings": {"gossip": "email"}}, {"settings": {"like": "pigeon"}}):
        response = await client.put(
            "/api/v1/me/notification-settings", json=body, headers=ana.headers
        )
        assert response.status_code == 422
