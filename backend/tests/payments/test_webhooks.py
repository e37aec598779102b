"""Stripe webhooks: signatures checked, PaymentIntent outcomes recorded exactly once."""

import hashlib
import hmac
import time
import uuid

import orjson
import pytest
from httpx import AsyncClient
from sqlalchemy import func, select

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.models.order import OrderEvent
from reloop.models.payment import Payment, PaymentStatus
from reloop.orders.capture import capture_payment
from reloop.payments.stripe_provider import StripeProvider
from tests.factories.items import choices
from tests.factories.orders import Placed, place, set_stock
from tests.factories.social import insert_items
from tests.factories.users import make_member
from tests.payments.conftest import WEBHOOK_SECRET
from tests.payments.fake_stripe import FakeStripe

pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=:DeprecationWarning")
URL = "/api/v1/payments/webhooks/stripe"


def _signed(payload: bytes, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    stamp = at or int(time.time())
    signature = hmac.new(secret.encode(), f"{stamp}.".encode() + payload, hashlib.sha256)
    return f"t={stamp},v1={signature.hexdigest()}"


def _event(kind: str, payment_id: uuid.UUID, intent: str = "pi_77", **extra: object) -> bytes:
    return orjson.dumps(
        {
            "id": "evt_1",
            "object": "event",
            "type": kind,
            "data": {
                "object": {
                    "id": intent,
                    "object": "payment_intent",
                    "metadata": {"payment_id": str(payment_id)},
                    **extra,
                }
            },
        }
    )


@pytest.fixture
async def stripe_order(database: Database) -> Placed:
    seller, buyer = await make_member(database), await make_member(database)
    item = (await insert_items(database, await choices(database), seller.user.id, 1))[0]
    await set_stock(database, item, 2)
    return await place(database, buyer.user.id, [(item, 1)], provider="stripe", card="pm_card_visa")


async def _payment(database: Database, payment_id: uuid.UUID) -> Payment:
    async with database.sessionmaker() as session:
        payment = await session.get(Payment, payment_id)
        assert payment is not None
        return payment


async def test_a_signed_success_pays_the_orders(
    client: AsyncClient, database: Database, stripe_order: Placed
) -> None:
    payload = _event("payment_intent.succeeded", stripe_order.payment_id)

    response = await client.post(
        URL,
        content=payload,
        headers={"Stripe-Signature": _signed(payload), "Content-Type": "application/json"},
    )

    assert response.status_code == 200, response.text
    payment = await _payment(database, stripe_order.payment_id)
    assert (payment.status, payment.provider_ref) == (PaymentStatus.succeeded, "pi_77")


async def test_a_redelivered_event_changes_nothing_more(
    client: AsyncClient, database: Database, stripe_order: Placed
) -> None:
    payload = _event("payment_intent.succeeded", stripe_order.payment_id)
    headers = {"Stripe-Signature": _signed(payload), "Content-Type": "application/json"}

    for _ in range(3):
        assert (await client.post(URL, content=payload, headers=headers)).status_code == 200

    async with database.sessionmaker() as session:
        paid = await session.scalar(
            select(func.count()).select_from(OrderEvent).where(OrderEvent.type == "paid")
        )
    assert paid == 1


async def test_a_failed_intent_fails_the_payment_with_the_decline_code(
    client: AsyncClient, database: Database, stripe_order: Placed
) -> None:
    payload = _event(
        "payment_intent.payment_failed",
        stripe_order.payment_id,
        last_payment_error={
            "code": "card_declined",
            "decline_code": "insufficient_funds",
            "message": "No funds.",
        },
    )

    await client.post(
        URL,
        content=payload,
        headers={"Stripe-Signature": _signed(payload), "Content-Type": "application/json"},
    )

    payment = await _payment(database, stripe_order.payment_id)
    assert (payment.status, payment.failure_code) == (PaymentStatus.failed, "insufficient_funds")


@pytest.mark.parametrize(
    "signature",
    [
        _signed(b"something else"),
        _signed(b"", secret="whsec_wrong"),
        "t=1,v1=deadbeef",
        "",
    ],
    ids=["other-payload", "wrong-secret", "stale-and-wrong", "missing"],
)
async def test_a_badly_signed_event_is_refused_and_changes_nothing(
    client: AsyncClient, database: Database, stripe_order: Placed, signature: str
) -> None:
    payload = _event("payment_intent.succeeded", stripe_order.payment_id)

    response = await client.post(
        URL,
        content=payload,
        headers={"Stripe-Signature": signature, "Content-Type": "application/json"},
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "webhook_signature_invalid"
    assert (await _payment(database, stripe_order.payment_id)).status is PaymentStatus.pending


async def test_an_old_signature_is_refused(client: AsyncClient, stripe_order: Placed) -> None:
    payload = _event("payment_intent.succeeded", stripe_order.payment_id)
    old = _signed(payload, at=int(time.time()) - 3600)

    response = await client.post(
        URL, content=payload, headers={"Stripe-Signature": old, "Content-Type": "application/json"}
    )

    assert response.status_code == 400


async def test_events_we_do_not_act_on_are_acknowledged(
    client: AsyncClient, database: Database, stripe_order: Placed
) -> None:
    payload = _event("charge.refunded", stripe_order.payment_id)

    response = await client.post(
        URL,
        content=payload,
        headers={"Stripe-Signature": _signed(payload), "Content-Type": "application/json"},
    )

    assert response.json() == {"received": True}
    assert (await _payment(database, stripe_order.payment_id)).status is PaymentStatus.pending


async def test_a_stripe_capture_and_its_webhook_record_the_payment_once(
    client: AsyncClient,
    database: Database,
    settings: Settings,
    stripe_order: Placed,
    fake_stripe: tuple[FakeStripe, str],
    cache: Cache,
) -> None:
    fake, base = fake_stripe
    stripe_settings = settings.model_copy(
        update={"stripe_api_base": base, "payment_provider": "stripe"}
    )

    outcome = await capture_payment(
        database,
        stripe_order.payment_id,
        settings=stripe_settings,
        provider=StripeProvider(stripe_settings),
        cache=cache,
    )
    intent = next(iter(fake.intents))
    payload = _event("payment_intent.succeeded", stripe_order.payment_id, intent=intent)
    await client.post(
        URL,
        content=payload,
        headers={"Stripe-Signature": _signed(payload), "Content-Type": "application/json"},
    )

    assert outcome.status is PaymentStatus.succeeded
    async with database.sessionmaker() as session:
        statuses = await session.scalars(
            select(OrderEvent.type).where(OrderEvent.order_id == stripe_order.order_id)
        )
        assert list(statuses) == ["pending_payment", "paid"]
