"""Two signed-in members and a listing of the first, for social rules."""

import uuid
from dataclasses import dataclass

import pytest
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.items import Choices, choices
from tests.factories.social import insert_items
from tests.factories.users import Member, bearer_headers, make_member


@dataclass
class SignedIn:
    member: Member
    headers: dict[str, str]

    @property
    def id(self) -> uuid.UUID:
        return self.member.user.id

    @property
    def username(self) -> str:
        return self.member.username


async def signed_in(client: AsyncClient, database: Database, **kwargs: object) -> SignedIn:
    member = await make_member(database, **kwargs)  # type: ignore[arg-type]
    return SignedIn(member, await bearer_headers(client, member))


@pytest.fixture
async def choice(database: Database) -> Choices:
    return await choices(database)


@pytest.fixture
async def ana(client: AsyncClient, database: Database) -> SignedIn:
    """A seller."""
    return await signed_in(client, database, username="ana")


@pytest.fixture
async def ben(client: AsyncClient, database: Database) -> SignedIn:
    """A buyer."""
    return await signed_in(client, database, username="ben")


@pytest.fixture
async def anas_item(database: Database, choice: Choices, ana: SignedIn) -> uuid.UUID:
    return (await insert_items(database, choice, ana.id, 1, title="Wool coat"))[0]
