"""Email as a channel, and the daily digest of followed sellers' new listings."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from httpx import AsyncClient

from reloop.kit.db import Database
from reloop.notifications import digest
from reloop.notifications.digest import send_digests
from tests.factories.items import Choices
from tests.factories.social import insert_items, link_follows
from tests.fixtures.outbox import emails_to
from tests.notifications.conftest import Dispatch
from tests.social.conftest import SignedIn, signed_in


async def test_a_member_who_chose_email_gets_the_notification_by_email_too(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    await client.put(
        "/api/v1/me/notification-settings",
        json={"settings": {"like": "email"}},
        headers=ana.headers,
    )
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    await dispatch()
    (email,) = await emails_to(database, ana.member.email)
    assert email.subject == "ben liked your “Wool coat 0”"
    assert f"/items/{anas_item}" in email.text_body
    unread = await client.get("/api/v1/notifications/unread-count", headers=ana.headers)
    assert unread.json() == {"count": 1}


async def test_in_app_notifications_send_no_email(
    client: AsyncClient, database: Database, ana: SignedIn, ben: SignedIn, dispatch: Dispatch
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await dispatch()
    assert await emails_to(database, ana.member.email) == []


async def test_the_digest_lists_new_listings_from_followed_sellers_once_a_day(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    now = datetime.now(UTC)
    await insert_items(database, choice, ana.id, 2, newest=now - timedelta(hours=2))
    await insert_items(database, choice, ana.id, 1, newest=now - timedelta(days=2))
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    assert await send_digests(database, now) == 1
    assert await send_digests(database, now) == 0
    (digest,) = await emails_to(database, ben.member.email)
    assert digest.subject == "2 new listings from sellers you follow"
    assert "Linen shirt 0" in digest.text_body
    assert await emails_to(database, ana.member.email) == []


async def test_the_digest_respects_the_members_choice(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    await insert_items(database, choice, ana.id, 1)
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put(
        "/api/v1/me/notification-settings",
        json={"settings": {"digest": "off"}},
        headers=ben.headers,
    )
    assert await send_digests(database) == 0


async def test_the_digest_pages_through_many_members(
    client: AsyncClient,
    database: Database,
    choice: Choices,
    ana: SignedIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await insert_items(database, choice, ana.id, 1)
    for _ in range(5):
        follower = await signed_in(client, database)
        await link_follows(database, follower.id, [ana.id])
    monkeypatch.setattr(digest, "BATCH", 2)
    assert await send_digests(database) == 5
