"""The order state machine: one table of every move, and who may make it.

A move is `(status, action) -> (new status, actors allowed)`. Everything that changes an
order's status asks `transition()` first, so a rule lives here once rather than in each
endpoint; time limits (the dispute window, deadlines) are checked by the service, which
knows the clock.
"""

from enum import StrEnum

from reloop.models.order import OrderActor, OrderStatus


class Action(StrEnum):
    capture = "capture"
    cancel = "cancel"
    expire = "expire"
    ship = "ship"
    refund = "refund"
    deliver = "deliver"
    dispute = "dispute"
    complete = "complete"


S, A, R = OrderStatus, Action, OrderActor

TRANSITIONS: dict[tuple[OrderStatus, Action], tuple[OrderStatus, frozenset[OrderActor]]] = {
    (S.pending_payment, A.capture): (S.paid, frozenset({R.system})),
    (S.pending_payment, A.cancel): (S.cancelled, frozenset({R.buyer})),
    (S.pending_payment, A.expire): (S.expired, frozenset({R.system})),
    (S.paid, A.ship): (S.shipped, frozenset({R.seller})),
    # A seller who cannot ship cancels (the buyer is refunded); beat does it past the deadline.
    (S.paid, A.cancel): (S.refunded, frozenset({R.seller})),
    (S.paid, A.refund): (S.refunded, frozenset({R.system})),
    (S.shipped, A.deliver): (S.delivered, frozenset({R.buyer})),
    (S.shipped, A.dispute): (S.disputed, frozenset({R.buyer})),
    (S.delivered, A.dispute): (S.disputed, frozenset({R.buyer})),
    (S.delivered, A.complete): (S.completed, frozenset({R.buyer, R.system})),
    (S.disputed, A.complete): (S.completed, frozenset({R.moderator})),
    (S.disputed, A.refund): (S.refunded, frozenset({R.moderator})),
}

FINAL = frozenset({S.completed, S.cancelled, S.expired, S.refunded})


class TransitionRefused(Exception):
    def __init__(self, status: OrderStatus, action: Action) -> None:
        super().__init__(f"{action} is not allowed from {status}")
        self.status = status
        self.action = action


def transition(status: OrderStatus, action: Action, actor: OrderActor) -> OrderStatus:
    """The status after `actor` does `action`; `TransitionRefused` if the table says no."""
    move = TRANSITIONS.get((status, action))
    if move is None or actor not in move[1]:
        raise TransitionRefused(status, action)
    return move[0]


def allowed(status: OrderStatus, action: Action, actor: OrderActor) -> bool:
    move = TRANSITIONS.get((status, action))
    return move is not None and actor in move[1]
