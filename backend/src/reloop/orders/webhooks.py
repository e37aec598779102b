"""Stripe's webhook: a PaymentIntent's outcome, recorded exactly once.

The capture and the webhook may both report one outcome, in either order; both go
through `record_capture`, which locks the payment and ignores it once final.
"""

import uuid
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from sqlalchemy import select

from reloop.kit.deps import CacheDep, SessionDep, SettingsDep
from reloop.kit.errors import error_responses
from reloop.kit.schemas import Schema
from reloop.models.payment import Payment
from reloop.orders.capture import record_capture
from reloop.payments.errors import WebhookSignatureInvalid
from reloop.payments.providers import CaptureResult
from reloop.payments.stripe_provider import WebhookEvent, parse_webhook

router = APIRouter(tags=["payments"])


class WebhookAck(Schema):
    received: bool


def _payment_uuid(event: WebhookEvent) -> uuid.UUID | None:
    try:
        return uuid.UUID(event.payment_id) if event.payment_id else None
    except ValueError:
        return None


@router.post(
    "/payments/webhooks/stripe",
    response_model=WebhookAck,
    summary="Stripe events about PaymentIntents (signed with the endpoint secret)",
    responses=error_responses(WebhookSignatureInvalid),
)
async def stripe_webhook(
    request: Request, session: SessionDep, settings: SettingsDep, cache: CacheDep
) -> WebhookAck:
    event = parse_webhook(settings, await request.body(), request.headers.get("stripe-signature"))
    if event is None:
        return WebhookAck(received=True)
    by_id = _payment_uuid(event)
    condition = (
        Payment.id == by_id
        if by_id is not None
        else (Payment.provider == "stripe") & (Payment.provider_ref == event.payment_intent_id)
    )
    payment_id = await session.scalar(select(Payment.id).where(condition))
    if payment_id is None:
        return WebhookAck(received=True)
    result = (
        CaptureResult("succeeded", event.payment_intent_id)
        if event.type == "payment_intent.succeeded"
        else CaptureResult(
            "declined",
            event.payment_intent_id,
            event.failure_code or "card_declined",
            event.failure_message or "The card was declined.",
        )
    )
    await record_capture(session, settings, payment_id, result, datetime.now(UTC), cache=cache)
    return WebhookAck(received=True)
