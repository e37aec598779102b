"""Error codes of the cart."""

from reloop.kit.errors import Conflict, ServiceUnavailable


class CartOwnItem(Conflict):
    code = "cart_own_item"
    message = "You cannot buy your own listing."


class CartFull(Conflict):
    code = "cart_full"
    message = "A cart holds at most 50 listings; check out or remove some first."


class CartUnavailable(ServiceUnavailable):
    code = "cart_unavailable"
    message = "The cart is unavailable right now; checkout still works. Try again shortly."
