"""Error codes of the mail domain."""

from reloop.kit.errors import NotFound


class EmailNotFound(NotFound):
    code = "email_not_found"
    message = "No such email in the outbox."
