"""Error codes of listings."""

from reloop.kit.errors import AppError, Conflict, NotFound, PreconditionFailed, ValidationFailed


class ItemNotFound(NotFound):
    code = "item_not_found"
    message = "No such listing."


class ItemInvalid(ValidationFailed):
    code = "item_invalid"
    message = "Some details of the listing are not valid."


class StaleItem(PreconditionFailed):
    code = "item_changed"
    message = "This listing changed since you opened it; reload it and try again."


class IfMatchRequired(AppError):
    status_code = 428
    code = "precondition_required"
    message = "Send the listing's ETag in If-Match to change it."


class StatusChangeNotAllowed(Conflict):
    code = "status_change_not_allowed"
    message = "The listing cannot move to that status from where it is."
