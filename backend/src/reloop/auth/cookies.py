"""Session cookies for browsers: HttpOnly tokens, a readable CSRF token.

SameSite=Lax keeps them off cross-site writes; Secure everywhere but plain-HTTP local
development; the refresh cookie is only ever sent to the auth endpoints.
"""

from fastapi import Request, Response

from reloop.access.deps import ACCESS_COOKIE
from reloop.config import Settings

REFRESH_COOKIE = "reloop_refresh"
CSRF_COOKIE = "reloop_csrf"
REFRESH_COOKIE_PATH = "/api/v1/auth"


def _secure(request: Request, settings: Settings) -> bool:
    return settings.is_production or request.url.scheme == "https"


def set_session_cookies(
    request: Request,
    response: Response,
    settings: Settings,
    *,
    access_token: str,
    refresh_token: str,
    csrf_token: str,
    session_max_age_s: int,
) -> None:
    secure = _secure(request, settings)
    # The cookie outlives the token inside it on purpose: an expired token must still
    # reach the API, which answers `token_expired` so the client refreshes, instead of
    # the browser silently dropping it and the member looking signed out.
    response.set_cookie(
        ACCESS_COOKIE,
        access_token,
        max_age=session_max_age_s,
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )
    response.set_cookie(
        REFRESH_COOKIE,
        refresh_token,
        max_age=session_max_age_s,
        httponly=True,
        secure=secure,
        samesite="lax",
        path=REFRESH_COOKIE_PATH,
    )
    response.set_cookie(
        CSRF_COOKIE,
        csrf_token,
        max_age=session_max_age_s,
        httponly=False,
        secure=secure,
        samesite="lax",
        path="/",
    )


def clear_session_cookies(request: Request, response: Response, settings: Settings) -> None:
    secure = _secure(request, settings)
    response.delete_cookie(ACCESS_COOKIE, path="/", secure=secure, httponly=True, samesite="lax")
    response.delete_cookie(
        REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, secure=secure, httponly=True, samesite="lax"
    )
    response.delete_cookie(CSRF_COOKIE, path="/", secure=secure, samesite="lax")
