"""HTTP edge rules that are not specific to any route.

`JsonOnlyMiddleware` answers 415 to API writes whose body is not JSON, before any handler
tries to parse it: the API speaks JSON only (DESIGN.md §5.3). Paths that legitimately
take other bodies (e.g. a local-storage upload target) are listed as exemptions.

`BodyLimitMiddleware` answers 413 to bodies over the limit: at once when `Content-Length`
says so, or as soon as a streamed body crosses it while a handler reads it.
"""

from collections.abc import Iterable

import orjson
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reloop.kit.errors import envelope

_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


async def send_error(
    send: Send,
    scope: Scope,
    status: int,
    code: str,
    message: str,
    details: dict[str, object] | None = None,
) -> None:
    request_id = scope.get("state", {}).get("request_id")
    body = orjson.dumps(envelope(code, message, details=details, request_id=request_id))
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


_TOO_LARGE = "The request body is too large."


class BodyLimitMiddleware:
    """`max_bytes` for every body, or a larger limit for paths under an `overrides` prefix."""

    def __init__(
        self, app: ASGIApp, *, max_bytes: int, overrides: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.overrides = overrides or {}

    def _limit(self, path: str) -> int:
        for prefix, limit in self.overrides.items():
            if path.startswith(prefix):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await send_error(
                send, scope, 413, "payload_too_large", _TOO_LARGE, {"max_bytes": limit}
            )
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException is what FastAPI lets through from body parsing.
                    raise HTTPException(413, detail=_TOO_LARGE)
            return message

        await self.app(scope, counting_receive, send)


class JsonOnlyMiddleware:
    def __init__(self, app: ASGIApp, *, prefix: str = "/api/", exempt: Iterable[str] = ()) -> None:
        self.app = app
        self.prefix = prefix
        self.exempt = tuple(exempt)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in _BODY_METHODS
            and scope["path"].startswith(self.prefix)
            and not scope["path"].startswith(self.exempt)
        ):
            headers = dict(scope["headers"])
            has_body = headers.get(b"content-length", b"0") not in {b"0", b""} or (
                b"transfer-encoding" in headers
            )
            content_type = headers.get(b"content-type", b"").decode("latin-1")
            if has_body and not _is_json(content_type):
                await send_error(
                    send,
                    scope,
                    415,
                    "unsupported_media_type",
                    "Send the request body as JSON (Content-Type: application/json).",
                    {"content_type": content_type or None},
                )
                return
        await self.app(scope, receive, send)
