"""Sellers, buyers and listings for checkout, and the API on a real port for the races."""

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from httpx import AsyncClient

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.ids import new_id
from reloop.kit.security.jwt_keys import SigningKeys
from tests.factories.commerce import Buyer, make_buyers, make_listing
from tests.factories.items import Choices, choices
from tests.fixtures.live_server import serving


@dataclass
class Market:
    """A seller with listings to create, and buyers with signed-in sessions."""

    database: Database
    choice: Choices
    seller: Buyer
    buyers: list[Buyer]

    async def listing(self, **overrides: Any) -> uuid.UUID:
        return await make_listing(self.database, self.choice, self.seller.id, **overrides)


def keys_of(settings: Settings) -> SigningKeys:
    """The keys the app signs with (the app creates the same directory's keys)."""
    return SigningKeys.from_directory(settings.signing_keys_dir, create=True)


@pytest.fixture
async def market(database: Database, settings: Settings) -> Market:
    people = await make_buyers(database, settings, keys_of(settings), 4)
    return Market(database, await choices(database), people[0], people[1:])


def key() -> dict[str, str]:
    return {"Idempotency-Key": new_id().hex}


@pytest.fixture(params=["pessimistic", "optimistic"])
def locking(request: pytest.FixtureRequest, settings: Settings) -> Settings:
    """The settings with one stock locking mode."""
    return settings.model_copy(update={"stock_locking": request.param})


@pytest.fixture
async def live_api(locking: Settings, database: Database) -> AsyncIterator[AsyncClient]:
    """The API served by uvicorn, a pool big enough for the races, many connections."""
    keys_of(locking)
    tuned = locking.model_copy(
        update={"db_pool_size": 20, "db_max_overflow": 10, "db_pool_timeout_s": 30.0}
    )
    async with serving(tuned) as base_url:
        # A connection per request: uvicorn closes idle keep-alive connections after 5 s,
        # and a request sent on one just as it closes fails with a read error.
        limits = httpx.Limits(max_connections=250, max_keepalive_connections=0)
        async with AsyncClient(base_url=base_url, limits=limits, timeout=60) as http:
            yield http
