"""The dispatcher turns events into notifications: typed, grouped, once each."""

import uuid
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select, update

from reloop.events.service import append_event
from reloop.kit.db import Database
from reloop.models.event import Event
from reloop.models.notification import Notification
from reloop.notifications import dispatcher
from tests.factories.social import link_likes
from tests.factories.users import make_member
from tests.notifications.conftest import Dispatch
from tests.social.conftest import SignedIn, signed_in


async def _notes(client: AsyncClient, who: SignedIn) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/notifications", headers=who.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def _count(database: Database) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Notification)) or 0)


async def test_a_new_follower_is_notified(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, dispatch: Dispatch
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await dispatch()
    (note,) = await _notes(client, ana)
    assert note["type"] == "follow"
    assert note["text"] == "ben started following you"
    assert note["link"] == "/members/ben"
    assert note["read"] is False


async def test_likes_on_one_listing_are_grouped_into_one_notification(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    for name in ("cleo", "dan", "eve", "fay"):
        liker = await signed_in(client, database, username=name)
        await client.put(f"/api/v1/items/{anas_item}/like", headers=liker.headers)
    await dispatch()
    (note,) = await _notes(client, ana)
    assert note["actor_count"] == 4
    assert note["text"] == "fay and 3 others liked your “Wool coat 0”"
    assert note["link"] == f"/items/{anas_item}"


async def test_a_like_after_the_group_was_read_starts_a_new_notification(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    await dispatch()
    await client.post("/api/v1/notifications/read", json={"all": True}, headers=ana.headers)
    cleo = await signed_in(client, database, username="cleo")
    await client.put(f"/api/v1/items/{anas_item}/like", headers=cleo.headers)
    await dispatch()
    assert [n["read"] for n in await _notes(client, ana)] == [False, True]


async def test_a_comment_notifies_the_seller_with_an_excerpt(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID, dispatch: Dispatch
) -> None:
    await client.post(
        f"/api/v1/items/{anas_item}/comments", json={"body": "Any stains?"}, headers=ben.headers
    )
    await dispatch()
    (note,) = await _notes(client, ana)
    assert note["type"] == "comment"
    assert note["text"] == "ben commented on your “Wool coat 0”: “Any stains?”"
    assert note["link"] == f"/items/{anas_item}#comments"


async def test_a_reply_notifies_the_comment_author_and_not_twice_the_seller(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    question = (
        await client.post(
            f"/api/v1/items/{anas_item}/comments", json={"body": "Size?"}, headers=ben.headers
        )
    ).json()
    await dispatch()
    await client.post(
        f"/api/v1/items/{anas_item}/comments",
        json={"body": "M, @ben", "parent_id": question["id"]},
        headers=ana.headers,
    )
    await dispatch()
    assert [n["type"] for n in await _notes(client, ben)] == ["reply"]
    assert [n["type"] for n in await _notes(client, ana)] == ["comment"]


async def test_a_mention_notifies_the_member_mentioned(
    client: AsyncClient,
    database: Database,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    await client.post(
        f"/api/v1/items/{anas_item}/comments",
        json={"body": "@cleo this is your size"},
        headers=ben.headers,
    )
    await dispatch()
    (note,) = await _notes(client, cleo)
    assert note["type"] == "mention"


async def test_a_price_drop_notifies_likers_and_savers_once_each(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    await client.put(f"/api/v1/items/{anas_item}/save", headers=ben.headers)
    await client.put(f"/api/v1/items/{anas_item}/save", headers=cleo.headers)
    await dispatch()
    async with database.transaction() as session:
        append_event(
            session,
            "item.price_dropped",
            anas_item,
            actor_id=ana.id,
            old_amount=4500,
            new_amount=3000,
            currency="EUR",
        )
    await dispatch()
    (note,) = await _notes(client, ben)
    assert note["text"] == "“Wool coat 0” is now 30.00 EUR (was 45.00 EUR)"
    assert [n["type"] for n in await _notes(client, cleo)] == ["price_drop"]


async def test_no_one_is_notified_of_their_own_action(
    client: AsyncClient, ana: SignedIn, anas_item: uuid.UUID, dispatch: Dispatch
) -> None:
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ana.headers)
    await dispatch()
    assert await _notes(client, ana) == []


async def test_a_blocked_member_causes_no_notifications(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    await client.post(
        f"/api/v1/items/{anas_item}/comments", json={"body": "@ana hi"}, headers=cleo.headers
    )
    await client.put("/api/v1/users/cleo/block", headers=ana.headers)
    await dispatch()
    assert await _notes(client, ana) == []


async def test_a_type_turned_off_is_not_notified(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, dispatch: Dispatch
) -> None:
    await client.put(
        "/api/v1/me/notification-settings",
        json={"settings": {"follow": "off"}},
        headers=ana.headers,
    )
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await dispatch()
    assert await _notes(client, ana) == []


async def test_replaying_dispatched_events_writes_nothing_twice(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    ben: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    await dispatch()
    before = [(n["id"], n["actor_count"]) for n in await _notes(client, ana)]
    async with database.transaction() as session:
        await session.execute(update(Event).values(dispatched_at=None))
    await dispatch()
    assert [(n["id"], n["actor_count"]) for n in await _notes(client, ana)] == before


async def test_a_batch_that_fails_midway_commits_nothing_and_the_next_run_does_it_all(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for _ in range(5):
        liker = await signed_in(client, database)
        await client.put(f"/api/v1/items/{anas_item}/like", headers=liker.headers)
        await client.put("/api/v1/users/ana/follow", headers=liker.headers)
    real_fan_out = dispatcher._fan_out
    calls = 0

    async def failing_fan_out(*args: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 6:
            raise ConnectionError("the worker died here")
        await real_fan_out(*args)

    monkeypatch.setattr(dispatcher, "_fan_out", failing_fan_out)
    with pytest.raises(ConnectionError):
        await dispatch()
    assert await _count(database) == 0
    monkeypatch.setattr(dispatcher, "_fan_out", real_fan_out)
    assert await dispatch() == 10
    notes = await _notes(client, ana)
    assert sorted((n["type"], n["actor_count"]) for n in notes) == [("follow", 5), ("like", 5)]


async def test_a_sold_listing_notifies_every_member_who_liked_it(
    client: AsyncClient,
    database: Database,
    ana: SignedIn,
    anas_item: uuid.UUID,
    dispatch: Dispatch,
) -> None:
    likers = [(await make_member(database)).user.id for _ in range(30)]
    await link_likes(database, anas_item, likers)
    async with database.transaction() as session:
        append_event(session, "item.sold", anas_item, actor_id=ana.id)
    await dispatch()
    assert await _count(database) == 30
