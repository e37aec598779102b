"""Error codes of member profiles."""

from reloop.kit.errors import NotFound


class MemberNotFound(NotFound):
    code = "member_not_found"
    message = "No member with this username."
