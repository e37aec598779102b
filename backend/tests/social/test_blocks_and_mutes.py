"""Blocks hide each member from the other everywhere; mutes only quiet the feed."""

import uuid

from httpx import AsyncClient

from reloop.kit.db import Database
from tests.social.conftest import SignedIn


async def _block(client: AsyncClient, blocker: SignedIn, username: str) -> None:
    response = await client.put(f"/api/v1/users/{username}/block", headers=blocker.headers)
    assert response.status_code == 204, response.text


async def test_blocking_ends_follows_both_ways_and_their_counts(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    await client.put("/api/v1/users/ben/follow", headers=ana.headers)
    await _block(client, ana, "ben")
    profile = (await client.get("/api/v1/users/ana")).json()
    assert profile["counts"] == {"listings": 0, "followers": 0, "following": 0}


async def test_a_blocked_member_cannot_follow_the_blocker(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await _block(client, ana, "ben")
    response = await client.put("/api/v1/users/ana/follow", headers=ben.headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "member_blocked"


async def test_a_block_hides_each_profile_from_the_other(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await _block(client, ana, "ben")
    assert (await client.get("/api/v1/users/ana", headers=ben.headers)).status_code == 404
    assert (await client.get("/api/v1/users/ben", headers=ana.headers)).status_code == 404
    assert (await client.get("/api/v1/users/ana")).status_code == 200


async def test_a_block_hides_the_sellers_listings_and_grid(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    await client.get(f"/api/v1/items/{anas_item}")  # cached for visitors
    await _block(client, ben, "ana")
    assert (await client.get(f"/api/v1/items/{anas_item}", headers=ben.headers)).status_code == 404
    assert (await client.get("/api/v1/users/ana/items", headers=ben.headers)).status_code == 404
    assert (await client.get(f"/api/v1/items/{anas_item}")).status_code == 200


async def test_a_blocked_member_cannot_like_the_blockers_listing(
    client: AsyncClient, ana: SignedIn, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    await _block(client, ana, "ben")
    response = await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    assert response.status_code == 404


async def test_blocking_yourself_is_a_conflict(client: AsyncClient, ana: SignedIn) -> None:
    response = await client.put("/api/v1/users/ana/block", headers=ana.headers)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "cannot_block_self"


async def test_unblocking_restores_visibility(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await _block(client, ana, "ben")
    assert (await client.delete("/api/v1/users/ben/block", headers=ana.headers)).status_code == 204
    assert (await client.get("/api/v1/users/ana", headers=ben.headers)).status_code == 200


async def test_my_blocks_and_mutes_are_listed_for_undoing(
    client: AsyncClient, database: Database, ana: SignedIn, ben: SignedIn
) -> None:
    await _block(client, ana, "ben")
    assert (await client.put("/api/v1/users/ben/mute", headers=ana.headers)).status_code == 204
    blocks = (await client.get("/api/v1/me/blocks", headers=ana.headers)).json()
    mutes = (await client.get("/api/v1/me/mutes", headers=ana.headers)).json()
    assert [m["username"] for m in blocks["items"]] == ["ben"]
    assert [m["username"] for m in mutes["items"]] == ["ben"]


async def test_a_mute_is_invisible_to_the_muted_member(
    client: AsyncClient, ana: SignedIn, ben: SignedIn
) -> None:
    await client.put("/api/v1/users/ana/mute", headers=ben.headers)
    assert (await client.get("/api/v1/users/ben", headers=ana.headers)).json()["viewer"] == {
        "following": False,
        "follows_you": False,
        "muted": False,
    }
    assert (await client.get("/api/v1/users/ana", headers=ben.headers)).json()["viewer"][
        "muted"
    ] is True
