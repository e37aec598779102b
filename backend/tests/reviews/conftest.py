"""Reviews need the members, listing and orders the order tests build."""

from tests.orders.conftest import buyer, choice, item, paid, placed, seller, stranger

__all__ = ["buyer", "choice", "item", "paid", "placed", "seller", "stranger"]
