"""Money as integer minor units plus an ISO-4217 currency; never a float.

`Money` is the API and domain shape (`{"amount": 1250, "currency": "EUR"}`). Conversions
from decimal text go through `Decimal` and refuse values that do not fit the currency's
minor unit instead of rounding them silently.
"""

from decimal import Decimal, InvalidOperation
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Minor-unit exponents of the currencies Reloop accepts.
CURRENCY_EXPONENTS: dict[str, int] = {
    "EUR": 2,
    "GBP": 2,
    "USD": 2,
    "PLN": 2,
    "CZK": 2,
    "SEK": 2,
    "DKK": 2,
    "CHF": 2,
    "HUF": 2,
    "RON": 2,
    "JPY": 0,
}
MAX_AMOUNT = 10**12  # a hard ceiling far above any listing, below bigint limits

CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class CurrencyMismatch(ValueError):
    pass


class Money(BaseModel):
    model_config = ConfigDict(frozen=True)

    amount: int = Field(ge=0, le=MAX_AMOUNT, description="Amount in minor units (cents).")
    currency: CurrencyCode = Field(description="ISO-4217 code, e.g. EUR.")

    def model_post_init(self, context: object, /) -> None:
        if self.currency not in CURRENCY_EXPONENTS:
            raise ValueError(f"unsupported currency {self.currency}")

    @classmethod
    def from_decimal(cls, value: str | Decimal, currency: str) -> Self:
        """Parse `"12.50"` in `currency`; reject more decimals than the currency has."""
        exponent = CURRENCY_EXPONENTS.get(currency)
        if exponent is None:
            raise ValueError(f"unsupported currency {currency}")
        try:
            decimal = Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"not a number: {value!r}") from exc
        if not decimal.is_finite():
            raise ValueError("amount must be finite")
        minor = decimal.scaleb(exponent)
        if minor != minor.to_integral_value():
            raise ValueError(f"{currency} has {exponent} decimal places")
        return cls(amount=int(minor), currency=currency)

    def to_decimal(self) -> Decimal:
        return Decimal(self.amount).scaleb(-CURRENCY_EXPONENTS[self.currency])

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} + {other.currency}")
        return Money(amount=self.amount + other.amount, currency=self.currency)

    def times(self, quantity: int) -> "Money":
        return Money(amount=self.amount * quantity, currency=self.currency)

    @classmethod
    def zero(cls, currency: str) -> Self:
        return cls(amount=0, currency=currency)
