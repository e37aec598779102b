"""The money math of an order: integers only, the fee rounded half up."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from reloop.cart.amounts import order_amounts, percent_half_up

amounts = st.integers(min_value=0, max_value=10**12)
percents = st.integers(min_value=0, max_value=50)


@given(amounts, percents)
def test_a_percentage_rounds_half_up_like_decimal_arithmetic(amount: int, percent: int) -> None:
    expected = (Decimal(amount) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)

    assert percent_half_up(amount, percent) == int(expected)


@given(amounts, st.integers(min_value=0, max_value=10_000), percents, st.integers(0, 10_000))
def test_an_order_total_is_its_parts_and_the_fee_its_formula(
    items: int, fee_fixed: int, fee_percent: int, shipping: int
) -> None:
    result = order_amounts(items, fee_fixed=fee_fixed, fee_percent=fee_percent, shipping=shipping)

    assert result.total == result.items + result.shipping + result.fee
    assert result.fee == fee_fixed + percent_half_up(items, fee_percent)
    assert (result.items, result.shipping) == (items, shipping)


def test_the_default_fee_on_ten_euros_is_one_euro_twenty() -> None:
    assert order_amounts(1000, fee_fixed=70, fee_percent=5, shipping=399).fee == 120


def test_half_a_cent_rounds_up() -> None:
    assert percent_half_up(10, 5) == 1  # 0.5 → 1
    assert percent_half_up(9, 5) == 0  # 0.45 → 0
