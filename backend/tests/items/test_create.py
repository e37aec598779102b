"""Listing an item: the rules a buyer can trust."""

from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import select

from reloop.kit.db import Database
from reloop.models.event import Event
from tests.factories.items import Choices, listing
from tests.factories.users import bearer_headers, make_member
from tests.items.conftest import Seller


async def _post(client: AsyncClient, seller: Seller, payload: dict[str, Any]) -> Any:
    return await client.post("/api/v1/items", json=payload, headers=seller.headers)


def _fields(response: Any) -> set[str]:
    return {f["field"] for f in response.json()["error"]["details"]["fields"]}


async def test_a_published_listing_shows_everything_a_buyer_needs(
    client: AsyncClient, seller: Seller, choice: Choices, database: Database
) -> None:
    response = await _post(client, seller, listing(choice, seller.photos))

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "active"
    assert body["published_at"].endswith("Z")
    assert body["price"] == {"amount": 4500, "currency": "EUR"}
    assert body["category"]["path"][-1] == body["category"]["name"]
    assert len(body["category"]["path"]) >= 2
    assert body["size"]["id"] == str(choice.size)
    assert body["condition"]["key"] == "very_good"
    assert body["colors"][0]["hex"].startswith("#")
    assert [image["id"] for image in body["images"]] == seller.photos
    assert body["seller"]["username"] == seller.member.username
    assert response.headers["etag"] == '"v1"'
    async with database.sessionmaker() as session:
        events = (await session.scalars(select(Event.type))).all()
    assert events == ["item.published"]


async def test_a_draft_needs_no_photos_and_is_not_published(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    response = await _post(client, seller, listing(choice, [], status="draft"))

    assert response.status_code == 201
    assert response.json()["status"] == "draft"
    assert response.json()["published_at"] is None


async def test_publishing_needs_at_least_one_photo(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    response = await _post(client, seller, listing(choice, []))

    assert response.status_code == 422
    assert _fields(response) == {"image_ids"}


async def test_unverified_members_cannot_publish(
    client: AsyncClient, database: Database, choice: Choices
) -> None:
    headers = await bearer_headers(client, await make_member(database, verified=False))

    response = await client.post("/api/v1/items", json=listing(choice, []), headers=headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "email_not_verified"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "ab"}, "title"),
        ({"title": "x" * 81}, "title"),
        ({"description": "x" * 2001}, "description"),
        ({"quantity": 0}, "quantity"),
        ({"quantity": 1000}, "quantity"),
        ({"colors": []}, "colors"),
        ({"colors": ["blue", "red", "black", "white"]}, "colors"),
        ({"price": {"amount": 12.5, "currency": "EUR"}}, "price.amount"),
        ({"price": {"amount": 100, "currency": "XYZ"}}, "price"),
        ({"location": {"country": "ZZ", "city": "Nowhere"}}, "location.country"),
    ],
)
async def test_malformed_fields_answer_422(
    client: AsyncClient, seller: Seller, choice: Choices, change: dict[str, Any], field: str
) -> None:
    response = await _post(client, seller, listing(choice, seller.photos, **change))

    assert response.status_code == 422
    assert any(f.startswith(field) for f in _fields(response))


@pytest.mark.parametrize("amount", [0, 99, 10_000_001])
async def test_zero_tiny_or_absurd_prices_are_refused(
    client: AsyncClient, seller: Seller, choice: Choices, amount: int
) -> None:
    response = await _post(
        client, seller, listing(choice, seller.photos, price={"amount": amount, "currency": "EUR"})
    )

    assert response.status_code == 422
    assert _fields(response) == {"price.amount"}


async def test_a_category_that_is_not_a_leaf_is_refused(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    response = await _post(
        client, seller, listing(choice, seller.photos, category_id=str(choice.inner_category))
    )

    assert response.status_code == 422
    assert "category_id" in _fields(response)


async def test_a_size_from_another_group_is_refused(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    response = await _post(
        client, seller, listing(choice, seller.photos, size_id=str(choice.other_group_size))
    )

    assert response.status_code == 422
    assert _fields(response) == {"size_id"}


async def test_a_category_without_sizes_refuses_a_size_and_accepts_none(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    with_size = await _post(
        client, seller, listing(choice, seller.photos, category_id=str(choice.unsized_leaf))
    )
    without = await _post(
        client,
        seller,
        listing(choice, seller.photos, category_id=str(choice.unsized_leaf), size_id=None),
    )

    assert with_size.status_code == 422
    assert without.status_code == 201


async def test_unknown_condition_colours_and_brand_are_refused(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    response = await _post(
        client,
        seller,
        listing(
            choice,
            seller.photos,
            condition="mint",
            colors=["blue", "plaid"],
            brand_id="00000000-0000-0000-0000-000000000001",
        ),
    )

    assert response.status_code == 422
    assert _fields(response) == {"condition", "colors", "brand_id"}


async def test_another_members_photo_is_refused(
    client: AsyncClient, seller: Seller, choice: Choices, database: Database
) -> None:
    other = await bearer_headers(client, await make_member(database))

    response = await client.post(
        "/api/v1/items", json=listing(choice, [seller.photos[0]]), headers=other
    )

    assert response.status_code == 422
    assert _fields(response) == {"image_ids"}


async def test_a_photo_on_another_listing_cannot_be_reused(
    client: AsyncClient, seller: Seller, choice: Choices
) -> None:
    await _post(client, seller, listing(choice, seller.photos[:1]))

    response = await _post(client, seller, listing(choice, seller.photos[:2]))

    assert response.status_code == 422
