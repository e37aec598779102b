"""Sign-up, sign-in, sessions and account security: `/auth/*`, `/me/*`, the JWKS."""

import uuid
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request, Response, status

from reloop.access.deps import CurrentMember, OptionalMember, signing_keys
from reloop.access.errors import CsrfFailed, NotAuthenticated
from reloop.auth import service
from reloop.auth.cookies import REFRESH_COOKIE, clear_session_cookies, set_session_cookies
from reloop.auth.deps import Context, Issuer, Security
from reloop.auth.devices import describe_device
from reloop.auth.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidEmailToken,
    InvalidRefreshToken,
    SessionNotFound,
    TooManyAttempts,
    UsernameTaken,
    WeakPassword,
)
from reloop.auth.repository import SessionRepository
from reloop.auth.schemas import (
    Credentials,
    EmailToken,
    ForgotPassword,
    Jwks,
    PasswordReset,
    RefreshRequest,
    Registration,
    SessionInfo,
    SessionList,
    TokenGrant,
    VerifiedEmail,
)
from reloop.auth.security_log import RequestMeta
from reloop.auth.sessions import IssuedTokens, SessionIssuer
from reloop.auth.throttle import (
    PASSWORD_RESET_PER_IP,
    SIGN_IN_PER_ACCOUNT,
    SIGN_IN_PER_IP,
    SIGN_UP_PER_IP,
    VERIFICATION_RESEND,
    FailedSignIns,
    account_key,
)
from reloop.kit.deps import RedisDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import RateLimited, error_responses
from reloop.kit.ratelimit import RateLimiter, client_ip, rate_limit
from reloop.users.schemas import Me
from reloop.users.service import me_view, to_me

router = APIRouter(tags=["accounts"])
jwks_router = APIRouter(tags=["accounts"])


def _limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter


async def _grant(
    request: Request,
    response: Response,
    settings: SettingsDep,
    issued: IssuedTokens,
    *,
    bearer: bool,
    session: SessionDep,
    storage: StorageDep,
) -> TokenGrant:
    if not bearer:
        set_session_cookies(
            request,
            response,
            settings,
            access_token=issued.access_token,
            refresh_token=issued.refresh_token,
            csrf_token=issued.csrf_token,
            session_max_age_s=issued.session_max_age_s,
        )
    return TokenGrant(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        refresh_token=issued.refresh_token if bearer else None,
        csrf_token=issued.csrf_token,
        user=await me_view(session, storage, issued.user),
    )


@router.post(
    "/auth/register",
    status_code=status.HTTP_201_CREATED,
    response_model=Me,
    summary="Create an account (unverified until the emailed link is opened)",
    dependencies=[Depends(rate_limit(SIGN_UP_PER_IP))],
    responses=error_responses(EmailTaken, UsernameTaken, WeakPassword, RateLimited),
)
async def register(body: Registration, session: SessionDep, context: Context) -> Me:
    return to_me(await service.register(session, context, body), avatar=None)


@router.post(
    "/auth/verify-email",
    response_model=VerifiedEmail,
    summary="Confirm an email address with the token from the emailed link",
    responses=error_responses(InvalidEmailToken, EmailTaken),
)
async def verify_email(body: EmailToken, session: SessionDep, context: Context) -> VerifiedEmail:
    user = await service.verify_email(session, context, body.token)
    return VerifiedEmail(email=user.email)


@router.post(
    "/auth/verify-email/resend",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send the verification link again",
    responses=error_responses(NotAuthenticated, RateLimited),
)
async def resend_verification(
    request: Request, principal: CurrentMember, session: SessionDep, context: Context
) -> None:
    await _limiter(request).enforce(VERIFICATION_RESEND, str(principal.user.id))
    await service.resend_verification(session, context, principal.user)


@router.post(
    "/auth/login",
    response_model=TokenGrant,
    summary="Sign in: cookies for browsers, tokens in the body for API clients",
    responses=error_responses(InvalidCredentials, TooManyAttempts, RateLimited),
)
async def login(
    request: Request,
    response: Response,
    body: Credentials,
    session: SessionDep,
    settings: SettingsDep,
    context: Context,
    issuer: Issuer,
    redis: RedisDep,
    storage: StorageDep,
) -> TokenGrant:
    limiter = _limiter(request)
    await limiter.enforce(SIGN_IN_PER_IP, client_ip(request))
    await limiter.enforce(SIGN_IN_PER_ACCOUNT, account_key(body.email.strip()))
    issued = await service.sign_in(
        session,
        context,
        issuer,
        FailedSignIns(redis),
        RequestMeta.of(request),
        email=body.email,
        password=body.password,
    )
    return await _grant(
        request,
        response,
        settings,
        issued,
        bearer=body.transport == "bearer",
        session=session,
        storage=storage,
    )


@router.post(
    "/auth/refresh",
    response_model=TokenGrant,
    summary="Rotate the refresh token (cookie or body) into a new token pair",
    responses=error_responses(InvalidRefreshToken, CsrfFailed),
)
async def refresh(
    request: Request,
    response: Response,
    body: RefreshRequest,
    session: SessionDep,
    settings: SettingsDep,
    issuer: Issuer,
    log: Security,
    storage: StorageDep,
) -> TokenGrant:
    bearer = body.refresh_token is not None
    presented = body.refresh_token or request.cookies.get(REFRESH_COOKIE)
    if not presented:
        raise InvalidRefreshToken()
    issued = await issuer.refresh(
        session,
        request.app.state.db,
        log,
        presented,
        csrf_token=request.headers.get("x-csrf-token"),
        require_csrf=not bearer,
    )
    return await _grant(
        request, response, settings, issued, bearer=bearer, session=session, storage=storage
    )


@router.post(
    "/auth/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign out of this session",
)
async def logout(
    request: Request,
    response: Response,
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    log: Security,
) -> None:
    if principal is not None:
        await SessionIssuer.revoke(session, principal.session, "signed_out")
        log.record("sign_out", principal.user.id, session_id=str(principal.session_id))
    clear_session_cookies(request, response, settings)


@router.post(
    "/auth/logout-all",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign out everywhere: every session of the account ends",
    responses=error_responses(NotAuthenticated),
)
async def logout_everywhere(
    request: Request,
    response: Response,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    log: Security,
) -> None:
    await SessionIssuer.revoke_all(session, principal.user.id, "signed_out_everywhere")
    log.record("sign_out_everywhere", principal.user.id)
    clear_session_cookies(request, response, settings)


@router.post(
    "/auth/password/forgot",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Email a reset link if the account exists (always 202)",
    dependencies=[Depends(rate_limit(PASSWORD_RESET_PER_IP))],
    responses=error_responses(RateLimited),
)
async def forgot_password(body: ForgotPassword, session: SessionDep, context: Context) -> None:
    await service.request_password_reset(session, context, body.email)


@router.post(
    "/auth/password/reset",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Set a new password with the token from the emailed link",
    dependencies=[Depends(rate_limit(PASSWORD_RESET_PER_IP))],
    responses=error_responses(InvalidEmailToken, WeakPassword, RateLimited),
)
async def reset_password(body: PasswordReset, session: SessionDep, context: Context) -> None:
    await service.reset_password(session, context, body.token, body.password)


@router.get(
    "/auth/sessions",
    response_model=SessionList,
    summary="The devices signed in to this account",
    responses=error_responses(NotAuthenticated),
)
async def list_sessions(principal: CurrentMember, session: SessionDep) -> SessionList:
    sessions = await SessionRepository(session).active_for_user(
        principal.user.id, datetime.now(UTC)
    )
    return SessionList(
        items=[
            SessionInfo(
                id=s.id,
                device=describe_device(s.user_agent),
                ip=s.ip,
                created_at=s.created_at,
                last_used_at=s.last_used_at,
                current=s.id == principal.session_id,
            )
            for s in sessions
        ]
    )


@router.delete(
    "/auth/sessions/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign out one device",
    responses=error_responses(NotAuthenticated, SessionNotFound),
)
async def revoke_session(
    session_id: uuid.UUID, principal: CurrentMember, session: SessionDep, log: Security
) -> None:
    target = await SessionRepository(session).owned(session_id, principal.user.id)
    if target is None:
        raise SessionNotFound()
    await SessionIssuer.revoke(session, target, "revoked_by_member")
    log.record("session_revoked", principal.user.id, session_id=str(session_id))


@jwks_router.get(
    "/.well-known/jwks.json",
    response_model=Jwks,
    summary="Public keys that verify Reloop access tokens",
)
async def jwks(request: Request) -> Jwks:
    return Jwks.model_validate(signing_keys(request).jwks())
