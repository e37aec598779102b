"""What one member may see of another: blocks, in SQL that every list can reuse.

A block works both ways: neither member sees the other's listings, comments or profile.
These helpers sit low in the stack so listings, profiles, comments, the feed and the
notification dispatcher all filter the same way, inside the statement that reads the page.
"""

import uuid

from sqlalchemy import ColumnElement, and_, exists, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute

from reloop.models.social import Block

MemberColumn = ColumnElement[uuid.UUID] | QueryableAttribute[uuid.UUID]


def blocked_between(
    viewer_id: uuid.UUID | ColumnElement[uuid.UUID], member: MemberColumn
) -> ColumnElement[bool]:
    """True when `viewer_id` and the member in column `member` blocked one another."""
    return exists().where(
        or_(
            and_(Block.blocker_id == viewer_id, Block.blocked_id == member),
            and_(Block.blocker_id == member, Block.blocked_id == viewer_id),
        )
    )


def visible_to(
    viewer_id: uuid.UUID | ColumnElement[uuid.UUID] | None, member: MemberColumn
) -> ColumnElement[bool]:
    """A filter keeping rows whose member has no block with the viewer (visitors see all).

    `viewer_id` may be a bound parameter, for statements built once per shape."""
    if viewer_id is None:
        return ~false()
    return ~blocked_between(viewer_id, member)


def viewer_cache_group(member_id: uuid.UUID) -> str:
    """The cache group (`Cache.set_field`) of what is kept for this member as filtered by
    their blocks; a block or an unblock drops it for both members."""
    return f"viewer:{member_id}"


async def is_blocked_between(session: AsyncSession, a: uuid.UUID, b: uuid.UUID) -> bool:
    """Whether either member blocked the other (one indexed lookup each way)."""
    found = await session.execute(
        select(Block.blocker_id)
        .where(
            or_(
                and_(Block.blocker_id == a, Block.blocked_id == b),
                and_(Block.blocker_id == b, Block.blocked_id == a),
            )
        )
        .limit(1)
    )
    return found.first() is not None
