"""Creating staff accounts from the command line (`reloop admin create`)."""

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.auth.errors import EmailTaken, UsernameTaken
from reloop.auth.policy import check_username, normalise_email
from reloop.auth.service import check_password
from reloop.kit.security.passwords import hash_password
from reloop.models.user import Role, User
from reloop.users.repository import UserRepository


async def create_member(
    session: AsyncSession,
    *,
    email: str,
    username: str,
    password: str,
    display_name: str | None = None,
    role: Role = Role.member,
) -> User:
    """A verified account, checked by the same rules as sign-up (raises `PolicyError`)."""
    email = normalise_email(email)
    username = check_username(username)
    check_password(password, email=email, username=username)
    users = UserRepository(session)
    if await users.email_exists(email):
        raise EmailTaken()
    if await users.username_exists(username):
        raise UsernameTaken()
    return await users.add(
        User(
            email=email,
            username=username,
            password_hash=await hash_password(password),
            display_name=display_name or username,
            role=role,
            email_verified_at=datetime.now(UTC),
        )
    )
