"""Many buyers at once, through uvicorn on a real port, in both stock locking modes.

The buyers are reused across rounds and each round gets a fresh listing, so a round costs
only its requests. After every scenario: no listing is oversold, held units match the
held reservations, and the ledger sums to zero per currency.
"""

import asyncio
import random
import uuid

import pytest
from httpx import AsyncClient, Response

from reloop.config import Settings
from reloop.kit.db import Database
from tests.checkout.conftest import key, keys_of
from tests.factories.commerce import (
    Buyer,
    assert_books_balance,
    checkout_body,
    count_orders,
    make_buyers,
    make_listing,
    stock_of,
)
from tests.factories.items import choices

# The API and these 200 clients share one event loop: a round of 200 checkouts takes
# about 2.5 s on two cores, so the 50 rounds of each mode take about two minutes.
ROUNDS = 50


async def _buyers(database: Database, settings: Settings, count: int) -> list[Buyer]:
    return await make_buyers(database, settings, keys_of(settings), count)


async def _checkout(
    client: AsyncClient, buyer: Buyer, lines: list[tuple[uuid.UUID, int, int]]
) -> Response:
    return await client.post(
        "/api/v1/checkout", json=checkout_body(lines), headers={**buyer.headers, **key()}
    )


def _codes(responses: list[Response]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for response in responses:
        counts[response.status_code] = counts.get(response.status_code, 0) + 1
    return counts


@pytest.mark.timeout(900)
async def test_two_hundred_buyers_for_ten_units_make_exactly_ten_orders_every_round(
    live_api: AsyncClient, database: Database, locking: Settings
) -> None:
    people = await _buyers(database, locking, 201)
    seller, buyers = people[0], people[1:]
    choice = await choices(database)
    for _ in range(ROUNDS):
        item = await make_listing(database, choice, seller.id, quantity=10, price=1500)
        responses = await asyncio.gather(
            *(_checkout(live_api, buyer, [(item, 1, 1500)]) for buyer in buyers)
        )
        assert _codes(responses) == {201: 10, 409: 190}, [
            r.text for r in responses if r.status_code not in (201, 409)
        ][:3]
        refused = {r.json()["error"]["code"] for r in responses if r.status_code == 409}
        assert refused <= {"item_unavailable", "quantity_unavailable"}
        assert await count_orders(database, item) == 10
        stock = await stock_of(database, item)
        assert stock.reserved + stock.sold_quantity == 10
    await assert_books_balance(database)


async def test_a_hundred_buyers_for_a_single_unit_make_one_order(
    live_api: AsyncClient, database: Database, locking: Settings
) -> None:
    people = await _buyers(database, locking, 101)
    item = await make_listing(database, await choices(database), people[0].id, price=900)

    responses = await asyncio.gather(
        *(_checkout(live_api, buyer, [(item, 1, 900)]) for buyer in people[1:])
    )

    assert _codes(responses) == {201: 1, 409: 99}
    assert await count_orders(database, item) == 1
    await assert_books_balance(database)


async def test_two_item_orders_taken_in_opposite_orders_never_show_a_deadlock(
    live_api: AsyncClient, database: Database, locking: Settings
) -> None:
    people = await _buyers(database, locking, 81)
    choice = await choices(database)
    first = await make_listing(database, choice, people[0].id, quantity=20, price=1000)
    second = await make_listing(database, choice, people[0].id, quantity=20, price=2000)
    lines = [(first, 1, 1000), (second, 1, 2000)]

    responses = await asyncio.gather(
        *(
            _checkout(live_api, buyer, lines if n % 2 else lines[::-1])
            for n, buyer in enumerate(people[1:])
        )
    )

    assert set(_codes(responses)) <= {201, 409}
    assert _codes(responses)[201] == 20
    for item in (first, second):
        assert (await stock_of(database, item)).sold_quantity == 20
    await assert_books_balance(database)


async def test_fifty_identical_requests_with_one_key_make_one_order(
    live_api: AsyncClient, database: Database, locking: Settings
) -> None:
    people = await _buyers(database, locking, 2)
    item = await make_listing(database, await choices(database), people[0].id, quantity=5)
    headers = {**people[1].headers, "Idempotency-Key": f"same-{random.getrandbits(64)}"}
    body = checkout_body([(item, 1, 2500)])

    responses = await asyncio.gather(
        *(live_api.post("/api/v1/checkout", json=body, headers=headers) for _ in range(50))
    )

    assert await count_orders(database, item) == 1
    first = [
        r for r in responses if r.status_code == 201 and "idempotent-replayed" not in r.headers
    ]
    replays = [r for r in responses if r.headers.get("idempotent-replayed") == "true"]
    in_flight = [
        r
        for r in responses
        if r.status_code == 409 and r.json()["error"]["code"] == "idempotency_request_in_flight"
    ]
    assert len(first) == 1
    assert len(replays) + len(in_flight) == 49
    assert all(r.headers["retry-after"] for r in in_flight)
    assert all(r.status_code == 201 and r.json() == first[0].json() for r in replays)
    later = await live_api.post("/api/v1/checkout", json=body, headers=headers)
    assert later.headers["idempotent-replayed"] == "true"
    assert later.json() == first[0].json()
    await assert_books_balance(database)
