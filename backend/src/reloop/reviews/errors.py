"""Error codes of reviews."""

from reloop.kit.errors import Conflict, NotFound


class ReviewNotAllowed(Conflict):
    code = "review_not_allowed"
    message = "Reviews are written once, by the buyer, after the order is completed."


class ReplyNotAllowed(Conflict):
    code = "review_not_allowed"
    message = "The seller may reply once to a review."


class ReviewNotFound(NotFound):
    code = "review_not_found"
    message = "No such review."
