"""Concurrent clients for the fault drills: requests in flight while the fault happens.

Each client sends its share of the mix back to back until told to stop and records every
answer: the path, when it started, how long it took and its status (0 when it did not
finish within the hang guard or the connection failed). Drills assert on these samples
and report counts from them; the guard is there to catch hangs, not to time anything.
`Scenery` is what they browse: a seller's listings and a signed-in member.
"""

import asyncio
import itertools
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from httpx import AsyncClient, Response, TransportError

from reloop.kit.db import Database
from tests.factories.items import choices
from tests.factories.social import insert_items
from tests.factories.users import bearer_headers, make_member

HANG_GUARD_S = 30.0
RECOVERY_GUARD_S = 30.0


@dataclass(frozen=True)
class Call:
    """One request of the mix; `needs_redis` marks paths allowed a 503 while Redis is down."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    json: Callable[[int], Any] | None = None
    needs_redis: bool = False


@dataclass(frozen=True)
class Sample:
    call: Call
    started: float
    latency_s: float
    status: int
    code: str | None

    @property
    def ended(self) -> float:
        return self.started + self.latency_s


def _error_code(response: Response) -> str | None:
    if response.status_code < 400:
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, dict) else None
    return error.get("code") if isinstance(error, dict) else None


class Traffic:
    """`clients` concurrent clients cycling through `mix` until the block ends."""

    def __init__(self, client: AsyncClient, mix: Sequence[Call], clients: int = 6) -> None:
        self.client = client
        self.mix = mix
        self.clients = clients
        self.samples: list[Sample] = []
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._sequence = itertools.count()

    async def __aenter__(self) -> "Traffic":
        self._tasks = [asyncio.create_task(self._run(offset)) for offset in range(self.clients)]
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self._stop.set()
        await asyncio.gather(*self._tasks)

    async def _one(self, call: Call) -> Sample:
        body = call.json(next(self._sequence)) if call.json else None
        started = time.monotonic()
        try:
            response = await asyncio.wait_for(
                self.client.request(call.method, call.path, headers=call.headers, json=body),
                HANG_GUARD_S,
            )
        except (TimeoutError, TransportError):
            return Sample(call, started, time.monotonic() - started, 0, None)
        return Sample(
            call, started, time.monotonic() - started, response.status_code, _error_code(response)
        )

    async def _run(self, offset: int) -> None:
        for call in itertools.islice(itertools.cycle(self.mix), offset, None):
            if self._stop.is_set():
                return
            self.samples.append(await self._one(call))

    def between(self, start: float, end: float = float("inf")) -> list[Sample]:
        """Samples of requests that started in [start, end)."""
        return [s for s in self.samples if start <= s.started < end]


def summary(samples: Iterable[Sample]) -> dict[str, float | int]:
    """Counts a drill reports: requests, 5xx, 503s, unfinished, slowest."""
    listed = list(samples)
    return {
        "requests": len(listed),
        "status_5xx": sum(1 for s in listed if s.status >= 500),
        "status_503": sum(1 for s in listed if s.status == 503),
        "unfinished": sum(1 for s in listed if s.status == 0),
        "max_latency_s": round(max((s.latency_s for s in listed), default=0.0), 3),
    }


def unwanted(samples: Iterable[Sample], allowed_503: set[str]) -> list[tuple[str, int, str | None]]:
    """Answers a member should never see: unfinished, or 5xx other than an allowed 503."""
    return [
        (s.call.path, s.status, s.code)
        for s in samples
        if s.status == 0 or (s.status >= 500 and not (s.status == 503 and s.code in allowed_503))
    ]


@dataclass
class Scenery:
    """A seller's listings and a signed-in member browsing them."""

    headers: dict[str, str]
    seller: str
    item_id: uuid.UUID

    def browsing(self) -> list[Call]:
        """Paths that need only the database: they must never answer 5xx without Redis."""
        return [
            Call("GET", "/api/v1/feed", self.headers),
            Call("GET", "/api/v1/feed/popular"),
            Call("GET", f"/api/v1/items/{self.item_id}", self.headers),
            Call("GET", "/api/v1/search/items?q=coat&sort=newest", self.headers),
            Call("GET", f"/api/v1/users/{self.seller}"),
            Call("GET", "/api/v1/notifications", self.headers),
            Call("GET", "/api/v1/_probe/database"),
        ]

    def with_cart(self) -> list[Call]:
        """Browsing plus the cart, which lives in Redis and answers 503 without it."""
        return [*self.browsing(), Call("GET", "/api/v1/cart", self.headers, needs_redis=True)]


async def scenery(client: AsyncClient, database: Database) -> Scenery:
    choice = await choices(database)
    seller = await make_member(database)
    items = await insert_items(database, choice, seller.user.id, 6, title="Wool coat")
    member = await make_member(database)
    return Scenery(await bearer_headers(client, member), seller.username, items[0])


async def until_healthy(client: AsyncClient, calls: Sequence[Call]) -> float:
    """Poll until `/readyz` and every call answer 200; the moment they first all did."""
    deadline = time.monotonic() + RECOVERY_GUARD_S
    while True:
        answers = [await client.get("/readyz")]
        answers += [await client.request(c.method, c.path, headers=c.headers) for c in calls]
        if all(answer.status_code == 200 for answer in answers):
            return time.monotonic()
        assert time.monotonic() < deadline, [(a.url.path, a.status_code) for a in answers]
        await asyncio.sleep(0.1)


async def until(condition: Callable[[], Awaitable[bool]], timeout_s: float, what: str) -> float:
    """Wait for `condition()`, polling; the moment it held."""
    deadline = time.monotonic() + timeout_s
    while not await condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)
    return time.monotonic()
