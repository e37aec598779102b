"""Error codes of checkout (stock, payment and idempotency errors are their domains')."""

from reloop.kit.errors import ValidationFailed


class CurrencyMismatch(ValidationFailed):
    code = "currency_mismatch"
    message = "All lines of one checkout must be in the same currency."
