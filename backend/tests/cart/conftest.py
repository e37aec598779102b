"""The checkout market (a seller, buyers, listings) serves the cart's tests too."""

from tests.checkout.conftest import market  # noqa: F401 (the fixture, shared)
