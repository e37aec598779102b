"""Stripe: PaymentIntents created and confirmed in one call, refunds, and webhooks.

Every call sends our idempotency key as Stripe's `Idempotency-Key`, so a retry after a
lost answer gets the first PaymentIntent back. Stripe's own network retries are off:
the capture task owns retrying, with the same key.
"""

import re
from dataclasses import dataclass
from typing import Any

import stripe

from reloop.config import Settings
from reloop.payments.errors import InvalidPaymentMethod, WebhookSignatureInvalid
from reloop.payments.providers import CaptureResult, TransientPaymentError

_SETTLED = frozenset({"succeeded", "requires_payment_method", "canceled"})
_PAYMENT_METHOD = re.compile(r"^pm_[A-Za-z0-9_]{1,200}$")
_TRANSIENT = (
    stripe.APIConnectionError,
    stripe.RateLimitError,
    stripe.APIError,
)


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    type: str
    payment_intent_id: str
    payment_id: str | None
    failure_code: str | None
    failure_message: str | None


def _secret(value: Any) -> str:
    return value.get_secret_value() if value is not None else ""


class StripeProvider:
    name = "stripe"

    def __init__(self, settings: Settings) -> None:
        self._client = stripe.StripeClient(
            _secret(settings.stripe_api_key),
            base_addresses={"api": settings.stripe_api_base},
            http_client=stripe.HTTPXClient(timeout=settings.payment_timeout_s),
            max_network_retries=0,
        )

    async def tokenize(self, payment_method: str) -> str:
        """The SPA tokenizes cards with Stripe.js: we only accept a PaymentMethod id."""
        if not _PAYMENT_METHOD.match(payment_method):
            raise InvalidPaymentMethod(details={"field": "payment_method"})
        return payment_method

    async def capture(
        self, *, idempotency_key: str, amount: int, currency: str, payment_method_ref: str
    ) -> CaptureResult:
        """Create and confirm a PaymentIntent (one per key); declines come back as results."""
        payment_id = idempotency_key.split(":")[1] if idempotency_key.count(":") == 2 else ""
        try:
            intent = await self._client.v1.payment_intents.create_async(
                {
                    "amount": amount,
                    "currency": currency.lower(),
                    "payment_method": payment_method_ref,
                    "confirm": True,
                    "automatic_payment_methods": {"enabled": True, "allow_redirects": "never"},
                    "metadata": {"payment_id": payment_id},
                },
                {"idempotency_key": idempotency_key},
            )
            if intent.status not in _SETTLED:
                # A repeated key answers Stripe's first (cached) response: read the intent
                # itself for how it stands now.
                intent = await self._client.v1.payment_intents.retrieve_async(intent.id)
        except stripe.CardError as exc:
            error = exc.error
            code = (error.decline_code if error else None) or exc.code or "card_declined"
            intent_ref = error.payment_intent.id if error and error.payment_intent else None
            return CaptureResult("declined", intent_ref, code, exc.user_message or str(exc))
        except _TRANSIENT as exc:
            raise TransientPaymentError(str(exc)) from exc
        if intent.status == "requires_payment_method":
            last = intent.last_payment_error
            reason = (last.decline_code or last.code) if last else None
            return CaptureResult(
                "declined", intent.id, reason or "card_declined", last.message if last else None
            )
        if intent.status != "succeeded":
            # `processing` and friends: the webhook (or the next retry) tells the outcome.
            raise TransientPaymentError(f"payment intent {intent.id} is {intent.status}")
        return CaptureResult("succeeded", intent.id)

    async def refund(self, *, idempotency_key: str, provider_ref: str, amount: int) -> None:
        """Refund part or all of a PaymentIntent, once per key."""
        try:
            await self._client.v1.refunds.create_async(
                {"payment_intent": provider_ref, "amount": amount},
                {"idempotency_key": idempotency_key},
            )
        except _TRANSIENT as exc:
            raise TransientPaymentError(str(exc)) from exc


def parse_webhook(settings: Settings, payload: bytes, signature: str | None) -> WebhookEvent | None:
    """A verified PaymentIntent event, `None` for event types we do not act on.

    The `Stripe-Signature` header (`t=…,v1=…`, HMAC-SHA256 of `t.payload` with the
    endpoint secret, within five minutes) is checked before anything is read.
    """
    try:
        event = stripe.Webhook.construct_event(
            payload, signature or "", _secret(settings.stripe_webhook_secret)
        )
    except (stripe.SignatureVerificationError, ValueError) as exc:
        raise WebhookSignatureInvalid() from exc
    if event.type not in {"payment_intent.succeeded", "payment_intent.payment_failed"}:
        return None
    intent = event.data.object.to_dict()
    error = intent.get("last_payment_error") or {}
    metadata = intent.get("metadata") or {}
    return WebhookEvent(
        type=event.type,
        payment_intent_id=intent["id"],
        payment_id=metadata.get("payment_id") or None,
        failure_code=error.get("decline_code") or error.get("code"),
        failure_message=error.get("message"),
    )
