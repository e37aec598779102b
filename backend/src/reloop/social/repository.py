"""Queries of the social graph: member lists with the viewer's flags, in one statement.

Every member list reads (link time, member, avatar, followed-by-me) in a single keyset
query, so a page of any size is one statement after the owner is looked up.
"""

import uuid
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, Select, and_, exists, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute, aliased

from reloop.access.visibility import visible_to
from reloop.models.media import Image, ImageStatus
from reloop.models.social import Block, Follow, Mute
from reloop.models.user import User


class MemberRow(NamedTuple):
    linked_at: datetime
    member: User
    avatar: Image | None
    followed_by_me: bool


Keyset = tuple[datetime, uuid.UUID] | None


# An alias: the lists themselves read `follows`, which would otherwise correlate. Made once
# (an `aliased()` builds a proxy of every column on first use).
_MY_FOLLOW = aliased(Follow, name="my_follow")


def _followed_by(viewer_id: uuid.UUID | None) -> ColumnElement[bool]:
    if viewer_id is None:
        return literal(False).label("followed_by_me")
    mine = _MY_FOLLOW
    return (
        exists()
        .where(mine.follower_id == viewer_id, mine.followee_id == User.id)
        .label("followed_by_me")
    )


def _member_page(
    linked_at: QueryableAttribute[datetime],
    member_id: QueryableAttribute[uuid.UUID],
    owner_filter: ColumnElement[bool],
    viewer_id: uuid.UUID | None,
    limit: int,
    after: Keyset,
    *,
    apply_blocks: bool = True,
) -> Select[datetime, User, Image, bool]:
    """A keyset page of members; `apply_blocks=False` for the viewer's own block lists."""
    query = (
        select(linked_at, User, Image, _followed_by(viewer_id))
        .join(User, User.id == member_id)
        .outerjoin(Image, and_(Image.id == User.avatar_image_id, Image.status == ImageStatus.ready))
        .where(
            owner_filter,
            User.deleted_at.is_(None),
            visible_to(viewer_id if apply_blocks else None, User.id),
        )
        .order_by(linked_at.desc(), member_id.desc())
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(tuple_(linked_at, member_id) < after)
    return query


async def _rows(
    session: AsyncSession, query: Select[datetime, User, Image, bool]
) -> list[MemberRow]:
    return [MemberRow(*row) for row in await session.execute(query)]


class GraphRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def followers(
        self, member_id: uuid.UUID, viewer_id: uuid.UUID | None, limit: int, after: Keyset
    ) -> list[MemberRow]:
        query = _member_page(
            Follow.created_at,
            Follow.follower_id,
            Follow.followee_id == member_id,
            viewer_id,
            limit,
            after,
        )
        return await _rows(self.session, query.select_from(Follow))

    async def following(
        self, member_id: uuid.UUID, viewer_id: uuid.UUID | None, limit: int, after: Keyset
    ) -> list[MemberRow]:
        query = _member_page(
            Follow.created_at,
            Follow.followee_id,
            Follow.follower_id == member_id,
            viewer_id,
            limit,
            after,
        )
        return await _rows(self.session, query.select_from(Follow))

    async def blocked_by(self, member_id: uuid.UUID, limit: int, after: Keyset) -> list[MemberRow]:
        """Whom the member blocked (the block itself would hide them from `visible_to`)."""
        query = _member_page(
            Block.created_at, Block.blocked_id, Block.blocker_id == member_id, None, limit, after
        )
        return await _rows(self.session, query.select_from(Block))

    async def muted_by(self, member_id: uuid.UUID, limit: int, after: Keyset) -> list[MemberRow]:
        query = _member_page(
            Mute.created_at,
            Mute.muted_id,
            Mute.muter_id == member_id,
            member_id,
            limit,
            after,
            apply_blocks=False,
        )
        return await _rows(self.session, query.select_from(Mute))
