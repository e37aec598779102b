"""Error codes of payments."""

from typing import ClassVar

from reloop.kit.errors import AppError, BadRequest, ValidationFailed


class InvalidPaymentMethod(ValidationFailed):
    code = "invalid_payment_method"
    message = "This payment method cannot be used; check the card details."


class PaymentRequired(AppError):
    status_code: ClassVar[int] = 402
    code = "payment_required"
    message = "The payment did not go through."


class PaymentDeclined(PaymentRequired):
    code = "payment_declined"
    message = "The card was declined."


class InsufficientFunds(PaymentRequired):
    code = "insufficient_funds"
    message = "The card was declined for insufficient funds."


def declined_error(code: str | None) -> type[PaymentRequired]:
    """The 402 for a provider's decline code (`insufficient_funds` is told apart)."""
    return InsufficientFunds if code == InsufficientFunds.code else PaymentDeclined


class WebhookSignatureInvalid(BadRequest):
    code = "webhook_signature_invalid"
    message = "The webhook signature does not match its payload."
