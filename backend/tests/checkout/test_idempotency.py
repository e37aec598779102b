"""Idempotency keys (DESIGN.md §5.3), through checkout and a probe route of this module."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from httpx import AsyncClient
from sqlalchemy import func, insert, select, text, update

from reloop.access.deps import CurrentMember
from reloop.kit.db import Database
from reloop.kit.deps import SessionDep
from reloop.kit.errors import RateLimited, ServiceUnavailable
from reloop.kit.idempotency import (
    IN_FLIGHT_LEASE_S,
    Claim,
    IdempotencyKeyDep,
    fingerprint,
    run_idempotent,
    sweep_expired,
)
from reloop.models.idempotency import IdempotencyKey, IdempotencyState
from reloop.models.order import Order
from reloop.models.payment import Payment
from tests.checkout.conftest import Market
from tests.factories.commerce import checkout_body
from tests.fixtures.probe_router import router as probe_router

PATH = "/api/v1/checkout"
probe = APIRouter()
_calls: dict[str, int] = {}


@probe.post("/_probe/idempotent")
async def idempotent_probe(
    request: Request, principal: CurrentMember, key: IdempotencyKeyDep, session: SessionDep
) -> Response:
    """Fails with `fail` (500, 503, or 429 with Retry-After) on the first call, then 200."""
    body = orjson.loads(await request.body())

    async def handle(_claim: Claim) -> Response:
        _calls[key] = _calls.get(key, 0) + 1
        if _calls[key] == 1 and body.get("fail") == 500:
            raise RuntimeError("boom")
        if _calls[key] == 1 and body.get("fail") == 503:
            raise ServiceUnavailable()
        if _calls[key] == 1 and body.get("fail") == 429:
            raise RateLimited(1)
        return JSONResponse({"call": _calls[key]})

    await session.commit()  # the sign-in's read: one connection at a time, as routes do
    return await run_idempotent(request, principal.user.id, key, handle, ttl_s=60)


@pytest.fixture
def extra_routers() -> tuple[APIRouter, ...]:
    return (probe_router, probe)


@pytest.fixture
async def item(market: Market) -> uuid.UUID:
    return await market.listing(quantity=10)


async def _orders(database: Database) -> int:
    async with database.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(Order)) or 0)


async def _claim_row(database: Database, market: Market, key: str, **values: Any) -> None:
    async with database.transaction() as session:
        await session.execute(
            insert(IdempotencyKey).values(
                user_id=market.buyers[0].id,
                key=key,
                created_at=datetime.now(UTC),
                expires_at=datetime.now(UTC) + timedelta(hours=1),
                **values,
            )
        )


async def test_a_retry_with_the_same_key_replays_the_first_answer(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    headers = {**market.buyers[0].headers, "Idempotency-Key": "retry-1"}
    body = checkout_body([(item, 1, 2500)])

    first = await client.post(PATH, json=body, headers=headers)
    again = await client.post(PATH, json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert "idempotent-replayed" not in first.headers
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert await _orders(database) == 1


async def test_the_answer_is_stored_in_the_transaction_that_records_the_capture(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    headers = {**market.buyers[0].headers, "Idempotency-Key": "one-transaction"}

    answer = await client.post(PATH, json=checkout_body([(item, 1, 2500)]), headers=headers)

    assert answer.status_code == 201
    async with database.sessionmaker() as session:
        stored_by = await session.scalar(
            select(text("xmin::text"))
            .select_from(IdempotencyKey)
            .where(IdempotencyKey.key == "one-transaction")
        )
        captured_by = await session.scalar(
            select(text("xmin::text"))
            .select_from(Payment)
            .where(Payment.checkout_id == uuid.UUID(answer.json()["id"]))
        )
    assert stored_by is not None
    assert stored_by == captured_by


async def test_the_same_body_in_another_key_order_is_the_same_request(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    headers = {**market.buyers[0].headers, "Idempotency-Key": "reordered"}
    body = checkout_body([(item, 1, 2500)])
    reordered = dict(reversed(list(body.items())))

    await client.post(PATH, json=body, headers=headers)
    again = await client.post(PATH, json=reordered, headers=headers)

    assert again.headers["idempotent-replayed"] == "true"


async def test_a_key_reused_for_another_request_is_refused(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    headers = {**market.buyers[0].headers, "Idempotency-Key": "reused"}
    await client.post(PATH, json=checkout_body([(item, 1, 2500)]), headers=headers)

    other = await client.post(PATH, json=checkout_body([(item, 2, 2500)]), headers=headers)

    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert await _orders(database) == 1


async def test_a_request_still_in_flight_answers_409_with_retry_after(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    body = checkout_body([(item, 1, 2500)])
    print_ = fingerprint("POST", PATH, orjson.dumps(body))
    await _claim_row(database, market, "running", fingerprint=print_, state="in_flight")

    response = await client.post(
        PATH, json=body, headers={**market.buyers[0].headers, "Idempotency-Key": "running"}
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "idempotency_request_in_flight"
    assert response.headers["retry-after"] == "1"
    assert await _orders(database) == 0


async def test_a_claim_abandoned_by_a_dead_process_is_taken_over(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    body = checkout_body([(item, 1, 2500)])
    print_ = fingerprint("POST", PATH, orjson.dumps(body))
    await _claim_row(database, market, "abandoned", fingerprint=print_, state="in_flight")
    async with database.transaction() as session:
        await session.execute(
            update(IdempotencyKey).values(
                created_at=datetime.now(UTC) - timedelta(seconds=IN_FLIGHT_LEASE_S + 1)
            )
        )

    response = await client.post(
        PATH, json=body, headers={**market.buyers[0].headers, "Idempotency-Key": "abandoned"}
    )

    assert response.status_code == 201


async def test_an_expired_key_is_ignored(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    await _claim_row(database, market, "old", fingerprint="0" * 64, state="done")
    async with database.transaction() as session:
        await session.execute(
            update(IdempotencyKey).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )

    response = await client.post(
        PATH,
        json=checkout_body([(item, 1, 2500)]),
        headers={**market.buyers[0].headers, "Idempotency-Key": "old"},
    )

    assert response.status_code == 201
    assert "idempotent-replayed" not in response.headers


async def test_keys_belong_to_one_member(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    body = checkout_body([(item, 1, 2500)])
    for buyer in market.buyers[:2]:
        response = await client.post(
            PATH, json=body, headers={**buyer.headers, "Idempotency-Key": "shared-key"}
        )
        assert response.status_code == 201
        assert "idempotent-replayed" not in response.headers
    assert await _orders(database) == 2


async def test_a_refusal_is_stored_and_replayed_too(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    database: Database,
) -> None:
    headers = {**market.buyers[0].headers, "Idempotency-Key": "stale-price"}
    body = checkout_body([(item, 1, 999)])

    first = await client.post(PATH, json=body, headers=headers)
    again = await client.post(PATH, json=body, headers=headers)

    assert first.status_code == again.status_code == 409
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()


@pytest.mark.parametrize("key", ["", "has space", "x" * 256, "a/b"])
async def test_a_malformed_key_is_refused(
    client: AsyncClient,
    market: Market,
    item: uuid.UUID,
    key: str,
) -> None:
    response = await client.post(
        PATH,
        json=checkout_body([(item, 1, 2500)]),
        headers={**market.buyers[0].headers, "Idempotency-Key": key},
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] in {
        "idempotency_key_missing",
        "idempotency_key_invalid",
    }


@pytest.mark.parametrize("status", [500, 503, 429])
async def test_a_server_error_or_a_retry_later_releases_the_key(
    client: AsyncClient,
    market: Market,
    status: int,
) -> None:
    headers = {**market.buyers[0].headers, "Idempotency-Key": f"fails-{status}"}

    first = await client.post("/api/v1/_probe/idempotent", json={"fail": status}, headers=headers)
    retry = await client.post("/api/v1/_probe/idempotent", json={"fail": status}, headers=headers)

    assert first.status_code == status
    assert retry.status_code == 200
    assert retry.json() == {"call": 2}


async def test_the_sweep_deletes_only_expired_keys(
    database: Database,
    market: Market,
) -> None:
    await _claim_row(database, market, "live", fingerprint="1" * 64, state="done")
    await _claim_row(database, market, "gone", fingerprint="2" * 64, state="done")
    async with database.transaction() as session:
        await session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.key == "gone")
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )

    assert await sweep_expired(database, datetime.now(UTC)) == 1

    async with database.sessionmaker() as session:
        keys = (await session.scalars(select(IdempotencyKey.key))).all()
        states = (await session.scalars(select(IdempotencyKey.state))).all()
    assert keys == ["live"]
    assert states == [IdempotencyState.done]
