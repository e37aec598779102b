"""Member profiles: the private account view, public profiles and profile edits."""

import uuid

from sqlalchemy import Uuid, bindparam, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.errors import ValidationFailed
from reloop.kit.storage import Storage
from reloop.media.schemas import ImageOut
from reloop.media.service import image_out
from reloop.models.item import PUBLIC_STATUSES, Item
from reloop.models.media import Image, ImagePurpose, ImageStatus
from reloop.models.social import Follow, Mute
from reloop.models.user import User
from reloop.users.errors import MemberNotFound
from reloop.users.repository import UserRepository
from reloop.users.schemas import (
    Location,
    Me,
    ProfileCounts,
    ProfileUpdate,
    ProfileViewer,
    PublicProfile,
)


def _location(user: User) -> Location | None:
    if user.country_code is None or user.city is None:
        return None
    return Location(country=user.country_code, city=user.city)


async def avatar_of(session: AsyncSession, storage: Storage, user: User) -> ImageOut | None:
    if user.avatar_image_id is None:
        return None
    image = await session.get(Image, user.avatar_image_id)
    return image_out(image, storage) if image and image.status is ImageStatus.ready else None


async def me_view(session: AsyncSession, storage: Storage, user: User) -> Me:
    """The member's own account, avatar included."""
    return to_me(user, await avatar_of(session, storage, user))


def to_me(user: User, avatar: ImageOut | None) -> Me:
    return Me(
        id=user.id,
        email=user.email,
        username=user.username,
        display_name=user.display_name,
        bio=user.bio,
        location=_location(user),
        avatar=avatar,
        role=user.role,
        email_verified=user.is_verified,
        created_at=user.created_at,
    )


_VIEWER = bindparam("viewer_id", type_=Uuid)
_MEMBER = bindparam("member_id", type_=Uuid)
# Built once, like every statement a profile page runs.
_VIEWER_OF = select(
    exists().where(Follow.follower_id == _VIEWER, Follow.followee_id == _MEMBER),
    exists().where(Follow.follower_id == _MEMBER, Follow.followee_id == _VIEWER),
    exists().where(Mute.muter_id == _VIEWER, Mute.muted_id == _MEMBER),
)
_LISTINGS = (
    select(func.count())
    .select_from(Item)
    .where(Item.seller_id == _MEMBER, Item.status.in_(PUBLIC_STATUSES))
)


async def _viewer_of(
    session: AsyncSession, viewer_id: uuid.UUID | None, member_id: uuid.UUID
) -> ProfileViewer | None:
    if viewer_id is None or viewer_id == member_id:
        return None
    params = {"viewer_id": viewer_id, "member_id": member_id}
    row = (await session.execute(_VIEWER_OF, params)).one()
    return ProfileViewer(following=row[0], follows_you=row[1], muted=row[2])


async def public_profile(
    session: AsyncSession, storage: Storage, username: str, viewer_id: uuid.UUID | None = None
) -> PublicProfile:
    """The public view of an active member; deleted members, and blocks either way, are 404."""
    user = await UserRepository(session).visible_by_username(username, viewer_id)
    if user is None:
        raise MemberNotFound()
    listings = await session.scalar(_LISTINGS, {"member_id": user.id})
    return PublicProfile(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        bio=user.bio,
        location=_location(user),
        avatar=await avatar_of(session, storage, user),
        joined_at=user.created_at,
        counts=ProfileCounts(
            listings=listings or 0,
            followers=user.follower_count,
            following=user.following_count,
        ),
        rating=round(user.rating_sum / user.rating_count, 2) if user.rating_count else None,
        review_count=user.rating_count,
        viewer=await _viewer_of(session, viewer_id, user.id),
    )


async def _usable_avatar(
    session: AsyncSession, user: User, image_id: uuid.UUID | None
) -> uuid.UUID | None:
    if image_id is None:
        return None
    image = await session.get(Image, image_id)
    if (
        image is None
        or image.owner_id != user.id
        or image.purpose is not ImagePurpose.avatar
        or image.status is not ImageStatus.ready
    ):
        message = "Use an avatar photo of yours that has finished processing."
        raise ValidationFailed(
            message, details={"fields": [{"field": "avatar_image_id", "message": message}]}
        )
    return image.id


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
    if "avatar_image_id" in sent:
        user.avatar_image_id = await _usable_avatar(session, user, changes.avatar_image_id)
    await session.flush()
    await session.refresh(user, ["updated_at"])
    return user
