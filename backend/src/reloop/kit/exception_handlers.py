"""Every error leaves the API in the envelope of DESIGN.md §5.3."""

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from reloop.kit.errors import AppError, ServiceUnavailable, envelope

logger = structlog.get_logger(__name__)

# SQLSTATEs of a connection that went away (class 08; the server shutting down or not
# accepting connections yet), as opposed to a statement that failed on its own.
_CONNECTION_LOST = ("08", "57P01", "57P02", "57P03")

_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
}


def _request_id(request: Request) -> str | None:
    value = request.scope.get("state", {}).get("request_id")
    return value if isinstance(value, str) else None


def _respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        envelope(code, message, details=details, request_id=_request_id(request)),
        status_code=status,
        headers=headers,
    )


async def handle_app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return _respond(
        request, exc.status_code, exc.code, exc.detail_message, exc.details, exc.headers
    )


def _clean(message: str) -> str:
    """Pydantic prefixes messages raised by our validators; members need only the message."""
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def _field_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    fields = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        # "body" / "query" prefixes say where; the rest names the field.
        fields.append(
            {
                "field": ".".join(location[1:]) or location[0] if location else "",
                "location": location[0] if location else "body",
                "message": _clean(error.get("msg", "Invalid value.")),
                "type": error.get("type", "value_error"),
            }
        )
    return fields


async def handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return _respond(request, 400, "malformed_json", "The request body is not valid JSON.")
    return _respond(
        request,
        422,
        "validation_failed",
        "Some fields are not valid.",
        {"fields": _field_errors(errors)},
    )


async def handle_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = _STATUS_CODES.get(status, "http_error")
    if isinstance(exc.detail, str) and exc.detail != HTTPStatus(status).phrase:
        message = exc.detail
    else:
        message = {
            404: "There is nothing at this address.",
            405: "This method is not allowed here.",
            413: "The request body is too large.",
        }.get(status, HTTPStatus(status).phrase + ".")
    return _respond(request, status, code, message, headers=dict(exc.headers or {}))


def lost_connection_state(sqlstate: object) -> bool:
    """Whether a SQLSTATE says the connection went away (not that the statement failed)."""
    return isinstance(sqlstate, str) and sqlstate.startswith(_CONNECTION_LOST)


def connection_lost(exc: DBAPIError) -> bool:
    """The statement failed because its connection was lost, not because of what it asked."""
    return exc.connection_invalidated or lost_connection_state(getattr(exc.orig, "sqlstate", None))


def database_connection_lost() -> ServiceUnavailable:
    """The 503 of a request whose database connection went away: a retry normally succeeds."""
    return ServiceUnavailable(
        "The database connection was lost; try again.", headers={"Retry-After": "1"}
    )


async def handle_database_error(request: Request, exc: Exception) -> JSONResponse:
    """A backend terminated or a server restarting mid-request: 503, try again.

    The pool replaces the connection on the next checkout, so a retry normally succeeds.
    Any other database error is a bug and stays a logged 500.
    """
    assert isinstance(exc, DBAPIError)
    if not connection_lost(exc):
        raise exc
    logger.warning("database.connection_lost", error=type(exc.orig).__name__)
    return await handle_app_error(request, database_connection_lost())


def install_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, handle_app_error)
    app.add_exception_handler(DBAPIError, handle_database_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
