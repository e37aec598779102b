"""The state machine table, every (status, action, actor) combination."""

import itertools

import pytest

from reloop.models.order import OrderActor, OrderStatus
from reloop.orders.state import FINAL, TRANSITIONS, Action, TransitionRefused, allowed, transition

S, A, R = OrderStatus, Action, OrderActor

EXPECTED = {
    (S.pending_payment, A.capture, R.system): S.paid,
    (S.pending_payment, A.cancel, R.buyer): S.cancelled,
    (S.pending_payment, A.expire, R.system): S.expired,
    (S.paid, A.ship, R.seller): S.shipped,
    (S.paid, A.cancel, R.seller): S.refunded,
    (S.paid, A.refund, R.system): S.refunded,
    (S.shipped, A.deliver, R.buyer): S.delivered,
    (S.shipped, A.dispute, R.buyer): S.disputed,
    (S.delivered, A.dispute, R.buyer): S.disputed,
    (S.delivered, A.complete, R.buyer): S.completed,
    (S.delivered, A.complete, R.system): S.completed,
    (S.disputed, A.complete, R.moderator): S.completed,
    (S.disputed, A.refund, R.moderator): S.refunded,
}
EVERY = list(itertools.product(OrderStatus, Action, OrderActor))


@pytest.mark.parametrize(("status", "action", "actor"), EVERY)
def test_each_combination_moves_exactly_as_the_contract_says(
    status: OrderStatus, action: Action, actor: OrderActor
) -> None:
    expected = EXPECTED.get((status, action, actor))
    if expected is None:
        with pytest.raises(TransitionRefused):
            transition(status, action, actor)
        assert not allowed(status, action, actor)
    else:
        assert transition(status, action, actor) is expected
        assert allowed(status, action, actor)


def test_final_statuses_have_no_way_out() -> None:
    assert not [key for key in TRANSITIONS if key[0] in FINAL]


def test_a_refusal_names_the_status_and_the_action() -> None:
    with pytest.raises(TransitionRefused) as refused:
        transition(S.shipped, A.ship, R.seller)
    assert (refused.value.status, refused.value.action) == (S.shipped, A.ship)
