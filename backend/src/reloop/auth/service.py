"""Accounts: sign-up, email verification, sign-in and password recovery.

Every function takes the request's session and only flushes; the boundary commits.
Failures a member could use to probe for accounts answer the same way for everyone.
"""

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.auth.context import AccountContext
from reloop.auth.emails import send_password_changed, send_password_reset, send_verification
from reloop.auth.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidEmailToken,
    UsernameTaken,
    WeakPassword,
)
from reloop.auth.policy import PolicyError, check_username, normalise_email, password_problem
from reloop.auth.repository import AuthTokenRepository
from reloop.auth.schemas import Registration
from reloop.auth.security_log import RequestMeta
from reloop.auth.sessions import IssuedTokens, SessionIssuer
from reloop.auth.throttle import FailedSignIns, account_key
from reloop.kit.errors import ValidationFailed
from reloop.kit.security.passwords import hash_password, verify_password
from reloop.kit.security.tokens import hash_secret_token
from reloop.mail.service import queue_email
from reloop.models.auth import AuthToken, TokenPurpose
from reloop.models.user import User
from reloop.users.repository import UserRepository


def field_error(
    field: str, message: str, error: type[ValidationFailed] = ValidationFailed
) -> ValidationFailed:
    return error(message, details={"fields": [{"field": field, "message": message}]})


def check_password(password: str, *, email: str, username: str, field: str = "password") -> None:
    problem = password_problem(password, email=email, username=username)
    if problem is not None:
        raise field_error(field, problem, WeakPassword)


async def register(session: AsyncSession, context: AccountContext, data: Registration) -> User:
    """Create an unverified member and send the verification link."""
    try:
        email = normalise_email(data.email)
    except PolicyError as exc:
        raise field_error("email", str(exc)) from exc
    try:
        username = check_username(data.username)
    except PolicyError as exc:
        raise field_error("username", str(exc)) from exc
    check_password(data.password, email=email, username=username)
    users = UserRepository(session)
    if await users.email_exists(email):
        raise EmailTaken(details={"fields": [{"field": "email", "message": EmailTaken.message}]})
    if await users.username_exists(username):
        raise UsernameTaken(
            details={"fields": [{"field": "username", "message": UsernameTaken.message}]}
        )
    user = await users.add(
        User(
            email=email,
            username=username,
            password_hash=await hash_password(data.password),
            display_name=data.display_name or username,
        )
    )
    await session.refresh(user, ["created_at", "updated_at"])
    await send_verification(session, context.settings, context.app_url, user)
    return user


async def _consume(session: AsyncSession, token: str, purposes: set[TokenPurpose]) -> AuthToken:
    found = await AuthTokenRepository(session).by_hash_for_update(hash_secret_token(token))
    now = datetime.now(UTC)
    if found is None or found.purpose not in purposes or found.used_at or found.expires_at <= now:
        raise InvalidEmailToken()
    found.used_at = now
    return found


async def verify_email(session: AsyncSession, context: AccountContext, token: str) -> User:
    """Confirm an address: the account's own (sign-up) or a new one (email change)."""
    consumed = await _consume(
        session, token, {TokenPurpose.verify_email, TokenPurpose.change_email}
    )
    user = await session.get(User, consumed.user_id)
    if user is None or user.is_deleted:
        raise InvalidEmailToken()
    if consumed.purpose is TokenPurpose.change_email:
        assert consumed.new_email is not None
        if await UserRepository(session).email_exists(consumed.new_email):
            raise EmailTaken()
        user.email = consumed.new_email
        context.log.record("email_changed", user.id)
    elif not user.is_verified:
        await queue_email(
            session,
            to=user.email,
            template="welcome",
            context={"name": user.display_name, "url": context.app_url},
        )
    user.email_verified_at = user.email_verified_at or datetime.now(UTC)
    await session.flush()
    context.log.record("email_verified", user.id)
    return user


async def resend_verification(session: AsyncSession, context: AccountContext, user: User) -> None:
    if not user.is_verified:
        await send_verification(session, context.settings, context.app_url, user)


async def sign_in(
    session: AsyncSession,
    context: AccountContext,
    issuer: SessionIssuer,
    failures: FailedSignIns,
    meta: RequestMeta,
    *,
    email: str,
    password: str,
) -> IssuedTokens:
    """Check the credentials and start a session; the same 401 for any failure."""
    account = account_key(email.strip())
    await failures.ensure_allowed(account)
    try:
        normalised = normalise_email(email)
    except PolicyError:
        normalised = None
    user = await UserRepository(session).by_email(normalised) if normalised else None
    verification = await verify_password(user.password_hash if user else None, password)
    if user is None or not verification.ok:
        await failures.record_failure(account)
        await context.log.record_now("sign_in_failed", user.id if user else None)
        raise InvalidCredentials()
    await failures.clear(account)
    if verification.needs_rehash:
        user.password_hash = await hash_password(password)
    issued = await issuer.start(session, user, meta)
    context.log.record("sign_in", user.id, session_id=str(issued.session_id))
    return issued


async def request_password_reset(
    session: AsyncSession, context: AccountContext, email: str
) -> None:
    """Send a reset link if the account exists; the caller answers 202 either way."""
    try:
        normalised = normalise_email(email)
    except PolicyError:
        return
    user = await UserRepository(session).by_email(normalised)
    if user is None:
        return
    await send_password_reset(session, context.settings, context.app_url, user)
    context.log.record("password_reset_requested", user.id)


async def reset_password(
    session: AsyncSession, context: AccountContext, token: str, password: str
) -> None:
    """Set a new password from a reset link; every session of the account ends."""
    consumed = await _consume(session, token, {TokenPurpose.reset_password})
    user = await session.get(User, consumed.user_id)
    if user is None or user.is_deleted:
        raise InvalidEmailToken()
    check_password(password, email=user.email, username=user.username)
    user.password_hash = await hash_password(password)
    user.password_changed_at = datetime.now(UTC)
    # Reading the mail proves control of the address.
    user.email_verified_at = user.email_verified_at or datetime.now(UTC)
    await SessionIssuer.revoke_all(session, user.id, "password_reset")
    await send_password_changed(session, context.app_url, user)
    context.log.record("password_reset", user.id)
