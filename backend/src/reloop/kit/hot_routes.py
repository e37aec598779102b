"""The hottest reads, served ahead of FastAPI's router: `HotRoutesMiddleware`.

A request's trip through FastAPI after our middleware (its exception middleware, exit
stack, route matching over every included router, request building and dependency
solving) cost about 150 µs of CPU, measured on a route that returns a constant body:
as much as the whole bare baseline's request (`bench/baseline_app.py`), and more than a
feed page's SQL. The item page and the feeds declare no dependencies already: their
endpoints take the request and a few plain parameters. This middleware, the innermost of
ours, matches those few paths itself and calls the same endpoint functions with the same
arguments, so every middleware of the app still applies and the answer is the one the
router would give.

Only requests that are plainly valid take this way: a `GET` whose path parameters and
query values each pass a strict reader (a canonical UUID, a page size as digits in
range). Anything else (a malformed id, `limit=abc`, a repeated parameter, `HEAD`) goes on
to FastAPI, which validates it and answers as it always has, so no validation rule or
error message is written twice. The routes stay declared on their routers for the
OpenAPI document and for those requests.
"""

import dataclasses
import re
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

Reader = Callable[[str], Any]
"""A parameter's text to the endpoint's argument; `ValueError` sends the request on."""

Endpoint = Callable[..., Awaitable[Response]]
Handler = Callable[[Request, Exception], Awaitable[Response]]

_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_DIGITS = re.compile(r"[1-9][0-9]{0,5}")


def canonical_uuid(text: str) -> uuid.UUID:
    """A UUID in its hyphenated form only (braces, URNs and the rest go to FastAPI)."""
    if not _CANONICAL_UUID.fullmatch(text):
        raise ValueError(text)
    return uuid.UUID(text)


def whole_number(low: int, high: int) -> Reader:
    """Digits without sign, spaces or leading zeros, from `low` to `high`."""

    def read(text: str) -> int:
        if not _DIGITS.fullmatch(text):
            raise ValueError(text)
        value = int(text)
        if not low <= value <= high:
            raise ValueError(text)
        return value

    return read


def text_up_to(max_length: int) -> Reader:
    """Non-empty text of at most `max_length` characters."""

    def read(text: str) -> str:
        if not 0 < len(text) <= max_length:
            raise ValueError(text)
        return text

    return read


@dataclass(frozen=True, slots=True)
class HotRoute:
    """A `GET` route served by `HotRoutesMiddleware`: its full path template (as the
    metrics label it), the endpoint, and a reader per path and query parameter.

    Query parameters the request leaves out take the endpoint's defaults; ones the route
    does not know are ignored, as FastAPI ignores them.
    """

    path: str
    endpoint: Endpoint
    path_params: Mapping[str, Reader] = field(default_factory=dict)
    query_params: Mapping[str, Reader] = field(default_factory=dict)
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        names = re.findall(r"\{(\w+)\}", self.path)
        if sorted(names) != sorted(self.path_params):
            raise ValueError(f"{self.path}: a reader for each path parameter, and no other")
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        object.__setattr__(self, "pattern", re.compile(regex))

    def under(self, prefix: str) -> "HotRoute":
        """The same route with its path under `prefix` (a router's, the API's)."""
        return dataclasses.replace(self, path=prefix + self.path)

    def arguments(self, path: str, query_string: bytes) -> dict[str, Any] | None:
        """The endpoint's keyword arguments for this request; None when it is not ours."""
        match = self.pattern.fullmatch(path)
        if match is None:
            return None
        try:
            arguments = {
                name: self.path_params[name](value) for name, value in match.groupdict().items()
            }
            if query_string:
                for name, value in parse_qsl(query_string.decode("latin-1"), True):
                    read = self.query_params.get(name)
                    if read is None:
                        continue
                    if name in arguments:  # repeated: FastAPI decides which one counts
                        return None
                    arguments[name] = read(value)
        except ValueError:
            return None
        return arguments


def _handler_for(handlers: Mapping[Any, Handler], error: Exception) -> Handler | None:
    """The app's handler for `error`'s class or nearest base, as Starlette looks it up.

    Handlers for `Exception` (and 500) are the outer error middleware's; an error without
    a handler goes up to it, as from the router.
    """
    for cls in type(error).__mro__:
        if cls is Exception:
            return None
        handler = handlers.get(cls)
        if handler is not None:
            return handler
    return None


class HotRoutesMiddleware:
    """Serve `routes` directly; everything else goes on to the app (see the module)."""

    def __init__(self, app: ASGIApp, *, routes: Sequence[HotRoute]) -> None:
        self.app = app
        self.routes = tuple(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path: str = scope["path"]
            root: str = scope.get("root_path", "")
            if root and path.startswith(root):
                path = path[len(root) :]
            for route in self.routes:
                arguments = route.arguments(path, scope["query_string"])
                if arguments is not None:
                    await self._serve(route, arguments, scope, receive, send)
                    return
        await self.app(scope, receive, send)

    async def _serve(
        self, route: HotRoute, arguments: dict[str, Any], scope: Scope, receive: Receive, send: Send
    ) -> None:
        scope["route"] = route
        request = Request(scope, receive)
        try:
            response = await route.endpoint(request, **arguments)
        except Exception as error:
            handler = _handler_for(scope["app"].exception_handlers, error)
            if handler is None:
                raise
            response = await handler(request, error)
        await response(scope, receive, send)
