"""Likes and saves: idempotent, exact counts, flags on every list, private saves."""

import uuid

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.kit.db import Database
from reloop.models.item import ItemStatus
from tests.factories.items import Choices
from tests.factories.social import insert_items
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn, signed_in


async def test_liking_twice_counts_one_like(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    for _ in range(2):
        response = await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
        assert response.json() == {"liked": True, "like_count": 1}
    detail = (await client.get(f"/api/v1/items/{anas_item}")).json()
    assert detail["counts"]["likes"] == 1


async def test_a_member_who_has_not_confirmed_their_email_can_still_like_and_save(
    client: AsyncClient, database: Database, anas_item: uuid.UUID
) -> None:
    newcomer = await signed_in(client, database, username="newcomer", verified=False)
    liked = await client.put(f"/api/v1/items/{anas_item}/like", headers=newcomer.headers)
    saved = await client.put(f"/api/v1/items/{anas_item}/save", headers=newcomer.headers)
    assert (liked.status_code, saved.status_code) == (200, 200)


async def test_unliking_lowers_the_count_once(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    for _ in range(2):
        response = await client.delete(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
        assert response.json() == {"liked": False, "like_count": 0}


async def test_the_item_page_carries_the_members_own_flags_and_etag(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    before = await client.get(f"/api/v1/items/{anas_item}", headers=ben.headers)
    assert before.json()["viewer"] == {"liked": False, "saved": False}
    await client.put(f"/api/v1/items/{anas_item}/save", headers=ben.headers)
    after = await client.get(f"/api/v1/items/{anas_item}", headers=ben.headers)
    assert after.json()["viewer"] == {"liked": False, "saved": True}
    assert after.headers["etag"] != before.headers["etag"]
    assert (await client.get(f"/api/v1/items/{anas_item}")).json()["viewer"] is None


async def test_liking_a_deleted_listing_is_not_found(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    (gone,) = await insert_items(database, choice, ana.id, 1, status=ItemStatus.deleted)
    response = await client.put(f"/api/v1/items/{gone}/like", headers=ben.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "item_not_found"


async def test_saving_a_hidden_listing_is_not_found(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    (hidden,) = await insert_items(database, choice, ana.id, 1, status=ItemStatus.hidden)
    response = await client.put(f"/api/v1/items/{hidden}/save", headers=ben.headers)
    assert response.status_code == 404


async def test_liking_an_unknown_listing_is_not_found(client: AsyncClient, ben: SignedIn) -> None:
    response = await client.put(f"/api/v1/items/{uuid.uuid4()}/like", headers=ben.headers)
    assert response.status_code == 404


async def test_my_likes_list_the_most_recent_first_with_flags(
    client: AsyncClient, database: Database, choice: Choices, ana: SignedIn, ben: SignedIn
) -> None:
    first, second = await insert_items(database, choice, ana.id, 2)
    await client.put(f"/api/v1/items/{first}/like", headers=ben.headers)
    await client.put(f"/api/v1/items/{second}/like", headers=ben.headers)
    await client.put(f"/api/v1/items/{first}/save", headers=ben.headers)
    page = (await client.get("/api/v1/me/likes", headers=ben.headers)).json()
    assert [(c["id"], c["liked"], c["saved"]) for c in page["items"]] == [
        (str(second), True, False),
        (str(first), True, True),
    ]


async def test_saves_are_private_to_the_member(
    client: AsyncClient, ben: SignedIn, ana: SignedIn, anas_item: uuid.UUID
) -> None:
    await client.put(f"/api/v1/items/{anas_item}/save", headers=ben.headers)
    assert len((await client.get("/api/v1/me/saves", headers=ben.headers)).json()["items"]) == 1
    assert (await client.get("/api/v1/me/saves", headers=ana.headers)).json()["items"] == []
    assert (await client.get("/api/v1/me/saves")).status_code == 401


async def test_seller_grids_show_the_viewers_like_on_each_card(
    client: AsyncClient, ben: SignedIn, anas_item: uuid.UUID
) -> None:
    await client.put(f"/api/v1/items/{anas_item}/like", headers=ben.headers)
    mine = (await client.get("/api/v1/users/ana/items", headers=ben.headers)).json()
    visitor = (await client.get("/api/v1/users/ana/items")).json()
    assert mine["items"][0]["liked"] is True
    assert visitor["items"][0]["liked"] is False


async def test_liked_lists_cost_the_same_statements_at_any_page_size(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    choice: Choices,
    ana: SignedIn,
    ben: SignedIn,
) -> None:
    for item_id in await insert_items(database, choice, ana.id, 12):
        await client.put(f"/api/v1/items/{item_id}/like", headers=ben.headers)
    counts = []
    for limit in (2, 12):
        with count_statements(app) as statements:
            response = await client.get(
                "/api/v1/me/likes", params={"limit": limit}, headers=ben.headers
            )
        assert len(response.json()["items"]) == limit
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 4
