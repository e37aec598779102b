"""Error codes of stock: what a reservation can run into."""

from reloop.kit.errors import Conflict


class ItemUnavailable(Conflict):
    code = "item_unavailable"
    message = "This listing cannot be bought now (sold, hidden or reserved by someone else)."


class QuantityUnavailable(Conflict):
    code = "quantity_unavailable"
    message = "Fewer units are available than you asked for."


class PriceChanged(Conflict):
    code = "price_changed"
    message = "The price of this listing changed; review it and try again."


class CheckoutBusy(Conflict):
    code = "checkout_busy"
    message = "Many buyers are checking out this listing right now; try again in a moment."

    def __init__(self) -> None:
        super().__init__(headers={"Retry-After": "1"})


class ReservationLapsed(Conflict):
    code = "reservation_lapsed"
    message = "The hold on these units lapsed and they went back on sale."
