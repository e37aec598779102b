"""A verified seller with processed photos, ready to list."""

from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from reloop.config import Settings
from reloop.kit.db import Database
from tests.factories.items import Choices, choices, ready_photo
from tests.factories.users import Member, bearer_headers, make_member


@dataclass
class Seller:
    member: Member
    headers: dict[str, str]
    photos: list[str]


@pytest.fixture
async def choice(database: Database) -> Choices:
    return await choices(database)


@pytest.fixture
async def seller(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> Seller:
    member = await make_member(database)
    headers = await bearer_headers(client, member)
    photos = [await ready_photo(app, client, database, settings, headers) for _ in range(3)]
    return Seller(member, headers, photos)
