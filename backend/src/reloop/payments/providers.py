"""The payment provider interface and the choice of provider.

Providers are outside services: `capture` and `refund` are called outside our
transactions and are idempotent by key, so calling them again after a lost answer finds
the first result instead of moving money twice.
"""

from dataclasses import dataclass
from typing import Literal, Protocol

from reloop.config import Settings
from reloop.kit.db import Database


class TransientPaymentError(Exception):
    """The provider could not be reached or did not answer: the outcome is unknown."""


@dataclass(frozen=True, slots=True)
class CaptureResult:
    status: Literal["succeeded", "declined"]
    provider_ref: str | None = None
    failure_code: str | None = None
    failure_message: str | None = None


class PaymentProvider(Protocol):
    name: str

    async def tokenize(self, payment_method: str) -> str:
        """A reusable reference for `payment_method`; `InvalidPaymentMethod` if unusable."""
        ...

    async def capture(
        self, *, idempotency_key: str, amount: int, currency: str, payment_method_ref: str
    ) -> CaptureResult:
        """Charge once per key; raises `TransientPaymentError` when the outcome is unknown."""
        ...

    async def refund(self, *, idempotency_key: str, provider_ref: str, amount: int) -> None:
        """Give back `amount` of a capture, once per key; `TransientPaymentError` if unsure."""
        ...


def provider_for(settings: Settings, database: Database) -> PaymentProvider:
    """The configured provider (`RELOOP_PAYMENT_PROVIDER`)."""
    if settings.payment_provider == "stripe":
        from reloop.payments.stripe_provider import StripeProvider

        return StripeProvider(settings)
    from reloop.payments.simulated import SimulatedProvider

    return SimulatedProvider(database, settings)
