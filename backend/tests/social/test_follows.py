"""Following members: idempotent, exact counts, lists with the viewer's flags."""

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.social import link_follows
from tests.factories.users import delete_account, make_member
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn, signed_in


async def _profile(
    client: AsyncClient, username: str, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    response = await client.get(f"/api/v1/users/{username}", headers=headers or {})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_following_a_member_counts_once_however_often_it_is_sent(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    for _ in range(3):
        response = await client.put("/api/v1/users/ana/follow", headers=ben.headers)
        assert response.status_code == 200
        assert response.json() == {"following": True, "follower_count": 1}
    assert (await _profile(client, "ana"))["counts"]["followers"] == 1
    assert (await _profile(client, "ben"))["counts"]["following"] == 1


async def test_unfollowing_lowers_both_counts_and_is_idempotent(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    for _ in range(2):
        response = await client.delete("/api/v1/users/ana/follow", headers=ben.headers)
        assert response.json() == {"following": False, "follower_count": 0}
    assert (await _profile(client, "ben"))["counts"]["following"] == 0


async def test_following_yourself_is_a_conflict(client: AsyncClient, ana: SignedIn) -> None:
    response = await client.put("/api/v1/users/ana/follow", headers=ana.headers)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "cannot_follow_self"


async def test_following_a_missing_member_is_not_found(client: AsyncClient, ben: SignedIn) -> None:
    response = await client.put("/api/v1/users/nobody-here/follow", headers=ben.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "member_not_found"


async def test_following_needs_a_signed_in_member(client: AsyncClient, ana: SignedIn) -> None:
    response = await client.put("/api/v1/users/ana/follow")
    assert response.status_code == 401


async def test_a_member_who_has_not_confirmed_their_email_cannot_follow(
    client: AsyncClient, database: Database, ana: SignedIn
) -> None:
    newcomer = await signed_in(client, database, username="newcomer", verified=False)
    response = await client.put("/api/v1/users/ana/follow", headers=newcomer.headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"
    assert (await _profile(client, "ana"))["counts"]["followers"] == 0


async def test_profile_tells_the_viewer_whether_they_follow_and_are_followed(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    assert (await _profile(client, "ana", ben.headers))["viewer"] == {
        "following": True,
        "follows_you": False,
        "muted": False,
    }
    assert (await _profile(client, "ben", ana.headers))["viewer"]["follows_you"] is True
    assert (await _profile(client, "ana"))["viewer"] is None


async def test_followers_list_shows_whether_the_viewer_follows_each(
    client: AsyncClient, database: Database, ana: SignedIn, ben: SignedIn
) -> None:
    cleo = await signed_in(client, database, username="cleo")
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put("/api/v1/users/ana/follow", headers=cleo.headers)
    await client.put("/api/v1/users/cleo/follow", headers=ben.headers)
    page = (await client.get("/api/v1/users/ana/followers", headers=ben.headers)).json()
    assert [(m["username"], m["followed_by_me"]) for m in page["items"]] == [
        ("cleo", True),
        ("ben", False),
    ]
    following = (await client.get("/api/v1/users/ben/following")).json()
    assert {m["username"] for m in following["items"]} == {"ana", "cleo"}


async def test_followers_pages_walk_every_member_once(
    client: AsyncClient, database: Database, ana: SignedIn
) -> None:
    for _ in range(7):
        other = await signed_in(client, database)
        await client.put("/api/v1/users/ana/follow", headers=other.headers)
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/v1/users/ana/followers", params=params)).json()
        seen += [m["username"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 7


async def test_follower_lists_cost_the_same_statements_at_any_page_size(
    app: FastAPI, client: AsyncClient, database: Database, ana: SignedIn, ben: SignedIn
) -> None:
    for _ in range(12):
        other = await make_member(database)
        await link_follows(database, other.user.id, [ana.id])
    counts = []
    for limit in (2, 12):
        with count_statements(app) as statements:
            response = await client.get(
                "/api/v1/users/ana/followers", params={"limit": limit}, headers=ben.headers
            )
        assert response.status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4


async def test_a_deleted_member_leaves_every_follow_count_exact(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put("/api/v1/users/ben/follow", headers=ana.headers)
    response = await delete_account(client, ben.member, ben.headers)
    assert response.status_code == 204, response.text
    assert (await _profile(client, "ana"))["counts"] == {
        "listings": 0,
        "followers": 0,
        "following": 0,
    }
