"""Reviews: once, by the buyer, after completion; one reply by the seller; the rating."""

import uuid

import pytest
from httpx import AsyncClient, Response

from tests.factories.orders import Placed
from tests.orders.conftest import SignedIn

SHIP = {"carrier": "DHL", "tracking_number": "JD1"}


@pytest.fixture
async def completed(client: AsyncClient, seller: SignedIn, buyer: SignedIn, paid: Placed) -> Placed:
    await client.post(f"/api/v1/orders/{paid.order_id}/ship", json=SHIP, headers=seller.headers)
    await client.post(f"/api/v1/orders/{paid.order_id}/deliver", headers=buyer.headers)
    await client.post(f"/api/v1/orders/{paid.order_id}/complete", headers=buyer.headers)
    return paid


async def _review(
    client: AsyncClient,
    who: SignedIn,
    order_id: uuid.UUID,
    rating: object = 5,
    text: str = "Lovely coat",
) -> Response:
    return await client.post(
        f"/api/v1/orders/{order_id}/review",
        json={"rating": rating, "text": text},
        headers=who.headers,
    )


async def test_the_buyer_reviews_a_completed_order_and_the_seller_is_rated(
    client: AsyncClient, buyer: SignedIn, completed: Placed
) -> None:
    response = await _review(client, buyer, completed.order_id, 4)

    assert response.status_code == 201, response.text
    assert (response.json()["rating"], response.json()["buyer"]["username"]) == (4, "ben")
    profile = (await client.get("/api/v1/users/sophie")).json()
    assert (profile["rating"], profile["review_count"]) == (4.0, 1)


async def test_an_order_is_reviewed_once(
    client: AsyncClient, buyer: SignedIn, completed: Placed
) -> None:
    await _review(client, buyer, completed.order_id)

    again = await _review(client, buyer, completed.order_id)

    assert again.status_code == 409
    assert again.json()["error"]["code"] == "review_not_allowed"
    assert (await client.get("/api/v1/users/sophie")).json()["review_count"] == 1


async def test_an_order_not_yet_completed_cannot_be_reviewed(
    client: AsyncClient, buyer: SignedIn, paid: Placed
) -> None:
    response = await _review(client, buyer, paid.order_id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "review_not_allowed"


async def test_the_seller_cannot_review_their_own_sale(
    client: AsyncClient, seller: SignedIn, completed: Placed
) -> None:
    assert (await _review(client, seller, completed.order_id)).status_code == 409


async def test_a_stranger_cannot_review_the_order(
    client: AsyncClient, stranger: SignedIn, completed: Placed
) -> None:
    assert (await _review(client, stranger, completed.order_id)).status_code == 404


@pytest.mark.parametrize("rating", [0, 6, "five", None, 4.5])
async def test_a_rating_outside_one_to_five_is_refused(
    client: AsyncClient, buyer: SignedIn, completed: Placed, rating: object
) -> None:
    assert (await _review(client, buyer, completed.order_id, rating)).status_code == 422


async def test_a_review_longer_than_2000_characters_is_refused(
    client: AsyncClient, buyer: SignedIn, completed: Placed
) -> None:
    assert (await _review(client, buyer, completed.order_id, 5, "x" * 2001)).status_code == 422


async def test_the_seller_replies_once(
    client: AsyncClient, buyer: SignedIn, seller: SignedIn, completed: Placed
) -> None:
    review = (await _review(client, buyer, completed.order_id)).json()
    url = f"/api/v1/reviews/{review['id']}/reply"

    first = await client.post(url, json={"text": "Thank you!"}, headers=seller.headers)
    second = await client.post(url, json={"text": "Again"}, headers=seller.headers)

    assert first.status_code == 200
    assert first.json()["reply"] == "Thank you!"
    assert second.status_code == 409


async def test_the_buyer_cannot_reply_to_their_own_review(
    client: AsyncClient, buyer: SignedIn, completed: Placed
) -> None:
    review = (await _review(client, buyer, completed.order_id)).json()

    response = await client.post(
        f"/api/v1/reviews/{review['id']}/reply", json={"text": "Me"}, headers=buyer.headers
    )

    assert response.status_code == 409


async def test_an_empty_reply_is_refused(
    client: AsyncClient, buyer: SignedIn, seller: SignedIn, completed: Placed
) -> None:
    review = (await _review(client, buyer, completed.order_id)).json()

    response = await client.post(
        f"/api/v1/reviews/{review['id']}/reply", json={"text": "  "}, headers=seller.headers
    )

    assert response.status_code == 422


async def test_a_sellers_reviews_are_listed_and_the_order_shows_its_review(
    client: AsyncClient, buyer: SignedIn, seller: SignedIn, completed: Placed
) -> None:
    await _review(client, buyer, completed.order_id, 3, "Fine")

    listed = (await client.get("/api/v1/users/sophie/reviews")).json()
    order = (
        await client.get(f"/api/v1/orders/{completed.order_id}", headers=seller.headers)
    ).json()

    assert [(r["rating"], r["text"]) for r in listed["items"]] == [(3, "Fine")]
    assert order["review"]["rating"] == 3
    assert order["actions"] == ["reply"]


async def test_reviews_by_a_member_the_viewer_blocked_are_hidden(
    client: AsyncClient, buyer: SignedIn, stranger: SignedIn, completed: Placed
) -> None:
    await _review(client, buyer, completed.order_id)
    await client.put("/api/v1/users/ben/block", headers=stranger.headers)

    seen = (await client.get("/api/v1/users/sophie/reviews", headers=stranger.headers)).json()

    assert seen["items"] == []


async def test_reviews_of_an_unknown_member_are_not_found(client: AsyncClient) -> None:
    assert (await client.get("/api/v1/users/nobody/reviews")).status_code == 404
