"""What checkout refuses, each with its status and code, and nothing written when it does."""

from typing import Any

import pytest
from httpx import AsyncClient, Response
from sqlalchemy import func, select

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.models.item import ItemStatus
from reloop.models.order import Order
from tests.checkout.conftest import Market, key, keys_of
from tests.factories.commerce import (
    assert_books_balance,
    checkout_body,
    make_buyers,
    stock_of,
)


async def _post(client: AsyncClient, headers: dict[str, str], body: dict[str, Any]) -> Response:
    return await client.post("/api/v1/checkout", json=body, headers={**headers, **key()})


async def _no_orders(database: Database) -> None:
    async with database.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Order)) == 0


def _error(response: Response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["error"]
    return error


async def test_buying_your_own_listing_is_refused(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()

    response = await _post(client, market.seller.headers, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 409
    assert _error(response)["code"] == "cart_own_item"
    await _no_orders(database)


async def test_a_seller_who_blocked_the_buyer_cannot_be_bought_from(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    buyer = market.buyers[0]
    blocked = await client.put(
        f"/api/v1/users/{buyer.username}/block", headers=market.seller.headers
    )
    assert blocked.status_code in (200, 204), blocked.text

    response = await _post(client, buyer.headers, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 403
    assert _error(response)["code"] == "member_blocked"


@pytest.mark.parametrize("status", [ItemStatus.sold, ItemStatus.hidden])
async def test_a_listing_that_is_not_on_sale_is_unavailable(
    client: AsyncClient, market: Market, database: Database, status: ItemStatus
) -> None:
    item = await market.listing(status=status)

    response = await _post(client, market.buyers[0].headers, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 409
    assert _error(response)["code"] == "item_unavailable"
    assert _error(response)["details"] == {"item_id": str(item), "reason": status.value}


async def test_a_listing_held_by_another_checkout_is_unavailable_with_the_time_left(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    declined = await _post(
        client, market.buyers[0].headers, checkout_body([(item, 1, 2500)], card="4000000000000002")
    )
    assert declined.status_code == 402

    response = await _post(client, market.buyers[1].headers, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 409
    details = _error(response)["details"]
    assert details["reason"] == "reserved"
    assert details["reserved_until"] == declined.json()["error"]["details"]["reserved_until"]


async def test_a_stale_price_is_refused_with_the_current_one(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(price=2500)

    response = await _post(client, market.buyers[0].headers, checkout_body([(item, 1, 2000)]))

    assert response.status_code == 409
    assert _error(response)["code"] == "price_changed"
    assert _error(response)["details"] == {
        "item_id": str(item),
        "current_price": {"amount": 2500, "currency": "EUR"},
    }
    await _no_orders(database)


async def test_more_units_than_are_left_are_refused_with_what_is_left(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(quantity=2)

    response = await _post(client, market.buyers[0].headers, checkout_body([(item, 3, 2500)]))

    assert response.status_code == 409
    assert _error(response)["code"] == "quantity_unavailable"
    assert _error(response)["details"] == {"item_id": str(item), "available": 2}


async def test_lines_in_two_currencies_are_refused(
    client: AsyncClient, market: Market, database: Database
) -> None:
    euros = await market.listing()
    pounds = await market.listing(currency="GBP")
    body = checkout_body([(euros, 1, 2500), (pounds, 1, 2500)])
    body["lines"][1]["unit_price"]["currency"] = "GBP"

    response = await _post(client, market.buyers[0].headers, body)

    assert response.status_code == 422
    assert _error(response)["code"] == "currency_mismatch"
    await _no_orders(database)


async def test_an_unknown_listing_is_not_found(
    client: AsyncClient, market: Market, database: Database
) -> None:
    missing = "01a23000-0000-7000-8000-000000000000"

    response = await _post(
        client,
        market.buyers[0].headers,
        checkout_body([(missing, 1, 2500)]),  # type: ignore[list-item]
    )

    assert response.status_code == 404
    assert _error(response)["code"] == "item_not_found"


async def test_an_incomplete_address_names_its_fields(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()
    body = checkout_body([(item, 1, 2500)])
    body["shipping_address"] = {"name": "Ada", "line1": "", "city": "Paris", "country_code": "fr"}

    response = await _post(client, market.buyers[0].headers, body)

    assert response.status_code == 422
    fields = {f["field"] for f in _error(response)["details"]["fields"]}
    assert {"shipping_address.line1", "shipping_address.postal_code"} <= fields
    assert "shipping_address.country_code" in fields


async def test_the_same_listing_twice_in_one_checkout_is_refused(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing(quantity=3)

    response = await _post(
        client, market.buyers[0].headers, checkout_body([(item, 1, 2500), (item, 1, 2500)])
    )

    assert response.status_code == 422


async def test_a_card_number_that_is_not_one_is_refused(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()

    response = await _post(
        client, market.buyers[0].headers, checkout_body([(item, 1, 2500)], card="1234")
    )

    assert response.status_code == 422
    assert _error(response)["code"] == "invalid_payment_method"
    await _no_orders(database)


async def test_an_unconfirmed_email_cannot_check_out(
    client: AsyncClient, market: Market, database: Database, settings: Settings
) -> None:
    [unverified] = await make_buyers(database, settings, keys_of(settings), 1, verified=False)
    item = await market.listing()

    response = await _post(client, unverified.headers, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 403
    assert _error(response)["code"] == "email_not_verified"


async def test_a_signed_out_session_cannot_check_out(
    client: AsyncClient, market: Market, database: Database
) -> None:
    buyer = market.buyers[0]
    item = await market.listing()
    assert (await client.post("/api/v1/auth/logout", headers=buyer.headers)).status_code == 204

    response = await _post(client, buyer.headers, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 401
    assert _error(response)["code"] == "session_ended"
    await _no_orders(database)


async def test_a_visitor_is_asked_to_sign_in_to_check_out(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()

    response = await _post(client, {}, checkout_body([(item, 1, 2500)]))

    assert response.status_code == 401
    assert _error(response)["code"] == "not_authenticated"
    await _no_orders(database)


async def test_a_checkout_without_an_idempotency_key_is_refused(
    client: AsyncClient, market: Market, database: Database
) -> None:
    item = await market.listing()

    response = await client.post(
        "/api/v1/checkout", json=checkout_body([(item, 1, 2500)]), headers=market.buyers[0].headers
    )

    assert response.status_code == 400
    assert _error(response)["code"] == "idempotency_key_missing"


@pytest.mark.parametrize(
    ("card", "code"),
    [("4000 0000 0000 0002", "payment_declined"), ("4000 0000 0000 9995", "insufficient_funds")],
)
async def test_a_declined_card_answers_402_and_the_orders_keep_their_stock(
    client: AsyncClient, market: Market, database: Database, card: str, code: str
) -> None:
    item = await market.listing()

    response = await _post(
        client, market.buyers[0].headers, checkout_body([(item, 1, 2500)], card=card)
    )

    assert response.status_code == 402
    error = _error(response)
    assert error["code"] == code
    assert set(error["details"]) == {"reason", "checkout_id", "order_ids", "reserved_until"}
    async with database.sessionmaker() as session:
        statuses = (await session.scalars(select(Order.status))).all()
    assert statuses == ["pending_payment"]
    assert (await stock_of(database, item)).reserved == 1
    await assert_books_balance(database)
