"""The bare baseline of checkout: Starlette + asyncpg replaying one real checkout's SQL.

`checkout.py` records, with the real app in-process, every statement of one checkout
(text, parameters, and the transactions around them or none) and the bytes it answered.
`POST /checkout` runs those units in order on one pooled connection and answers
those bytes, with what must differ from one checkout to the next put in: the listing of
the request's first line, its `Idempotency-Key`, and a new UUIDv7 for every identifier
the recorded checkout created (orders, payment, ledger, events), wherever it appears
(parameters, JSON documents, the provider's idempotency key, the answer). What this
server cannot beat is PostgreSQL and the network; what Reloop loses beyond it is our
overhead (authentication, validation, the ORM, the payment provider's interface,
serialisation, the jobs sent after commit).

    RELOOP_DATABASE_URL=... BASELINE_CHECKOUT=checkout.json uvicorn baseline_checkout:app
"""

import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import uuid_utils
from baseline_feed import decode
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

state: dict[str, Any] = {}


@asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    state["pool"] = await asyncpg.create_pool(
        os.environ["RELOOP_DATABASE_URL"], min_size=5, max_size=10
    )
    recorded = json.loads(Path(os.environ["BASELINE_CHECKOUT"]).read_text("utf-8"))  # noqa: ASYNC240 (startup)
    state["units"] = [
        (
            unit["autocommit"],
            [(sql, decode(params), many) for sql, params, many in unit["statements"]],
        )
        for unit in recorded["units"]
    ]
    state["fresh"] = recorded["fresh"]
    state["item"] = recorded["item"]
    state["key"] = recorded["key"]
    state["body"] = recorded["body"]
    yield
    await state["pool"].close()


def _substitute(value: Any, swaps: dict[str, str]) -> Any:
    """`value` with every recorded identifier (and the key) swapped for this request's."""
    if isinstance(value, uuid.UUID):
        swapped = swaps.get(str(value))
        return uuid.UUID(swapped) if swapped else value
    if isinstance(value, str):
        if value in swaps:
            return swaps[value]
        for old, new in swaps.items():
            if old in value:
                value = value.replace(old, new)
        return value
    if isinstance(value, list | tuple):
        return [_substitute(v, swaps) for v in value]
    return value


async def _run(
    conn: asyncpg.Connection, statements: list[tuple[str, Any, bool]], swaps: dict[str, str]
) -> None:
    for sql, params, many in statements:
        if many:
            await conn.executemany(sql, _substitute(params, swaps))
        else:
            await conn.fetch(sql, *_substitute(params, swaps))


async def checkout(request: Request) -> Response:
    body = json.loads(await request.body())
    swaps = {old: str(uuid.UUID(bytes=uuid_utils.uuid7().bytes)) for old in state["fresh"]}
    swaps[state["item"]] = body["lines"][0]["item_id"]
    swaps[state["key"]] = request.headers["Idempotency-Key"]
    async with state["pool"].acquire() as conn:
        for autocommit, statements in state["units"]:
            if autocommit:
                await _run(conn, statements, swaps)
            else:
                async with conn.transaction():
                    await _run(conn, statements, swaps)
    answer = _substitute(state["body"], swaps)
    return Response(answer.encode(), status_code=201, media_type="application/json")


app = Starlette(routes=[Route("/checkout", checkout, methods=["POST"])], lifespan=lifespan)
