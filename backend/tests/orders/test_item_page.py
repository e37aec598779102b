"""A cached item page never lags the order moves that sell or free its stock."""

import uuid
from datetime import timedelta
from typing import Any

from httpx import AsyncClient

from reloop.config import Settings
from reloop.items.keys import item_cache_key
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.orders.capture import capture_payment
from reloop.orders.timed import expire_unpaid
from tests.factories.orders import Placed, place
from tests.orders.conftest import SignedIn, utcnow


async def _cached_page(client: AsyncClient, cache: Cache, item: uuid.UUID) -> dict[str, Any]:
    """A visitor's view of the listing, which leaves the page in the cache."""
    response = await client.get(f"/api/v1/items/{item}")
    assert response.status_code == 200, response.text
    assert await cache.get_bytes(item_cache_key(item)) is not None
    page: dict[str, Any] = response.json()
    return page


async def _page(client: AsyncClient, item: uuid.UUID) -> dict[str, Any]:
    response = await client.get(f"/api/v1/items/{item}")
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def _declined(
    database: Database, settings: Settings, cache: Cache, buyer: SignedIn, item: uuid.UUID
) -> Placed:
    """An unpaid order of one unit whose card was declined: its stock stays held."""
    placed = await place(database, buyer.id, [(item, 1)], card="sim_0002")
    await capture_payment(database, placed.payment_id, cache=cache, settings=settings)
    return placed


async def test_a_cached_item_page_shows_the_listing_sold_right_after_the_order_is_paid(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    cache: Cache,
    buyer: SignedIn,
    item: uuid.UUID,
) -> None:
    placed = await place(database, buyer.id, [(item, 3)])
    before = await _cached_page(client, cache, item)

    await capture_payment(database, placed.payment_id, cache=cache, settings=settings)

    after = await _page(client, item)
    assert (before["status"], before["available"]) == ("active", 0)
    assert before["reserved_until"] is not None
    assert (after["status"], after["available"], after["reserved_until"]) == ("sold", 0, None)


async def test_a_cached_item_page_shows_the_units_again_right_after_a_cancel_releases_them(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    cache: Cache,
    buyer: SignedIn,
    item: uuid.UUID,
) -> None:
    placed = await _declined(database, settings, cache, buyer, item)
    before = await _cached_page(client, cache, item)

    cancelled = await client.post(
        f"/api/v1/orders/{placed.order_id}/cancel", json={}, headers=buyer.headers
    )

    assert cancelled.status_code == 200, cancelled.text
    assert (before["available"], (await _page(client, item))["available"]) == (2, 3)


async def test_a_cached_item_page_shows_the_units_again_right_after_an_expiry_releases_them(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    cache: Cache,
    buyer: SignedIn,
    item: uuid.UUID,
) -> None:
    await _declined(database, settings, cache, buyer, item)
    before = await _cached_page(client, cache, item)

    assert await expire_unpaid(database, utcnow() + timedelta(minutes=16), cache=cache) == 1

    assert (before["available"], (await _page(client, item))["available"]) == (2, 3)
