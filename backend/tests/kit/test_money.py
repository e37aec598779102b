"""Money is integer minor units: exact arithmetic, strict parsing, no floats."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from reloop.kit.money import CURRENCY_EXPONENTS, MAX_AMOUNT, CurrencyMismatch, Money

currencies = st.sampled_from(sorted(CURRENCY_EXPONENTS))
amounts = st.integers(min_value=0, max_value=MAX_AMOUNT // 1000)


@given(amounts, currencies)
def test_decimal_text_round_trips_through_minor_units(amount: int, currency: str) -> None:
    money = Money(amount=amount, currency=currency)

    assert Money.from_decimal(str(money.to_decimal()), currency) == money


@given(amounts, amounts, amounts, currencies)
def test_addition_is_exact_and_associative(a: int, b: int, c: int, currency: str) -> None:
    x, y, z = (Money(amount=v, currency=currency) for v in (a, b, c))

    assert (x + y) + z == x + (y + z)
    assert (x + y).amount == a + b


@given(amounts, st.integers(min_value=1, max_value=999), currencies)
def test_times_multiplies_minor_units(amount: int, quantity: int, currency: str) -> None:
    assert Money(amount=amount, currency=currency).times(quantity).amount == amount * quantity


def test_more_decimals_than_the_currency_has_are_refused() -> None:
    with pytest.raises(ValueError, match="decimal places"):
        Money.from_decimal("12.505", "EUR")
    with pytest.raises(ValueError, match="decimal places"):
        Money.from_decimal("100.5", "JPY")


def test_adding_different_currencies_is_refused() -> None:
    with pytest.raises(CurrencyMismatch):
        Money(amount=1, currency="EUR") + Money(amount=1, currency="GBP")


@pytest.mark.parametrize(
    "payload",
    [
        {"amount": -1, "currency": "EUR"},
        {"amount": MAX_AMOUNT + 1, "currency": "EUR"},
        {"amount": 100, "currency": "eur"},
        {"amount": 100, "currency": "XYZ"},
        {"amount": 12.5, "currency": "EUR"},
    ],
)
def test_invalid_money_is_refused(payload: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Money.model_validate(payload)


def test_non_numbers_and_infinities_are_refused() -> None:
    for text in ("abc", "Infinity", "NaN"):
        with pytest.raises(ValueError, match=r"number|finite"):
            Money.from_decimal(text, "EUR")
    assert Money.from_decimal(Decimal("0.10"), "EUR").amount == 10
