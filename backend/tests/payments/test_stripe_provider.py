"""The Stripe provider against a local server that speaks Stripe's API."""

import pytest

from reloop.config import Settings
from reloop.payments.errors import InvalidPaymentMethod
from reloop.payments.providers import TransientPaymentError
from reloop.payments.stripe_provider import StripeProvider
from tests.payments.fake_stripe import FakeStripe

pytestmark = pytest.mark.filterwarnings("ignore:Use 'content=:DeprecationWarning")
KEY = "payment:01a23513-f8f6-732d-8e91-709ab5e6e1ed:capture"


def _provider(settings: Settings, base: str) -> StripeProvider:
    return StripeProvider(settings.model_copy(update={"stripe_api_base": base}))


async def test_a_good_card_creates_and_confirms_one_payment_intent(
    settings: Settings, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base = fake_stripe

    result = await _provider(settings, base).capture(
        idempotency_key=KEY, amount=1519, currency="EUR", payment_method_ref="pm_card_visa"
    )

    assert result.status == "succeeded"
    intent = fake.intents[result.provider_ref or ""]
    assert (intent["amount"], intent["currency"]) == (1519, "eur")
    assert intent["metadata"]["payment_id"] == "01a23513-f8f6-732d-8e91-709ab5e6e1ed"


async def test_a_decline_is_a_result_with_the_decline_code(
    settings: Settings, fake_stripe: tuple[FakeStripe, str]
) -> None:
    _, base = fake_stripe

    result = await _provider(settings, base).capture(
        idempotency_key=KEY,
        amount=1519,
        currency="EUR",
        payment_method_ref="pm_card_chargeDeclinedInsufficientFunds",
    )

    assert (result.status, result.failure_code) == ("declined", "insufficient_funds")
    assert result.provider_ref is not None


async def test_a_lost_answer_is_transient_and_the_retry_gets_the_first_intent(
    settings: Settings, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base = fake_stripe
    provider = _provider(settings, base)
    fake.lose_next_answers = 1

    with pytest.raises(TransientPaymentError):
        await provider.capture(
            idempotency_key=KEY, amount=1519, currency="EUR", payment_method_ref="pm_card_visa"
        )
    result = await provider.capture(
        idempotency_key=KEY, amount=1519, currency="EUR", payment_method_ref="pm_card_visa"
    )

    assert result.status == "succeeded"
    assert len(fake.intents) == 1


async def test_an_unreachable_stripe_is_transient(settings: Settings) -> None:
    provider = _provider(settings, "http://127.0.0.1:9")

    with pytest.raises(TransientPaymentError):
        await provider.capture(
            idempotency_key=KEY, amount=1519, currency="EUR", payment_method_ref="pm_card_visa"
        )


async def test_a_refund_is_made_once_per_key(
    settings: Settings, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base = fake_stripe
    provider = _provider(settings, base)
    charge = await provider.capture(
        idempotency_key=KEY, amount=1519, currency="EUR", payment_method_ref="pm_card_visa"
    )

    for _ in range(2):
        await provider.refund(
            idempotency_key="order:x:refund", provider_ref=charge.provider_ref or "", amount=1519
        )

    assert [(r["payment_intent"], r["amount"]) for r in fake.refunds] == [
        (charge.provider_ref, 1519)
    ]


async def test_only_payment_method_ids_are_accepted(settings: Settings) -> None:
    provider = _provider(settings, "http://127.0.0.1:9")

    assert await provider.tokenize("pm_card_visa") == "pm_card_visa"
    with pytest.raises(InvalidPaymentMethod):
        await provider.tokenize("4242424242424242")


async def test_a_processing_intent_is_transient_and_the_retry_reads_how_it_settled(
    settings: Settings, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base = fake_stripe
    provider = _provider(settings, base)
    capture = {
        "idempotency_key": KEY,
        "amount": 1519,
        "currency": "EUR",
        "payment_method_ref": "pm_card_processing",
    }

    with pytest.raises(TransientPaymentError):
        await provider.capture(**capture)  # type: ignore[arg-type]
    next(iter(fake.intents.values()))["status"] = "succeeded"
    result = await provider.capture(**capture)  # type: ignore[arg-type]

    assert result.status == "succeeded"
    assert len(fake.intents) == 1
