"""The bare baseline of the feed and search: Starlette + asyncpg replaying one real request.

`feed.py` and `search.py` record, with the real app in-process, every statement (text
and parameters) a request runs, and the bytes the running API answers;
`GET /replay/{scenario}` runs those statements in order on one pooled connection and
returns those bytes. What this server cannot beat is PostgreSQL and the network; what
Reloop loses beyond it is our overhead (authentication, the ORM, serialisation,
middleware).

    RELOOP_DATABASE_URL=... BASELINE_REPLAY=replay.json uvicorn baseline_feed:app
"""

import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

state: dict[str, Any] = {}


def decode(value: Any) -> Any:
    """Parameters as `feed.py` tagged them: `{"uuid": …}`, `{"datetime": …}`, lists, scalars."""
    if isinstance(value, dict):
        if "uuid" in value:
            return uuid.UUID(value["uuid"])
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


@asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    state["pool"] = await asyncpg.create_pool(
        os.environ["RELOOP_DATABASE_URL"], min_size=5, max_size=10
    )
    replay = json.loads(Path(os.environ["BASELINE_REPLAY"]).read_text("utf-8"))  # noqa: ASYNC240 (startup)
    state["replay"] = {
        name: (
            [(sql, [decode(p) for p in params]) for sql, params in scenario["statements"]],
            scenario["body"].encode(),
        )
        for name, scenario in replay.items()
    }
    yield
    await state["pool"].close()


async def replay(request: Request) -> Response:
    statements, body = state["replay"][request.path_params["scenario"]]
    async with state["pool"].acquire() as conn:
        for sql, params in statements:
            await conn.fetch(sql, *params)
    return Response(body, media_type="application/json")


app = Starlette(routes=[Route("/replay/{scenario}", replay)], lifespan=lifespan)
