"""Error codes of orders."""

from reloop.kit.errors import Conflict, NotFound


class OrderNotFound(NotFound):
    code = "order_not_found"
    message = "No such order."


class TransitionNotAllowed(Conflict):
    code = "order_transition_not_allowed"
    message = "This order cannot do that now."


class PaymentWindowClosed(Conflict):
    code = "payment_window_closed"
    message = "The reservation has lapsed; this order can no longer be paid."


class PaymentInProgress(Conflict):
    code = "payment_in_progress"
    message = "A payment for this order is still being processed."
