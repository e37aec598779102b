"""A seller, a buyer and their order, for stock rules at the service level."""

import uuid
from dataclasses import dataclass

import pytest

from reloop.kit.db import Database
from tests.factories.commerce import make_order
from tests.factories.items import Choices, choices
from tests.factories.users import make_member


@dataclass
class Parties:
    seller_id: uuid.UUID
    buyer_id: uuid.UUID
    choice: Choices

    async def order(self, database: Database, minutes: int = 15) -> uuid.UUID:
        return await make_order(database, self.buyer_id, self.seller_id, minutes=minutes)


@pytest.fixture
async def parties(database: Database) -> Parties:
    seller = await make_member(database)
    buyer = await make_member(database)
    return Parties(seller.user.id, buyer.user.id, await choices(database))


@pytest.fixture(params=["pessimistic", "optimistic"])
def mode(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value
