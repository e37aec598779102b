"""Member profiles: the private account view, public profiles and profile edits."""

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.models.user import User
from reloop.users.errors import MemberNotFound
from reloop.users.repository import UserRepository
from reloop.users.schemas import Location, Me, ProfileCounts, ProfileUpdate, PublicProfile


def _location(user: User) -> Location | None:
    if user.country_code is None or user.city is None:
        return None
    return Location(country=user.country_code, city=user.city)


def to_me(user: User) -> Me:
    return Me(
        id=user.id,
        email=user.email,
        username=user.username,
        display_name=user.display_name,
        bio=user.bio,
        location=_location(user),
        role=user.role,
        email_verified=user.is_verified,
        created_at=user.created_at,
    )


async def public_profile(session: AsyncSession, username: str) -> PublicProfile:
    """The public view of an active member; deleted members are not found."""
    user = await UserRepository(session).by_username(username)
    if user is None:
        raise MemberNotFound()
    return PublicProfile(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        bio=user.bio,
        location=_location(user),
        joined_at=user.created_at,
        # Listings, follows and reviews arrive with their domains; until then a member
        # truly has none, so these are real zeros rather than placeholders.
        counts=ProfileCounts(listings=0, followers=0, following=0),
        rating=None,
        review_count=0,
    )


async def update_profile(session: AsyncSession, user: User, changes: ProfileUpdate) -> User:
    """Apply the fields present in `changes` (explicit nulls clear bio and location)."""
    sent = changes.model_fields_set
    if "display_name" in sent and changes.display_name is not None:
        user.display_name = changes.display_name
    if "bio" in sent:
        user.bio = changes.bio or None
    if "location" in sent:
        user.country_code = changes.location.country if changes.location else None
        user.city = changes.location.city if changes.location else None
    await session.flush()
    await session.refresh(user, ["updated_at"])
    return user
