"""Profile shapes: the member's own account (`Me`) and what everyone sees."""

import uuid
from typing import Annotated, Literal

import pycountry
from pydantic import AfterValidator, Field, StringConstraints

from reloop.kit.schemas import Schema, UtcDatetime
from reloop.media.schemas import ImageOut
from reloop.models.user import Role


def _known_country(code: str) -> str:
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError("Use a two-letter ISO country code, such as FR or GB.")
    return code


CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}$"), AfterValidator(_known_country)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]


class Location(Schema):
    country: CountryCode
    city: Annotated[Text, StringConstraints(min_length=1, max_length=80)]


class Me(Schema):
    """The signed-in member's own account."""

    id: uuid.UUID
    email: str
    username: str
    display_name: str
    bio: str | None
    location: Location | None
    avatar: ImageOut | None = None
    role: Role
    email_verified: bool
    created_at: UtcDatetime


class ProfileCounts(Schema):
    listings: int
    followers: int
    following: int


class ProfileViewer(Schema):
    """The signed-in viewer's relation to the member (null for visitors and oneself)."""

    following: bool
    follows_you: bool
    muted: bool


class PublicProfile(Schema):
    """What anyone may see of a member."""

    id: uuid.UUID
    username: str
    display_name: str
    bio: str | None
    location: Location | None
    avatar: ImageOut | None = None
    joined_at: UtcDatetime
    counts: ProfileCounts
    rating: float | None = Field(description="Average review rating; null until reviewed.")
    review_count: int
    viewer: ProfileViewer | None = None


class ProfileUpdate(Schema):
    """Only the fields sent change; send `null` to clear bio or location."""

    display_name: Annotated[Text, StringConstraints(min_length=1, max_length=60)] | None = None
    bio: Annotated[Text, StringConstraints(max_length=1000)] | None = None
    location: Location | None = None
    avatar_image_id: uuid.UUID | None = Field(
        default=None, description="A processed avatar upload of yours; null removes it."
    )


class AccountDeletion(Schema):
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    confirm: Literal["DELETE"] = Field(description='Type "DELETE" to confirm.')
