"""Comments: threads one level deep, a 15-minute edit window, deletion and mentions."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import update

from reloop.kit.db import Database
from reloop.models.item import ItemStatus
from reloop.models.social import Comment
from reloop.models.user import Role
from tests.factories.items import Choices
from tests.factories.social import insert_items
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn, signed_in


async def _comment(
    client: AsyncClient, who: SignedIn, item_id: uuid.UUID, body: str, parent: str | None = None
) -> dict[str, Any]:
    response = await client.post(
        f"/api/v1/items/{item_id}/comments",
        json={"body": body, **({"parent_id": parent} if parent else {})},
        headers=who.headers,
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _thread(
    client: AsyncClient, item_id: uuid.UUID, headers: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    response = await client.get(f"/api/v1/items/{item_id}/comments", headers=headers or {})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_comment_is_listed_with_its_author_and_counted_on_the_listing(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    await _comment(client, ben, anas_item, "Is the coat still available?")
    (shown,) = await _thread(client, anas_item)
    assert shown["body"] == "Is the coat still available?"
    assert shown["author"]["username"] == "ben"
    detail = (await client.get(f"/api/v1/items/{anas_item}")).json()
    assert detail["counts"]["comments"] == 1


async def test_replies_nest_one_level_under_their_thread(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    question = await _comment(client, ben, anas_item, "Which size?")
    answer = await _comment(client, ana, anas_item, "An M.", parent=question["id"])
    follow_up = await _comment(client, ben, anas_item, "Thanks!", parent=answer["id"])
    assert follow_up["parent_id"] == question["id"]
    (thread,) = await _thread(client, anas_item)
    assert thread["reply_count"] == 2
    assert [r["body"] for r in thread["replies"]] == ["An M.", "Thanks!"]


async def test_an_author_can_edit_within_fifteen_minutes_and_it_shows_edited(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    created = await _comment(client, ben, anas_item, "Typo hre")
    assert created["can_edit"] is True
    response = await client.patch(
        f"/api/v1/comments/{created['id']}", json={"body": "Typo here"}, headers=ben.headers
    )
    assert response.status_code == 200
    assert response.json()["body"] == "Typo here"
    assert response.json()["edited_at"] is not None


async def test_an_edited_thread_comes_back_with_its_replies(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    question = await _comment(client, ben, anas_item, "Whcih size?")
    await _comment(client, ana, anas_item, "An M.", parent=question["id"])
    response = await client.patch(
        f"/api/v1/comments/{question['id']}", json={"body": "Which size?"}, headers=ben.headers
    )
    assert response.status_code == 200
    assert response.json()["reply_count"] == 1
    assert [r["body"] for r in response.json()["replies"]] == ["An M."]


async def test_editing_after_fifteen_minutes_is_refused(
    client: AsyncClient, database: Database, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    created = await _comment(client, ben, anas_item, "Old words")
    async with database.transaction() as session:
        await session.execute(
            update(Comment)
            .where(Comment.id == uuid.UUID(created["id"]))
            .values(created_at=datetime.now(UTC) - timedelta(minutes=16))
        )
    response = await client.patch(
        f"/api/v1/comments/{created['id']}", json={"body": "New words"}, headers=ben.headers
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "edit_window_closed"


async def test_only_the_author_can_edit(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    created = await _comment(client, ben, anas_item, "Mine")
    response = await client.patch(
        f"/api/v1/comments/{created['id']}", json={"body": "Yours"}, headers=ana.headers
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_comment_author"


async def test_the_seller_can_delete_a_comment_on_their_listing(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    created = await _comment(client, ben, anas_item, "Spam spam spam")
    response = await client.delete(f"/api/v1/comments/{created['id']}", headers=ana.headers)
    assert response.status_code == 204
    assert await _thread(client, anas_item) == []
    detail = (await client.get(f"/api/v1/items/{anas_item}")).json()
    assert detail["counts"]["comments"] == 0


async def test_a_moderator_can_delete_any_comment(
    client: AsyncClient, database: Database, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    moderator = await signed_in(client, database, role=Role.moderator)
    created = await _comment(client, ben, anas_item, "Rude words")
    response = await client.delete(f"/api/v1/comments/{created['id']}", headers=moderator.headers)
    assert response.status_code == 204


async def test_another_member_cannot_delete_a_comment(
    client: AsyncClient, database: Database, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    cleo = await signed_in(client, database)
    created = await _comment(client, ben, anas_item, "Mine to keep")
    response = await client.delete(f"/api/v1/comments/{created['id']}", headers=cleo.headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "cannot_delete_comment"


async def test_a_deleted_comment_with_replies_stays_as_a_marker(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    question = await _comment(client, ben, anas_item, "Is it wool?")
    await _comment(client, ana, anas_item, "Yes, 100%.", parent=question["id"])
    await client.delete(f"/api/v1/comments/{question['id']}", headers=ben.headers)
    (marker,) = await _thread(client, anas_item)
    assert marker["deleted"] is True
    assert marker["body"] == ""
    assert marker["author"] is None
    assert [r["body"] for r in marker["replies"]] == ["Yes, 100%."]


async def test_mentions_of_members_are_linked_and_others_stay_text(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    created = await _comment(client, ben, anas_item, "@ana look, and @nobody_at_all too")
    assert created["mentions"] == ["ana"]
    assert created["body"] == "@ana look, and @nobody_at_all too"


async def test_commenting_on_a_blocked_members_listing_is_forbidden(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    await client.put("/api/v1/users/ben/block", headers=ana.headers)
    response = await client.post(
        f"/api/v1/items/{anas_item}/comments", json={"body": "Hello?"}, headers=ben.headers
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "member_blocked"


async def test_a_block_hides_the_blocked_members_comments(
    client: AsyncClient, database: Database, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    await _comment(client, cleo, anas_item, "Lovely")
    await client.put("/api/v1/users/cleo/block", headers=ben.headers)
    assert await _thread(client, anas_item, ben.headers) == []
    assert len(await _thread(client, anas_item)) == 1


async def test_a_thread_counts_only_the_replies_the_viewer_can_see(
    client: AsyncClient, database: Database, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    question = await _comment(client, ben, anas_item, "Which size?")
    await _comment(client, ana, anas_item, "An M.", parent=question["id"])
    await _comment(client, cleo, anas_item, "Mine too", parent=question["id"])
    await client.put("/api/v1/users/cleo/block", headers=ben.headers)
    (as_ben_sees,) = await _thread(client, anas_item, ben.headers)
    assert as_ben_sees["reply_count"] == 1
    assert [r["body"] for r in as_ben_sees["replies"]] == ["An M."]
    assert (await _thread(client, anas_item))[0]["reply_count"] == 2


async def test_a_member_who_has_not_confirmed_their_email_cannot_comment(
    client: AsyncClient, database: Database, anas_item: uuid.UUID
) -> None:
    newcomer = await signed_in(client, database, username="newcomer", verified=False)
    response = await client.post(
        f"/api/v1/items/{anas_item}/comments", json={"body": "Hi"}, headers=newcomer.headers
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"
    assert await _thread(client, anas_item) == []


async def test_comments_on_a_sold_listing_are_closed(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    (sold,) = await insert_items(database, choice, ana.id, 1, status=ItemStatus.sold)
    response = await client.post(
        f"/api/v1/items/{sold}/comments", json={"body": "Too late?"}, headers=ben.headers
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "item_not_commentable"


async def test_an_empty_or_overlong_comment_is_invalid(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    for body in ("   ", "x" * 1001):
        response = await client.post(
            f"/api/v1/items/{anas_item}/comments", json={"body": body}, headers=ben.headers
        )
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "validation_failed"


async def test_commenting_faster_than_the_limit_is_throttled(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    statuses = [
        (
            await client.post(
                f"/api/v1/items/{anas_item}/comments", json={"body": f"n{n}"}, headers=ben.headers
            )
        ).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [201] * 10
    assert statuses[10] == 429


async def test_comment_threads_cost_the_same_statements_at_any_page_size(
    app: FastAPI, client: AsyncClient, database: Database, ana: SignedIn, anas_item: uuid.UUID
) -> None:
    for n in range(6):
        other = await signed_in(client, database)
        parent = await _comment(client, other, anas_item, f"Question {n}")
        await _comment(client, ana, anas_item, f"Answer {n}", parent=parent["id"])
    counts = []
    for limit in (2, 6):
        with count_statements(app) as statements:
            response = await client.get(
                f"/api/v1/items/{anas_item}/comments",
                params={"limit": limit},
                headers=ana.headers,
            )
        assert len(response.json()["items"]) == limit
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4
