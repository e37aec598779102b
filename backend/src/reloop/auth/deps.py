"""Dependencies of the account flows: the session issuer, the security log, links."""

from typing import Annotated

from fastapi import Depends, Request

from reloop.access.deps import signing_keys
from reloop.auth.context import AccountContext
from reloop.auth.security_log import RequestMeta, SecurityLog
from reloop.auth.sessions import SessionIssuer
from reloop.kit.deps import SessionDep, SettingsDep


async def session_issuer(request: Request, settings: SettingsDep) -> SessionIssuer:
    return SessionIssuer(settings, signing_keys(request))


async def security_log(request: Request, session: SessionDep) -> SecurityLog:
    return SecurityLog(request.app.state.db, session, RequestMeta.of(request))


async def account_context(
    request: Request, settings: SettingsDep, log: Annotated[SecurityLog, Depends(security_log)]
) -> AccountContext:
    """Links in emails point at the public URL, or where this request came in."""
    app_url = settings.public_url.rstrip("/") or str(request.base_url).rstrip("/")
    return AccountContext(settings=settings, app_url=app_url, log=log)


Issuer = Annotated[SessionIssuer, Depends(session_issuer)]
Security = Annotated[SecurityLog, Depends(security_log)]
Context = Annotated[AccountContext, Depends(account_context)]
