"""Error codes of search."""

from reloop.kit.errors import Conflict, NotFound, ValidationFailed


class UnknownFilterValue(ValidationFailed):
    code = "unknown_filter_value"
    message = "A filter names a category, brand, size, condition or colour that does not exist."


class SavedSearchNotFound(NotFound):
    code = "saved_search_not_found"
    message = "No such saved search."


class SavedSearchLimit(Conflict):
    code = "saved_search_limit"
    message = "You have saved as many searches as you can; delete one first."
