"""What a buyer pays per order: items, shipping, and the buyer fee. Pure integer math.

The fee is `fee_fixed + fee_percent % of the items`, rounded half up to a whole minor
unit (1.5 cents → 2 cents). Amounts are integer minor units throughout, never floats.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OrderAmounts:
    items: int
    shipping: int
    fee: int

    @property
    def total(self) -> int:
        return self.items + self.shipping + self.fee


def percent_half_up(amount: int, percent: int) -> int:
    """`percent`% of a non-negative `amount`, rounded half up in integers."""
    if amount < 0 or percent < 0:
        raise ValueError("amounts and percentages are not negative")
    return (amount * percent * 2 + 100) // 200


def order_amounts(
    items_amount: int, *, fee_fixed: int, fee_percent: int, shipping: int
) -> OrderAmounts:
    """The amounts of one order (one seller) whose items cost `items_amount`."""
    return OrderAmounts(
        items=items_amount,
        shipping=shipping,
        fee=fee_fixed + percent_half_up(items_amount, fee_percent),
    )
