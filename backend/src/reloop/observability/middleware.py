"""The outermost request middleware: request id, access log, metrics, last-resort 500.

Pure ASGI (no `BaseHTTPMiddleware`) so it adds no task switches and does not buffer
streaming responses. The request id comes from a well-formed `X-Request-ID` header or is
generated, is bound to every log line of the request, and is returned on every response,
including the 500 this middleware renders when a handler raised something unexpected.
"""

import re
import time

import orjson
import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reloop.kit.errors import envelope
from reloop.kit.ids import new_id_hex
from reloop.observability.metrics import ApiMetrics

_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$")
_UNTRACKED_ROUTES = {"/metrics", "/healthz", "/readyz"}
logger = structlog.get_logger("reloop.access")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _route_template(scope: Scope) -> str:
    """The matched route's full template, e.g. `/api/v1/items/{item_id}`.

    FastAPI records routes of included routers relative to their router; the effective
    route context it leaves in the scope carries the full, prefixed template.
    """
    context = scope.get("fastapi", {}).get("effective_route_context")
    path = getattr(context, "path_format", None) or getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, metrics: ApiMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _REQUEST_ID.match(incoming) else new_id_hex()
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)

        status = 500
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"].append((b"x-request-id", request_id.encode()))
            await send(message)

        start = time.perf_counter()
        self.metrics.requests_in_flight.inc()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            route = _route_template(scope)
            self.metrics.errors.labels(route).inc()
            logger.exception("request.unhandled_error", route=route)
            if started:
                raise
            await _send_internal_error(send_with_id, request_id)
        finally:
            self.metrics.requests_in_flight.dec()
            duration = time.perf_counter() - start
            route = _route_template(scope)
            if route not in _UNTRACKED_ROUTES:
                self.metrics.request_duration.labels(scope["method"], route, str(status)).observe(
                    duration
                )
            logger.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                route=route,
                status=status,
                duration_ms=round(duration * 1000, 2),
                user_id=scope["state"].get("user_id"),
            )


async def _send_internal_error(send: Send, request_id: str) -> None:
    body = orjson.dumps(
        envelope(
            "internal_error",
            "Something went wrong on our side. It has been logged; please try again.",
            request_id=request_id,
        )
    )
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
