"""Idempotency keys for writes (DESIGN.md §5.3): a retried request replays its first answer.

A client that lost the answer to a write (a timeout, a dropped connection) sends the same
request again with the same `Idempotency-Key`; it must get the first answer back, not a
second charge. Keys are per member, kept `settings.idempotency_ttl_s` (24 h), then swept.

How to use it in a route (checkout and `POST /orders/{id}/pay` do):

    from reloop.kit.idempotency import IdempotencyKeyDep, run_idempotent, IDEMPOTENCY_ERRORS

    @router.post("/things", responses=error_responses(*IDEMPOTENCY_ERRORS, ...))
    async def post_thing(request: Request, key: IdempotencyKeyDep, buyer_id: VerifiedMemberId,
                         settings: SettingsDep, body: ThingIn) -> Response:
        async def handle(claim: Claim) -> Response:
            ...                  # the work, in its own transaction(s)
            return JSONResponse(payload, status_code=201)
        return await run_idempotent(
            request, buyer_id, key, handle, ttl_s=settings.idempotency_ttl_s
        )

- `IdempotencyKeyDep` reads the header: missing → 400 `idempotency_key_missing`; longer
  than 255 or outside `[A-Za-z0-9_.:-]` → 400 `idempotency_key_invalid`.
- `run_idempotent` claims the key with one statement in autocommit (`INSERT … ON
  CONFLICT` on (user_id, key)), so a concurrent duplicate sees the claim at once; the
  route holds no connection of its own meanwhile, so each step after holds one
  connection at a time:
  - same fingerprint, done → the stored status, headers and body, plus
    `Idempotent-Replayed: true`;
  - same fingerprint, still running → 409 `idempotency_request_in_flight`, `Retry-After`;
  - another fingerprint (sha256 of method, path and canonical JSON body) → 422
    `idempotency_key_reused`;
  - an expired key, or an in-flight claim older than `IN_FLIGHT_LEASE_S` (its process
    died) → claimed afresh.
- `handle(claim)` returns the response or raises an `AppError`. Any final answer below
  500 (a 201, a 402 decline, a 409 conflict) is stored on the key (by `handle` itself in
  its last transaction with `Claim.store`, as checkout does, or after it returns); a 5xx,
  an error that carries `Retry-After` (such as `checkout_busy`), an unexpected exception
  or a cancelled request releases the key so the client may retry with it.
- `sweep_expired(database, now)` deletes expired keys (beat: `checkout.sweep_idempotency_keys`).
"""

import hashlib
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import anyio
import orjson
import structlog
from fastapi import Depends, Header, Request, Response
from sqlalchemy import and_, bindparam, delete, or_, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import ReturningInsert

from reloop.kit.db import Database
from reloop.kit.driver_statement import DriverStatement
from reloop.kit.errors import AppError, BadRequest, Conflict, ValidationFailed
from reloop.kit.exception_handlers import handle_app_error
from reloop.kit.jobs import on_commit
from reloop.models.idempotency import IdempotencyKey, IdempotencyState

logger = structlog.get_logger(__name__)

MAX_KEY_LENGTH = 255
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.:\-]{1,255}$")
# A claim this old whose request never finished belongs to a process that died; no request
# runs this long (statement and provider timeouts are seconds).
IN_FLIGHT_LEASE_S = 60
_REPLAYED_HEADERS = ("content-type", "location")
REPLAYED_HEADER = "Idempotent-Replayed"


class IdempotencyKeyMissing(BadRequest):
    code = "idempotency_key_missing"
    message = "Send an Idempotency-Key header with this request."


class IdempotencyKeyInvalid(BadRequest):
    code = "idempotency_key_invalid"
    message = "The Idempotency-Key must be 1 to 255 letters, digits or _ . : -"


class IdempotencyRequestInFlight(Conflict):
    code = "idempotency_request_in_flight"
    message = "A request with this Idempotency-Key is still running; retry shortly."


class IdempotencyKeyReused(ValidationFailed):
    code = "idempotency_key_reused"
    message = "This Idempotency-Key was used for a different request."


IDEMPOTENCY_ERRORS: tuple[type[AppError], ...] = (
    IdempotencyKeyMissing,
    IdempotencyKeyInvalid,
    IdempotencyRequestInFlight,
    IdempotencyKeyReused,
)


async def idempotency_key(
    key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="A unique key per intended write (a UUID); retries reuse it.",
        ),
    ] = None,
) -> str:
    """The request's key, checked (a FastAPI dependency)."""
    if key is None or not key.strip():
        raise IdempotencyKeyMissing()
    if not _KEY_PATTERN.match(key):
        raise IdempotencyKeyInvalid()
    return key


IdempotencyKeyDep = Annotated[str, Depends(idempotency_key)]


def fingerprint(method: str, path: str, body: bytes) -> str:
    """sha256 of the method, the path and the body as canonical JSON (sorted keys).

    Two bodies that differ only in key order or whitespace are the same request.
    """
    try:
        canonical = orjson.dumps(orjson.loads(body), option=orjson.OPT_SORT_KEYS) if body else b""
    except orjson.JSONDecodeError:
        canonical = body
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), canonical):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _replay(row: IdempotencyKey) -> Response:
    headers = dict(row.response_headers or {})
    headers[REPLAYED_HEADER] = "true"
    body = orjson.dumps(row.response_body) if row.response_body is not None else b""
    return Response(
        content=body,
        status_code=row.response_status or 200,
        headers=headers,
        media_type=headers.pop("content-type", "application/json"),
    )


def _claim_statement() -> ReturningInsert[tuple[str]]:
    # Built once: every idempotent request runs it, and building it (the ON CONFLICT set
    # and its conditions) took more CPU than PostgreSQL takes to run it.
    values = {
        "user_id": bindparam("user_id"),
        "key": bindparam("key"),
        "fingerprint": bindparam("fingerprint"),
        "state": IdempotencyState.in_flight,
        "response_status": None,
        "response_headers": None,
        "response_body": None,
        "created_at": bindparam("now"),
        "expires_at": bindparam("expires_at"),
    }
    statement = insert(IdempotencyKey).values(values)
    # Expired keys and abandoned claims are taken over in the same statement; anything
    # else stays as it is and is read back below.
    return statement.on_conflict_do_update(
        index_elements=[IdempotencyKey.user_id, IdempotencyKey.key],
        set_={name: statement.excluded[name] for name in values if name not in ("user_id", "key")},
        where=or_(
            IdempotencyKey.expires_at <= bindparam("now"),
            and_(
                IdempotencyKey.state == IdempotencyState.in_flight,
                IdempotencyKey.created_at <= bindparam("lease_started_before"),
            ),
        ),
    ).returning(IdempotencyKey.key)


_CLAIM = DriverStatement(_claim_statement())


async def _claim(
    database: Database, user_id: uuid.UUID, key: str, print_: str, ttl_s: int
) -> Response | None:
    """Claim the key (None) or answer for it: a replay, or raise in-flight / reused.

    The claim is one statement and commits on its own: it must be visible to a
    concurrent duplicate at once, and the request's own work runs in transactions of its
    own. A refused claim reads the key that stood in the way, as committed by then.
    """
    now = datetime.now(UTC)
    parameters = {
        "user_id": user_id,
        "key": key,
        "fingerprint": print_,
        "now": now,
        "expires_at": now + timedelta(seconds=ttl_s),
        "lease_started_before": now - timedelta(seconds=IN_FLIGHT_LEASE_S),
    }
    async with database.autocommit() as session:
        if await _CLAIM.rows(session, parameters):
            return None
        row = await session.scalar(
            select(IdempotencyKey).where(
                IdempotencyKey.user_id == user_id, IdempotencyKey.key == key
            )
        )
    if row is not None and row.fingerprint != print_:
        raise IdempotencyKeyReused()
    # None: the claim that stood in the way was released in between; a retry claims it.
    if row is None or row.state == IdempotencyState.in_flight:
        raise IdempotencyRequestInFlight(headers={"Retry-After": "1"})
    return _replay(row)


def _stored_body(response: Response) -> Any:
    raw = bytes(response.body)
    if not raw:
        return None
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw.decode("utf-8", "replace")


# Built once, as `_CLAIM` is: every idempotent request stores its answer with it (its
# parameters may not take the names of the columns it sets).
_STORE = DriverStatement(
    update(IdempotencyKey)
    .where(
        IdempotencyKey.user_id == bindparam("the_user_id"),
        IdempotencyKey.key == bindparam("the_key"),
        IdempotencyKey.fingerprint == bindparam("the_fingerprint"),
    )
    .values(
        state=IdempotencyState.done,
        response_status=bindparam("the_status"),
        response_headers=bindparam("the_headers"),
        response_body=bindparam("the_body"),
    )
    .execution_options(synchronize_session=False)
)


@dataclass(slots=True)
class Claim:
    """The claimed key of the running request; `handle(claim)` may store its answer itself.

    A handler whose last transaction decides the answer stores it there (`store`), so the
    answer commits with the work it describes and the request saves a transaction of its
    own. Otherwise `run_idempotent` stores it once `handle(claim)` returns.
    """

    user_id: uuid.UUID
    key: str
    fingerprint: str
    stored: bool = False

    async def store(self, session: AsyncSession, response: Response) -> None:
        """Record `response` as the key's answer in `session`'s transaction.

        `stored` turns true once that transaction commits: if it rolls back instead,
        `run_idempotent` still stores (or releases) the key.
        """
        headers = {h: response.headers[h] for h in _REPLAYED_HEADERS if h in response.headers}
        await _STORE.rows(
            session,
            {
                "the_user_id": self.user_id,
                "the_key": self.key,
                "the_fingerprint": self.fingerprint,
                "the_status": response.status_code,
                "the_headers": headers,
                "the_body": _stored_body(response),
            },
        )

        async def committed() -> None:
            self.stored = True

        on_commit(session, committed)


async def _store(database: Database, claim: Claim, response: Response) -> None:
    async with database.transaction() as session:
        await claim.store(session, response)


async def _release(database: Database, user_id: uuid.UUID, key: str, print_: str) -> None:
    # Shielded: a cancelled request (client gone) must still hand its key back.
    with anyio.CancelScope(shield=True):
        try:
            async with database.transaction() as session:
                await session.execute(
                    delete(IdempotencyKey).where(
                        IdempotencyKey.user_id == user_id,
                        IdempotencyKey.key == key,
                        IdempotencyKey.fingerprint == print_,
                        IdempotencyKey.state == IdempotencyState.in_flight,
                    )
                )
        except Exception:
            # The lease (`IN_FLIGHT_LEASE_S`) frees the key if even this fails.
            logger.exception("idempotency.release_failed", key=key)


async def run_idempotent(
    request: Request,
    user_id: uuid.UUID,
    key: str,
    handle: Callable[[Claim], Awaitable[Response]],
    *,
    ttl_s: int,
) -> Response:
    """Run `handle(claim)` at most once per (member, key, request); see the module docstring.

    The route reads who is asking with `VerifiedMemberId` and opens no session of its
    own, so the request holds one connection at a time.
    """
    database: Database = request.app.state.db
    print_ = fingerprint(request.method, request.url.path, await request.body())
    replay = await _claim(database, user_id, key, print_, ttl_s)
    if replay is not None:
        return replay
    claim = Claim(user_id, key, print_)
    try:
        response = await handle(claim)
    except AppError as exc:
        if exc.status_code >= 500 or "Retry-After" in exc.headers:
            # Transient (a 5xx, or "busy, retry after"): the retry must run, not replay.
            await _release(database, user_id, key, print_)
            raise
        response = await handle_app_error(request, exc)
    except BaseException:
        await _release(database, user_id, key, print_)
        raise
    if response.status_code >= 500:
        await _release(database, user_id, key, print_)
        return response
    if claim.stored:
        return response
    try:
        await _store(database, claim, response)
    except Exception:
        # The work is done and committed: releasing the key would let a retry do it again.
        # The claim stays in flight until its lease passes; this client has its answer.
        logger.exception("idempotency.store_failed", key=key)
    return response


async def sweep_expired(database: Database, now: datetime, *, batch: int = 5000) -> int:
    """Delete expired keys in batches; how many went."""
    removed = 0
    while True:
        async with database.transaction() as session:
            doomed = (
                select(IdempotencyKey.user_id, IdempotencyKey.key)
                .where(IdempotencyKey.expires_at <= now)
                .limit(batch)
            )
            result = await session.execute(
                delete(IdempotencyKey)
                .where(tuple_(IdempotencyKey.user_id, IdempotencyKey.key).in_(doomed))
                .returning(IdempotencyKey.key)
            )
            count = len(result.all())
        removed += count
        if count < batch:
            return removed
