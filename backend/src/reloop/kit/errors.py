"""The error vocabulary every domain builds on, and the envelope of DESIGN.md §5.3.

A domain declares its own errors in its `errors.py` by subclassing one of these with a
specific `code`; routers list them with `error_responses()` so the OpenAPI documents them.
"""

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(examples=["item_not_found"])
    message: str
    details: dict[str, Any] | None = None
    request_id: str | None = None


class ErrorEnvelope(BaseModel):
    error: ErrorBody


class AppError(Exception):
    """An expected failure with a stable machine-readable code and an HTTP status."""

    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    message: ClassVar[str] = "The request could not be processed."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        keep_changes: bool = False,
    ) -> None:
        self.detail_message = message or self.message
        self.details = dict(details) if details is not None else None
        self.headers = dict(headers) if headers is not None else {}
        # A refusal that first recorded what it found (an order expired on the way to
        # refusing a move on it): the unit of work commits those changes, then answers.
        self.keep_changes = keep_changes
        super().__init__(self.detail_message)


class BadRequest(AppError):
    status_code = 400
    code = "bad_request"
    message = "The request is malformed."


class InvalidCursor(BadRequest):
    code = "invalid_cursor"
    message = "The pagination cursor is invalid or was tampered with."


class Unauthorized(AppError):
    status_code = 401
    code = "not_authenticated"
    message = "Sign in to do this."


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    message = "You are not allowed to do this."


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "Nothing was found here."


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    message = "The request conflicts with the current state."


class PreconditionFailed(AppError):
    status_code = 412
    code = "precondition_failed"
    message = "The resource changed since you last read it."


class ValidationFailed(AppError):
    status_code = 422
    code = "validation_failed"
    message = "Some fields are not valid."


class RateLimited(AppError):
    status_code = 429
    code = "rate_limited"
    message = "Too many requests; try again later."

    def __init__(self, retry_after_s: int, headers: Mapping[str, str] | None = None) -> None:
        merged = {"Retry-After": str(retry_after_s), **(headers or {})}
        super().__init__(details={"retry_after_s": retry_after_s}, headers=merged)


class ServiceUnavailable(AppError):
    status_code = 503
    code = "service_unavailable"
    message = "A service this request needs is unavailable; try again shortly."


def envelope(
    code: str,
    message: str,
    *,
    details: Mapping[str, Any] | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The JSON body of every error response."""
    body = ErrorBody(
        code=code,
        message=message,
        details=dict(details) if details is not None else None,
        request_id=request_id,
    )
    return {"error": body.model_dump()}


def error_responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for a route: each status with the codes it can answer."""
    by_status: dict[int, list[type[AppError]]] = {}
    for error in errors:
        by_status.setdefault(error.status_code, []).append(error)
    return {
        status: {
            "model": ErrorEnvelope,
            "description": "; ".join(f"`{e.code}`: {e.message}" for e in group),
        }
        for status, group in sorted(by_status.items())
    }
