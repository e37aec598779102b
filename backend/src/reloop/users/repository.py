"""Queries on members."""

import uuid

from sqlalchemy import select

from reloop.access.visibility import visible_to
from reloop.kit.repository import Repository
from reloop.models.user import User


class UserRepository(Repository[User]):
    model = User

    async def by_email(self, email: str) -> User | None:
        """An active member by email, case-insensitively (the column is citext)."""
        result = await self.session.execute(
            select(User).where(User.email == email, User.deleted_at.is_(None))
        )
        return result.scalar_one_or_none()

    async def by_username(self, username: str) -> User | None:
        result = await self.session.execute(
            select(User).where(User.username == username, User.deleted_at.is_(None))
        )
        return result.scalar_one_or_none()

    async def visible_by_username(self, username: str, viewer_id: uuid.UUID | None) -> User | None:
        """An active member the viewer may see: a block either way hides them (as missing)."""
        result = await self.session.execute(
            select(User).where(
                User.username == username,
                User.deleted_at.is_(None),
                visible_to(viewer_id, User.id),
            )
        )
        return result.scalar_one_or_none()

    async def email_exists(self, email: str) -> bool:
        """Including deleted members' anonymised rows, which can never collide."""
        result = await self.session.execute(select(User.id).where(User.email == email))
        return result.first() is not None

    async def username_exists(self, username: str) -> bool:
        result = await self.session.execute(select(User.id).where(User.username == username))
        return result.first() is not None
