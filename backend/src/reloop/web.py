"""Serving the built single-page app from the API process (`reloop run`).

Assets are served with long cache lifetimes (their names carry content hashes); any other
GET that matches no route and asks for HTML gets `index.html`, so client-side routes work
on reload. API paths never fall back to the SPA: they keep their JSON 404.
"""

import secrets
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from reloop.kit.exception_handlers import handle_http_exception
from reloop.kit.security.headers import CONTENT_SECURITY_POLICY

_NEVER_SPA = (
    "/api/",
    "/dev/",
    "/metrics",
    "/healthz",
    "/readyz",
    "/.well-known/",
    "/assets/",
    "/vendor/",
)
_SWAGGER_DIR = "vendor/swagger-ui"


def default_frontend_dist() -> Path:
    return Path(__file__).resolve().parents[3] / "frontend" / "dist"


class _ImmutableStatic(StaticFiles):
    async def get_response(self, path: str, scope: MutableMapping[str, Any]) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def mount_spa(app: FastAPI, dist: Path) -> bool:
    """Serve `dist` if it holds a build; `False` (API only) when it does not."""
    dist = dist.resolve()
    index = dist / "index.html"
    if not index.is_file():
        return False
    # Files beside index.html (favicon, robots.txt) are listed once, not looked up per request.
    top_level_files = {p.name for p in dist.iterdir() if p.is_file() and p.name != "index.html"}
    if (dist / "assets").is_dir():
        app.mount("/assets", _ImmutableStatic(directory=dist / "assets"), name="assets")

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        path = request.url.path
        # Browsers navigating ask for HTML; fetches for data get the JSON 404.
        wants_html = "text/html" in request.headers.get("accept", "")
        if (
            exc.status_code == 404
            and request.method in {"GET", "HEAD"}
            and not path.startswith(_NEVER_SPA)
        ):
            name = path.lstrip("/")
            if name in top_level_files:
                return FileResponse(dist / name)
            if wants_html:
                return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return await handle_http_exception(request, exc)

    app.add_exception_handler(404, not_found)
    if (dist / "vendor").is_dir():
        app.mount("/vendor", StaticFiles(directory=dist / "vendor"), name="vendor")
    return True


def _docs_page(openapi_url: str, nonce: str, assets: bool) -> str:
    if not assets:
        return (
            "<!doctype html><html lang=en><meta charset=utf-8><title>Reloop API</title>"
            "<body style='font-family:system-ui;max-width:40rem;margin:3rem auto'>"
            "<h1>Reloop API</h1><p>The interactive reference needs the built frontend "
            "(<code>make build</code>). The OpenAPI document is at "
            f"<a href='{openapi_url}'>{openapi_url}</a>.</p></body></html>"
        )
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Reloop API reference</title>
  <link rel="stylesheet" href="/{_SWAGGER_DIR}/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/{_SWAGGER_DIR}/swagger-ui-bundle.js"></script>
  <script nonce="{nonce}">
    window.ui = SwaggerUIBundle({{url: "{openapi_url}", dom_id: "#swagger-ui",
      deepLinking: true, persistAuthorization: false}});
  </script>
</body>
</html>"""


def mount_api_docs(app: FastAPI, dist: Path, *, path: str, openapi_url: str) -> None:
    """The API reference, self-hosted: no CDN, and a CSP that admits one inline script."""
    assets = (dist / _SWAGGER_DIR / "swagger-ui-bundle.js").is_file()

    @app.get(path, include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        policy = CONTENT_SECURITY_POLICY.replace(
            "script-src 'self'", f"script-src 'self' 'nonce-{nonce}'"
        )
        return HTMLResponse(
            _docs_page(openapi_url, nonce, assets),
            headers={"Content-Security-Policy": policy, "Cache-Control": "no-store"},
        )
