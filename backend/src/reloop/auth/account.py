"""Account security for a signed-in member: password, email address, deletion."""

from datetime import UTC, datetime

from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.deps import Principal
from reloop.auth.context import AccountContext
from reloop.auth.emails import send_email_change_verification, send_password_changed
from reloop.auth.errors import EmailTaken, WrongPassword
from reloop.auth.policy import PolicyError, normalise_email
from reloop.auth.service import check_password, field_error
from reloop.auth.sessions import SessionIssuer
from reloop.kit.security.passwords import hash_password, unusable_password_hash, verify_password
from reloop.models.auth import AuthToken
from reloop.models.user import User
from reloop.users.repository import UserRepository


async def _confirm_password(principal: Principal, password: str, field: str) -> None:
    if not (await verify_password(principal.user.password_hash, password)).ok:
        raise field_error(field, WrongPassword.message, WrongPassword)


async def change_password(
    session: AsyncSession,
    context: AccountContext,
    principal: Principal,
    *,
    current_password: str,
    new_password: str,
) -> None:
    """New password; every *other* session ends, and the member is told by email."""
    await _confirm_password(principal, current_password, "current_password")
    user = principal.user
    check_password(new_password, email=user.email, username=user.username, field="new_password")
    user.password_hash = await hash_password(new_password)
    user.password_changed_at = datetime.now(UTC)
    await SessionIssuer.revoke_all(session, user.id, "password_changed", keep=principal.session_id)
    await send_password_changed(session, context.app_url, user)
    context.log.record("password_changed", user.id)


async def request_email_change(
    session: AsyncSession,
    context: AccountContext,
    principal: Principal,
    *,
    new_email: str,
    password: str,
) -> str:
    """Send a confirmation link to the new address and a notice to the old one."""
    await _confirm_password(principal, password, "password")
    try:
        normalised = normalise_email(new_email)
    except PolicyError as exc:
        raise field_error("new_email", str(exc)) from exc
    if normalised.lower() == principal.user.email.lower() or await UserRepository(
        session
    ).email_exists(normalised):
        raise EmailTaken(
            details={"fields": [{"field": "new_email", "message": EmailTaken.message}]}
        )
    await send_email_change_verification(
        session, context.settings, context.app_url, principal.user, normalised
    )
    context.log.record("email_change_requested", principal.user.id)
    return normalised


async def delete_account(
    session: AsyncSession, context: AccountContext, principal: Principal, *, password: str
) -> None:
    """Anonymise the member and end every session.

    The row stays (as "Deleted member") so what others rely on, such as reviews, keeps
    its author; everything that identifies the person is removed.
    """
    await _confirm_password(principal, password, "password")
    user = principal.user
    tag = user.id.hex[:12]
    user.email = f"deleted-{user.id.hex}@deleted.reloop.invalid"
    user.username = f"deleted_{tag}"
    user.display_name = "Deleted member"
    user.bio = None
    user.country_code = None
    user.city = None
    user.password_hash = unusable_password_hash()
    user.deleted_at = datetime.now(UTC)
    await session.execute(delete(AuthToken).where(AuthToken.user_id == user.id))
    await SessionIssuer.revoke_all(session, user.id, "account_deleted")
    await _end_follows(session, user)
    await session.flush()
    context.log.record("account_deleted", user.id)


# Two statements however many follows there are (a seller with 100,000 followers too);
# two, because one statement cannot update the same member's row twice.
_END_FOLLOWING = text(
    """
    WITH ended AS (DELETE FROM follows WHERE follower_id = :member RETURNING followee_id)
    UPDATE users SET follower_count = follower_count - 1
    WHERE id IN (SELECT followee_id FROM ended)
    """
)
_END_FOLLOWERS = text(
    """
    WITH ended AS (DELETE FROM follows WHERE followee_id = :member RETURNING follower_id)
    UPDATE users SET following_count = following_count - 1
    WHERE id IN (SELECT follower_id FROM ended)
    """
)


async def _end_follows(session: AsyncSession, user: User) -> None:
    """Remove the member's follows both ways, keeping everyone else's counts exact."""
    await session.execute(_END_FOLLOWING, {"member": user.id})
    await session.execute(_END_FOLLOWERS, {"member": user.id})
    user.follower_count = user.following_count = 0
