"""Sessions: listed by device, revoked one at a time or all at once."""

import uuid

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import bearer_headers, delete_account, make_member, sign_in

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


async def test_the_sessions_list_names_devices_and_marks_the_current_one(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    await sign_in(client, member, headers={"User-Agent": FIREFOX})
    headers = await bearer_headers(client, member)

    response = await client.get("/api/v1/auth/sessions", headers=headers)

    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 2
    assert sum(item["current"] for item in items) == 1
    assert "Firefox on Linux" in {item["device"] for item in items}


async def test_revoking_a_session_signs_that_device_out(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    phone = await bearer_headers(client, member)
    laptop = await bearer_headers(client, member)
    sessions = (await client.get("/api/v1/auth/sessions", headers=laptop)).json()["items"]
    phone_session = next(s for s in sessions if not s["current"])

    revoked = await client.delete(f"/api/v1/auth/sessions/{phone_session['id']}", headers=laptop)

    assert revoked.status_code == 204
    assert (await client.get("/api/v1/me", headers=phone)).status_code == 401
    assert (await client.get("/api/v1/me", headers=laptop)).status_code == 200


async def test_signing_out_ends_only_this_session(client: AsyncClient, database: Database) -> None:
    member = await make_member(database)
    phone = await bearer_headers(client, member)
    laptop = await bearer_headers(client, member)

    assert (await client.post("/api/v1/auth/logout", headers=phone)).status_code == 204

    assert (await client.get("/api/v1/me", headers=phone)).status_code == 401
    assert (await client.get("/api/v1/me", headers=laptop)).status_code == 200


async def test_signing_out_everywhere_ends_every_session(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    phone = await bearer_headers(client, member)
    laptop = await bearer_headers(client, member)

    assert (await client.post("/api/v1/auth/logout-all", headers=laptop)).status_code == 204

    assert (await client.get("/api/v1/me", headers=phone)).status_code == 401
    assert (await client.get("/api/v1/me", headers=laptop)).status_code == 401


async def test_signing_out_a_browser_clears_its_cookies(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    csrf = (await sign_in(client, member, transport="cookie")).json()["csrf_token"]

    response = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})

    assert response.status_code == 204
    assert (await client.get("/api/v1/me")).status_code == 401


# The feeds and the item page check the session their own way (`optional_reader`).
HOT_READS = ("/api/v1/feed", "/api/v1/feed/popular", f"/api/v1/items/{uuid.uuid4()}")


async def _hot_reads_say_the_session_ended(client: AsyncClient, headers: dict[str, str]) -> None:
    for path in HOT_READS:
        refused = await client.get(path, headers=headers)
        assert refused.status_code == 401, path
        assert refused.json()["error"]["code"] == "session_ended", path


async def test_a_signed_out_session_is_refused_by_the_feeds_and_the_item_page(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    phone = await bearer_headers(client, member)
    laptop = await bearer_headers(client, member)

    assert (await client.post("/api/v1/auth/logout", headers=phone)).status_code == 204

    await _hot_reads_say_the_session_ended(client, phone)
    assert (await client.get("/api/v1/feed", headers=laptop)).status_code == 200


async def test_a_deleted_account_is_refused_by_the_feeds_and_the_item_page(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    other_device = await bearer_headers(client, member)
    headers = await bearer_headers(client, member)
    deleted = await delete_account(client, member, headers)

    assert deleted.status_code == 204
    await _hot_reads_say_the_session_ended(client, other_device)


async def test_the_home_feed_asks_a_visitor_to_sign_in(client: AsyncClient) -> None:
    response = await client.get("/api/v1/feed")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
