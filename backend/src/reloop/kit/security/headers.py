"""Security headers on every response, and an Origin check on every API write.

The CSP fits the built SPA: scripts only from our origin, no inline script, no framing.
A route that needs another policy (the API docs page, with a nonce) sets its own header,
which is then left alone. HSTS is sent in production only: it pins browsers to HTTPS.

Writes whose `Origin` names another site are refused before they reach a handler, the
first of two CSRF defences (the second is the session-bound token in `X-CSRF-Token`).
Clients that send no `Origin` (API clients, some privacy tools) are judged by the token.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reloop.kit.http import send_error

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
)
_UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        headers = {
            b"x-content-type-options": b"nosniff",
            b"referrer-policy": b"strict-origin-when-cross-origin",
            b"x-frame-options": b"DENY",
            b"cross-origin-opener-policy": b"same-origin",
            b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
            b"content-security-policy": CONTENT_SECURITY_POLICY.encode(),
        }
        if hsts:
            headers[b"strict-transport-security"] = b"max-age=63072000; includeSubDomains"
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {bytes(name).lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers.items() if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class OriginCheckMiddleware:
    def __init__(self, app: ASGIApp, *, trusted_origins: Iterable[str], prefix: str) -> None:
        self.app = app
        self.trusted = {o.rstrip("/").lower() for o in trusted_origins if o}
        self.prefix = prefix

    def _allowed(self, origin: str, host: str | None) -> bool:
        normalised = origin.rstrip("/").lower()
        if normalised in self.trusted:
            return True
        return host is not None and urlsplit(normalised).netloc == host.lower()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in _UNSAFE_METHODS
            and scope["path"].startswith(self.prefix)
        ):
            headers = dict(scope["headers"])
            origin = headers.get(b"origin")
            host = headers.get(b"host")
            if origin is not None and not self._allowed(
                origin.decode("latin-1"), host.decode("latin-1") if host else None
            ):
                await send_error(
                    send,
                    scope,
                    403,
                    "origin_not_allowed",
                    "This request came from another site and was refused.",
                )
                return
        await self.app(scope, receive, send)
