"""Error codes of the taxonomy."""

from reloop.kit.errors import NotFound


class CategoryNotFound(NotFound):
    code = "category_not_found"
    message = "No such category."
