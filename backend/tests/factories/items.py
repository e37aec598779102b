"""Listings for tests: real taxonomy choices, real processed photos."""

import uuid
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.media.pipeline import process
from reloop.taxonomy.snapshot import Taxonomy, get_taxonomy
from tests.factories import images


@dataclass(frozen=True)
class Choices:
    sized_leaf: uuid.UUID
    size: uuid.UUID
    other_group_size: uuid.UUID
    unsized_leaf: uuid.UUID
    inner_category: uuid.UUID
    brand: uuid.UUID


async def taxonomy(database: Database) -> Taxonomy:
    async with database.sessionmaker() as session:
        return await get_taxonomy(session)


async def choices(database: Database) -> Choices:
    tax = await taxonomy(database)
    leaves = [c for c in tax.categories.values() if c.is_leaf]
    sized = next(c for c in leaves if c.size_group_id is not None)
    assert sized.size_group_id is not None
    other_group = next(g for g in tax.sizes_by_group if g != sized.size_group_id)
    return Choices(
        sized_leaf=sized.id,
        size=tax.sizes_by_group[sized.size_group_id][0].id,
        other_group_size=tax.sizes_by_group[other_group][0].id,
        unsized_leaf=next(c for c in leaves if c.size_group_id is None).id,
        inner_category=next(c for c in tax.categories.values() if not c.is_leaf).id,
        brand=next(iter(tax.brands)),
    )


def listing(choice: Choices, image_ids: list[str], **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "title": "Vintage denim jacket",
        "description": "Seventies cut, barely worn. Smoke-free home.",
        "category_id": str(choice.sized_leaf),
        "brand_id": str(choice.brand),
        "size_id": str(choice.size),
        "condition": "very_good",
        "colors": ["blue"],
        "price": {"amount": 4500, "currency": "EUR"},
        "quantity": 1,
        "location": {"country": "FR", "city": "Lyon"},
        "image_ids": image_ids,
        "status": "active",
    }
    payload.update(overrides)
    return payload


async def ready_photo(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    settings: Settings,
    headers: dict[str, str],
    *,
    purpose: str = "item",
) -> str:
    """Upload and process one photo; its id."""
    data = images.jpeg(800, 600)
    ticket = (
        await client.post(
            "/api/v1/uploads",
            json={"content_type": "image/jpeg", "size_bytes": len(data), "purpose": purpose},
            headers=headers,
        )
    ).json()
    await client.put(ticket["upload_url"], content=data, headers=ticket["headers"])
    await client.post(f"/api/v1/uploads/{ticket['id']}/complete", headers=headers)
    await process(database, app.state.storage, settings, uuid.UUID(ticket["id"]))
    image_id: str = ticket["id"]
    return image_id
