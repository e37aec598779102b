"""Queries on members."""

import uuid

from sqlalchemy import Uuid, bindparam, select

from reloop.access.visibility import blocked_between
from reloop.kit.repository import Repository
from reloop.models.user import User

# Built once: profiles, a seller's listings, their reviews and their followers all start
# by finding the member by username, and building the statement per request (with its
# cache key) cost more CPU than running it.
_BY_USERNAME = select(User).where(
    User.username == bindparam("username", type_=User.username.type), User.deleted_at.is_(None)
)
_VISIBLE_BY_USERNAME = _BY_USERNAME.where(
    ~blocked_between(bindparam("viewer_id", type_=Uuid), User.id)
)


class UserRepository(Repository[User]):
    model = User

    async def by_email(self, email: str) -> User | None:
        """An active member by email, case-insensitively (the column is citext)."""
        result = await self.session.execute(
            select(User).where(User.email == email, User.deleted_at.is_(None))
        )
        return result.scalar_one_or_none()

    async def by_username(self, username: str) -> User | None:
        result = await self.session.execute(_BY_USERNAME, {"username": username})
        return result.scalar_one_or_none()

    async def visible_by_username(self, username: str, viewer_id: uuid.UUID | None) -> User | None:
        """An active member the viewer may see: a block either way hides them (as missing)."""
        if viewer_id is None:
            return await self.by_username(username)
        result = await self.session.execute(
            _VISIBLE_BY_USERNAME, {"username": username, "viewer_id": viewer_id}
        )
        return result.scalar_one_or_none()

    async def email_exists(self, email: str) -> bool:
        """Including deleted members' anonymised rows, which can never collide."""
        result = await self.session.execute(select(User.id).where(User.email == email))
        return result.first() is not None

    async def username_exists(self, username: str) -> bool:
        result = await self.session.execute(select(User.id).where(User.username == username))
        return result.first() is not None
