"""Settings pointing the Stripe provider at a local fake of Stripe's API."""

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from reloop.config import Settings
from tests.fixtures.environment import ServiceEnvironment
from tests.payments.fake_stripe import FakeStripe, serving_fake_stripe

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture
async def fake_stripe() -> AsyncIterator[tuple[FakeStripe, str]]:
    async with serving_fake_stripe() as served:
        yield served


@pytest.fixture
def settings(test_environment: ServiceEnvironment) -> Settings:
    return Settings(
        stripe_api_key=SecretStr("sk_test_local"),
        stripe_webhook_secret=SecretStr(WEBHOOK_SECRET),
        payment_timeout_s=5.0,
    )
