"""A local HTTP server speaking the part of Stripe's API the Stripe provider uses.

PaymentIntents (create and confirm in one call, read back) and refunds, with Stripe's
idempotency rule: a repeated `Idempotency-Key` answers the first response. Test payment
methods behave like Stripe's: `pm_card_visa` succeeds, `pm_card_chargeDeclined` and
`pm_card_chargeDeclinedInsufficientFunds` are declined, `pm_card_processing` stays
`processing` until the test settles it. `lose_next_answers` makes the
server create the PaymentIntent and then answer 503, as a lost response would look.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.fixtures.live_server import free_port

PROCESSING = "pm_card_processing"  # settles later (the test moves it along)
DECLINES = {
    "pm_card_chargeDeclined": ("card_declined", "generic_decline"),
    "pm_card_chargeDeclinedInsufficientFunds": ("card_declined", "insufficient_funds"),
}


@dataclass
class FakeStripe:
    intents: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    lose_next_answers: int = 0
    requests: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _intent(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        method = form.get("payment_method", "")
        intent: dict[str, Any] = {
            "id": f"pi_{next(self._ids)}",
            "object": "payment_intent",
            "amount": int(form["amount"]),
            "currency": form["currency"],
            "payment_method": method,
            "metadata": {"payment_id": form.get("metadata[payment_id]", "")},
            "status": "succeeded",
            "last_payment_error": None,
        }
        self.intents[intent["id"]] = intent
        if method == PROCESSING:
            intent["status"] = "processing"
        if method in DECLINES:
            code, decline = DECLINES[method]
            intent["status"] = "requires_payment_method"
            error = {
                "type": "card_error",
                "code": code,
                "decline_code": decline,
                "message": "Your card was declined.",
                "payment_intent": intent,
            }
            intent["last_payment_error"] = {k: v for k, v in error.items() if k != "payment_intent"}
            return 402, {"error": error}
        return 200, intent

    async def create_intent(self, request: Request) -> JSONResponse:
        return await self._idempotent(request, self._intent)

    async def create_refund(self, request: Request) -> JSONResponse:
        def refund(form: dict[str, str]) -> tuple[int, dict[str, Any]]:
            body = {
                "id": f"re_{next(self._ids)}",
                "object": "refund",
                "payment_intent": form["payment_intent"],
                "amount": int(form["amount"]),
                "status": "succeeded",
            }
            self.refunds.append(body)
            return 200, body

        return await self._idempotent(request, refund)

    async def read_intent(self, request: Request) -> JSONResponse:
        intent = self.intents.get(request.path_params["intent_id"])
        if intent is None:
            return JSONResponse({"error": {"type": "invalid_request_error"}}, status_code=404)
        return JSONResponse(intent)

    async def _idempotent(self, request: Request, make: Any) -> JSONResponse:
        self.requests += 1
        key = request.headers.get("idempotency-key", "")
        form = dict(parse_qsl((await request.body()).decode()))
        if key not in self.answers:
            self.answers[key] = make(form)
        if self.lose_next_answers:
            self.lose_next_answers -= 1
            return JSONResponse({"error": {"type": "api_error"}}, status_code=503)
        status, body = self.answers[key]
        return JSONResponse(body, status_code=status)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/payment_intents", self.create_intent, methods=["POST"]),
                Route("/v1/payment_intents/{intent_id}", self.read_intent, methods=["GET"]),
                Route("/v1/refunds", self.create_refund, methods=["POST"]),
            ]
        )


@asynccontextmanager
async def serving_fake_stripe() -> AsyncIterator[tuple[FakeStripe, str]]:
    fake = FakeStripe()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(fake.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.02)
        yield fake, f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
