"""Follows, blocks and mutes.

Each change is one idempotent statement on a link table; when it changed something, the
member counters move in the same transaction (atomic `UPDATE … SET n = n ± 1`), so the
counts on profiles are exact, never recomputed.
"""

import uuid

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.visibility import is_blocked_between, viewer_cache_group
from reloop.events.service import append_event
from reloop.kit.cache import Cache
from reloop.kit.jobs import on_commit
from reloop.models.social import Block, Follow, Mute
from reloop.models.user import User
from reloop.social.errors import CannotBlockSelf, CannotFollowSelf, MemberBlocked
from reloop.social.schemas import FollowState
from reloop.users.errors import MemberNotFound
from reloop.users.repository import UserRepository


async def _member(session: AsyncSession, username: str) -> User:
    member = await UserRepository(session).by_username(username)
    if member is None:
        raise MemberNotFound()
    return member


async def _bump_counts(
    session: AsyncSession, follower_id: uuid.UUID, followee_id: uuid.UUID, delta: int
) -> None:
    await session.execute(
        update(User)
        .where(User.id == follower_id)
        .values(following_count=User.following_count + delta)
    )
    await session.execute(
        update(User)
        .where(User.id == followee_id)
        .values(follower_count=User.follower_count + delta)
    )


async def _follower_count(session: AsyncSession, member_id: uuid.UUID) -> int:
    count = await session.scalar(select(User.follower_count).where(User.id == member_id))
    return int(count or 0)


async def follow(session: AsyncSession, follower: User, username: str) -> FollowState:
    """Follow `username` (again is fine); 409 for oneself, 403 across a block."""
    target = await _member(session, username)
    if target.id == follower.id:
        raise CannotFollowSelf()
    if await is_blocked_between(session, follower.id, target.id):
        raise MemberBlocked()
    added = await session.execute(
        insert(Follow)
        .values(follower_id=follower.id, followee_id=target.id)
        .on_conflict_do_nothing()
        .returning(Follow.followee_id)
    )
    if added.first() is not None:
        await _bump_counts(session, follower.id, target.id, +1)
        append_event(session, "user.followed", target.id, actor_id=follower.id)
    return FollowState(following=True, follower_count=await _follower_count(session, target.id))


async def unfollow(session: AsyncSession, follower: User, username: str) -> FollowState:
    """Stop following `username`; not following already is fine."""
    target = await _member(session, username)
    removed = await session.execute(
        delete(Follow)
        .where(Follow.follower_id == follower.id, Follow.followee_id == target.id)
        .returning(Follow.followee_id)
    )
    if removed.first() is not None:
        await _bump_counts(session, follower.id, target.id, -1)
    return FollowState(following=False, follower_count=await _follower_count(session, target.id))


def _forget_views(session: AsyncSession, cache: Cache, a: uuid.UUID, b: uuid.UUID) -> None:
    """What was kept for either member as filtered by their blocks is stale once committed."""
    on_commit(session, lambda: cache.delete(viewer_cache_group(a), viewer_cache_group(b)))


async def block(session: AsyncSession, cache: Cache, blocker: User, username: str) -> None:
    """Block `username`: follows both ways end, and each disappears from the other's view."""
    target = await _member(session, username)
    if target.id == blocker.id:
        raise CannotBlockSelf()
    _forget_views(session, cache, blocker.id, target.id)
    await session.execute(
        insert(Block).values(blocker_id=blocker.id, blocked_id=target.id).on_conflict_do_nothing()
    )
    ended = await session.execute(
        delete(Follow)
        .where(
            or_(
                and_(Follow.follower_id == blocker.id, Follow.followee_id == target.id),
                and_(Follow.follower_id == target.id, Follow.followee_id == blocker.id),
            )
        )
        .returning(Follow.follower_id, Follow.followee_id)
    )
    for follower_id, followee_id in ended.all():
        await _bump_counts(session, follower_id, followee_id, -1)


async def unblock(session: AsyncSession, cache: Cache, blocker: User, username: str) -> None:
    target = await _member(session, username)
    _forget_views(session, cache, blocker.id, target.id)
    await session.execute(
        delete(Block).where(Block.blocker_id == blocker.id, Block.blocked_id == target.id)
    )


async def mute(session: AsyncSession, muter: User, username: str) -> None:
    """Remove `username`'s listings from the muter's feed; they are not told."""
    target = await _member(session, username)
    if target.id == muter.id:
        raise CannotBlockSelf()
    await session.execute(
        insert(Mute).values(muter_id=muter.id, muted_id=target.id).on_conflict_do_nothing()
    )


async def unmute(session: AsyncSession, muter: User, username: str) -> None:
    target = await _member(session, username)
    await session.execute(delete(Mute).where(Mute.muter_id == muter.id, Mute.muted_id == target.id))
