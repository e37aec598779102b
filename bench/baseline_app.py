"""The bare baseline: Starlette + asyncpg running the same SQL and returning the same bytes.

Reloop's throughput is judged against this: whatever the baseline cannot beat is the
cost of PostgreSQL and the network; whatever Reloop loses beyond it is our overhead.
Bodies are fetched once from the real API at start, so both serve identical bytes.

    RELOOP_DATABASE_URL=... BASELINE_BODIES=bodies.json uvicorn baseline_app:app
"""

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

# The statements Reloop's item detail runs on a cache miss.
ITEM_SQL = (
    "SELECT items.*, users.username, users.display_name FROM items "
    "JOIN users ON users.id = items.seller_id WHERE items.id = $1 AND items.status <> 'deleted'"
)
IMAGES_SQL = (
    "SELECT * FROM images WHERE item_id = ANY($1::uuid[]) AND status = 'ready' "
    "ORDER BY item_id, position"
)
state: dict[str, Any] = {}


@asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    url = os.environ["RELOOP_DATABASE_URL"]
    state["pool"] = await asyncpg.create_pool(url, min_size=5, max_size=10)
    bodies = json.loads(Path(os.environ["BASELINE_BODIES"]).read_text("utf-8"))  # noqa: ASYNC240 (startup)
    state["bodies"] = {k: v.encode() for k, v in bodies.items()}
    yield
    await state["pool"].close()


async def item_detail(request: Request) -> Response:
    item_id = request.path_params["item_id"]
    async with state["pool"].acquire() as conn:
        row = await conn.fetchrow(ITEM_SQL, item_id)
        if row is None:
            return Response(b'{"error": "not found"}', status_code=404)
        await conn.fetch(IMAGES_SQL, [item_id])
    return Response(state["bodies"][str(item_id)], media_type="application/json")


app = Starlette(routes=[Route("/api/v1/items/{item_id:uuid}", item_detail)], lifespan=lifespan)
