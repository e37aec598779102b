"""The cart: lines by seller, checked against their listings on every read."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient, Response
from sqlalchemy import update

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.models.item import Item, ItemStatus
from tests.checkout.conftest import Market, key, keys_of
from tests.factories.commerce import checkout_body, new_session
from tests.factories.social import insert_items
from tests.fixtures.sql import count_statements


async def _put(client: AsyncClient, market: Market, item: uuid.UUID, quantity: int = 1) -> Response:
    return await client.put(
        f"/api/v1/cart/items/{item}", json={"quantity": quantity}, headers=market.buyers[0].headers
    )


async def _cart(client: AsyncClient, market: Market) -> dict[str, Any]:
    response = await client.get("/api/v1/cart", headers=market.buyers[0].headers)
    assert response.status_code == 200, response.text
    cart: dict[str, Any] = response.json()
    return cart


async def _set(database: Database, item: uuid.UUID, **values: Any) -> None:
    async with database.transaction() as session:
        await session.execute(update(Item).where(Item.id == item).values(**values))


def _problem(cart: dict[str, Any]) -> dict[str, Any] | None:
    problem: dict[str, Any] | None = cart["groups"][0]["lines"][0]["problem"]
    return problem


async def test_an_empty_cart_has_no_groups_and_is_not_ready(
    client: AsyncClient, market: Market
) -> None:
    assert await _cart(client, market) == {
        "groups": [],
        "total": None,
        "count": 0,
        "checkout_ready": False,
    }


async def test_adding_a_listing_groups_it_under_its_seller_with_shipping(
    client: AsyncClient, market: Market
) -> None:
    item = await market.listing(price=2500, quantity=3)

    response = await _put(client, market, item, 2)

    assert response.status_code == 200, response.text
    cart = response.json()
    [group] = cart["groups"]
    assert group["seller"]["id"] == str(market.seller.id)
    assert group["items_total"] == {"amount": 5000, "currency": "EUR"}
    assert group["shipping"] == {"amount": 399, "currency": "EUR"}
    # Buyer protection: 70 fixed plus 5 % of the items, as checkout charges it.
    assert group["fee"] == {"amount": 320, "currency": "EUR"}
    assert group["total"] == {"amount": 5719, "currency": "EUR"}
    [line] = group["lines"]
    assert (line["quantity"], line["problem"], line["item"]["available"]) == (2, None, 3)
    assert line["line_total"] == {"amount": 5000, "currency": "EUR"}
    assert cart["total"] == {"amount": 5719, "currency": "EUR"}
    assert (cart["count"], cart["checkout_ready"]) == (2, True)


async def test_setting_a_line_again_changes_its_quantity(
    client: AsyncClient, market: Market
) -> None:
    item = await market.listing(quantity=3)
    await _put(client, market, item, 1)

    cart = (await _put(client, market, item, 3)).json()

    assert [line["quantity"] for line in cart["groups"][0]["lines"]] == [3]


async def test_removing_a_line_empties_its_group(client: AsyncClient, market: Market) -> None:
    item = await market.listing()
    await _put(client, market, item)

    response = await client.delete(f"/api/v1/cart/items/{item}", headers=market.buyers[0].headers)

    assert response.status_code == 200
    assert response.json()["groups"] == []


async def test_your_own_listing_cannot_go_in_your_cart(client: AsyncClient, market: Market) -> None:
    item = await market.listing()

    response = await client.put(
        f"/api/v1/cart/items/{item}", json={"quantity": 1}, headers=market.seller.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "cart_own_item"


async def test_a_listing_of_a_member_who_blocked_you_cannot_be_added(
    client: AsyncClient, market: Market
) -> None:
    item = await market.listing()
    await client.put(
        f"/api/v1/users/{market.buyers[0].username}/block", headers=market.seller.headers
    )

    response = await _put(client, market, item)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "member_blocked"


async def test_a_missing_or_hidden_listing_is_not_found(
    client: AsyncClient, market: Market
) -> None:
    hidden = await market.listing(status=ItemStatus.hidden)

    for item in (hidden, uuid.UUID("01a23000-0000-7000-8000-000000000000")):
        response = await _put(client, market, item)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "item_not_found"


async def test_more_units_than_are_available_are_refused(
    client: AsyncClient, market: Market
) -> None:
    item = await market.listing(quantity=2)

    response = await _put(client, market, item, 3)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "quantity_unavailable"
    assert response.json()["error"]["details"]["available"] == 2


async def test_a_cart_holds_fifty_lines_at_most(
    client: AsyncClient, market: Market, database: Database
) -> None:
    items = await insert_items(database, market.choice, market.seller.id, 51)
    for item in items[:50]:
        assert (await _put(client, market, item)).status_code == 200

    response = await _put(client, market, items[50])

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "cart_full"
    assert (await _put(client, market, items[0], 1)).status_code == 200


async def test_a_sold_listing_shows_as_sold(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    await _put(client, market, item)
    await _set(database, item, status=ItemStatus.sold, sold_quantity=1)

    cart = await _cart(client, market)

    assert _problem(cart) == {
        "code": "sold",
        "message": "This listing has sold.",
        "current_price": None,
        "available": 0,
        "reserved_until": None,
    }
    assert cart["checkout_ready"] is False


async def test_a_hidden_listing_shows_as_unavailable(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    await _put(client, market, item)
    await _set(database, item, status=ItemStatus.hidden)

    problem = _problem(await _cart(client, market))

    assert problem is not None
    assert problem["code"] == "unavailable"


async def test_a_listing_held_by_someone_else_shows_as_reserved_with_the_time_left(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    await _put(client, market, item)
    until = datetime.now(UTC) + timedelta(minutes=10)
    await _set(database, item, reserved=1, reserved_until=until)

    problem = _problem(await _cart(client, market))

    assert problem is not None
    assert problem["code"] == "reserved"
    assert problem["reserved_until"] == until.isoformat().replace("+00:00", "Z")


async def test_a_lapsed_hold_no_longer_counts_on_read(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    await _put(client, market, item)
    await _set(database, item, reserved=1, reserved_until=datetime.now(UTC) - timedelta(seconds=1))

    cart = await _cart(client, market)

    assert _problem(cart) is None
    assert cart["groups"][0]["lines"][0]["item"]["available"] == 1


async def test_a_new_price_shows_with_the_current_one_until_the_line_is_set_again(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(price=2500)
    await _put(client, market, item)
    await _set(database, item, price_amount=2000)

    problem = _problem(await _cart(client, market))
    assert problem is not None
    assert problem["code"] == "price_changed"
    assert problem["current_price"] == {"amount": 2000, "currency": "EUR"}

    cart = (await _put(client, market, item)).json()
    assert _problem(cart) is None
    assert cart["groups"][0]["lines"][0]["unit_price"]["amount"] == 2000


async def test_fewer_units_left_show_as_quantity_reduced(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(quantity=3)
    await _put(client, market, item, 3)
    await _set(database, item, sold_quantity=2)

    problem = _problem(await _cart(client, market))

    assert problem is not None
    assert (problem["code"], problem["available"]) == ("quantity_reduced", 1)


async def test_a_block_after_adding_shows_as_blocked(client: AsyncClient, market: Market) -> None:
    item = await market.listing()
    await _put(client, market, item)
    await client.put(
        f"/api/v1/users/{market.buyers[0].username}/block", headers=market.seller.headers
    )

    problem = _problem(await _cart(client, market))

    assert problem is not None
    assert problem["code"] == "blocked"


async def test_the_cart_survives_signing_out(
    client: AsyncClient, market: Market, database: Database, settings: Settings
) -> None:
    item = await market.listing()
    await _put(client, market, item)
    signed_out = await client.post("/api/v1/auth/logout", headers=market.buyers[0].headers)
    assert signed_out.status_code in (200, 204)

    assert (await client.get("/api/v1/cart", headers=market.buyers[0].headers)).status_code == 401

    headers = await new_session(database, settings, keys_of(settings), market.buyers[0].id)
    cart = (await client.get("/api/v1/cart", headers=headers)).json()
    assert [line["item"]["id"] for line in cart["groups"][0]["lines"]] == [str(item)]


async def test_checking_out_removes_the_bought_lines_from_the_cart(
    client: AsyncClient, market: Market
) -> None:
    bought, kept = await market.listing(), await market.listing(title="Silk scarf")
    await _put(client, market, bought)
    await _put(client, market, kept)

    placed = await client.post(
        "/api/v1/checkout",
        json=checkout_body([(bought, 1, 2500)]),
        headers={**market.buyers[0].headers, **key()},
    )

    assert placed.status_code == 201, placed.text
    lines = (await _cart(client, market))["groups"][0]["lines"]
    assert [line["item"]["id"] for line in lines] == [str(kept)]


async def test_reading_the_cart_costs_the_same_statements_for_one_line_or_fifty(
    app: FastAPI, client: AsyncClient, market: Market, database: Database
) -> None:
    items = await insert_items(database, market.choice, market.seller.id, 50)
    await _put(client, market, items[0])
    with count_statements(app) as one:
        await _cart(client, market)
    for item in items[1:]:
        await _put(client, market, item)

    with count_statements(app) as fifty:
        cart = await _cart(client, market)

    assert sum(len(g["lines"]) for g in cart["groups"]) == 50
    assert len(fifty) == len(one) == 2  # the member, then every line at once
