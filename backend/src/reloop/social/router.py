"""Follows, blocks, mutes, likes and saves, and the lists they make."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from reloop.access.deps import CurrentMember, OptionalMember, VerifiedMember
from reloop.access.errors import EmailNotVerified, NotAuthenticated
from reloop.config import Settings
from reloop.items.errors import ItemNotFound
from reloop.items.pages import card_page
from reloop.items.schemas import ItemPage
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.deps import CacheDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, RateLimited, error_responses
from reloop.kit.ratelimit import RateLimit, RateLimiter
from reloop.kit.schemas import MAX_PAGE_SIZE, keyset_page
from reloop.kit.storage import Storage
from reloop.models.social import Like, Save
from reloop.social import graph, reactions
from reloop.social.errors import CannotBlockSelf, CannotFollowSelf, MemberBlocked
from reloop.social.repository import GraphRepository, MemberRow
from reloop.social.schemas import FollowState, LikeState, MemberPage, SaveState
from reloop.social.views import member_card
from reloop.users.errors import MemberNotFound
from reloop.users.repository import UserRepository

router = APIRouter(tags=["social"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=512)]
Username = Annotated[str, Path(min_length=1, max_length=40)]

# Generous for people, tight for scripts that follow or like everything in sight.
SOCIAL_WRITES = RateLimit("social-writes", limit=120, window_s=60)


async def _throttle(request: Request, response: Response, member_id: uuid.UUID) -> None:
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.enforce(SOCIAL_WRITES, str(member_id), response)


def _codec(settings: Settings, scope: str) -> CursorCodec:
    return CursorCodec(settings.secret_key.get_secret_value(), scope)


def _member_page(
    rows: list[MemberRow], limit: int, codec: CursorCodec, storage: Storage
) -> MemberPage:
    page = keyset_page(
        rows,
        limit=limit,
        codec=codec,
        key=lambda r: (r.linked_at, r.member.id),
        item=lambda r: member_card(r, storage),
    )
    return MemberPage(items=page.items, next_cursor=page.next_cursor)


@router.put(
    "/users/{username}/follow",
    response_model=FollowState,
    summary="Follow a member (idempotent)",
    responses=error_responses(
        NotAuthenticated,
        EmailNotVerified,
        MemberNotFound,
        CannotFollowSelf,
        MemberBlocked,
        RateLimited,
    ),
)
async def put_follow(
    request: Request,
    response: Response,
    username: Username,
    principal: VerifiedMember,
    session: SessionDep,
) -> FollowState:
    await _throttle(request, response, principal.user.id)
    return await graph.follow(session, principal.user, username)


@router.delete(
    "/users/{username}/follow",
    response_model=FollowState,
    summary="Stop following a member (idempotent)",
    responses=error_responses(NotAuthenticated, MemberNotFound),
)
async def delete_follow(
    username: Username, principal: CurrentMember, session: SessionDep
) -> FollowState:
    return await graph.unfollow(session, principal.user, username)


async def _visible_member(
    session: SessionDep, username: str, viewer: uuid.UUID | None
) -> uuid.UUID:
    member = await UserRepository(session).visible_by_username(username, viewer)
    if member is None:
        raise MemberNotFound()
    return member.id


@router.get(
    "/users/{username}/followers",
    response_model=MemberPage,
    summary="Who follows a member, most recent first",
    responses=error_responses(MemberNotFound, InvalidCursor),
)
async def list_followers(
    username: Username,
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> MemberPage:
    viewer = principal.user.id if principal else None
    member_id = await _visible_member(session, username, viewer)
    codec = _codec(settings, f"followers:{member_id}")
    rows = await GraphRepository(session).followers(
        member_id, viewer, limit, decode_time_keyset(codec, cursor)
    )
    return _member_page(rows, limit, codec, storage)


@router.get(
    "/users/{username}/following",
    response_model=MemberPage,
    summary="Whom a member follows, most recent first",
    responses=error_responses(MemberNotFound, InvalidCursor),
)
async def list_following(
    username: Username,
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> MemberPage:
    viewer = principal.user.id if principal else None
    member_id = await _visible_member(session, username, viewer)
    codec = _codec(settings, f"following:{member_id}")
    rows = await GraphRepository(session).following(
        member_id, viewer, limit, decode_time_keyset(codec, cursor)
    )
    return _member_page(rows, limit, codec, storage)


@router.put(
    "/users/{username}/block",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Block a member: each disappears from the other's view; follows end",
    responses=error_responses(NotAuthenticated, MemberNotFound, CannotBlockSelf),
)
async def put_block(
    username: Username, principal: CurrentMember, session: SessionDep, cache: CacheDep
) -> None:
    await graph.block(session, cache, principal.user, username)


@router.delete(
    "/users/{username}/block",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Unblock a member",
    responses=error_responses(NotAuthenticated, MemberNotFound),
)
async def delete_block(
    username: Username, principal: CurrentMember, session: SessionDep, cache: CacheDep
) -> None:
    await graph.unblock(session, cache, principal.user, username)


@router.put(
    "/users/{username}/mute",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Mute a member: their listings leave your feed; they are not told",
    responses=error_responses(NotAuthenticated, MemberNotFound, CannotBlockSelf),
)
async def put_mute(username: Username, principal: CurrentMember, session: SessionDep) -> None:
    await graph.mute(session, principal.user, username)


@router.delete(
    "/users/{username}/mute",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Unmute a member",
    responses=error_responses(NotAuthenticated, MemberNotFound),
)
async def delete_mute(username: Username, principal: CurrentMember, session: SessionDep) -> None:
    await graph.unmute(session, principal.user, username)


@router.get(
    "/me/blocks",
    response_model=MemberPage,
    summary="Members you blocked, most recent first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def my_blocks(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> MemberPage:
    codec = _codec(settings, f"blocks:{principal.user.id}")
    rows = await GraphRepository(session).blocked_by(
        principal.user.id, limit, decode_time_keyset(codec, cursor)
    )
    return _member_page(rows, limit, codec, storage)


@router.get(
    "/me/mutes",
    response_model=MemberPage,
    summary="Members you muted, most recent first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def my_mutes(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> MemberPage:
    codec = _codec(settings, f"mutes:{principal.user.id}")
    rows = await GraphRepository(session).muted_by(
        principal.user.id, limit, decode_time_keyset(codec, cursor)
    )
    return _member_page(rows, limit, codec, storage)


@router.put(
    "/items/{item_id}/like",
    response_model=LikeState,
    summary="Like a listing (idempotent)",
    responses=error_responses(NotAuthenticated, ItemNotFound, RateLimited),
)
async def put_like(
    request: Request,
    response: Response,
    item_id: uuid.UUID,
    principal: CurrentMember,
    session: SessionDep,
    cache: CacheDep,
) -> LikeState:
    await _throttle(request, response, principal.user.id)
    return await reactions.like(session, cache, principal.user, item_id)


@router.delete(
    "/items/{item_id}/like",
    response_model=LikeState,
    summary="Unlike a listing (idempotent)",
    responses=error_responses(NotAuthenticated, ItemNotFound),
)
async def delete_like(
    item_id: uuid.UUID, principal: CurrentMember, session: SessionDep, cache: CacheDep
) -> LikeState:
    return await reactions.unlike(session, cache, principal.user, item_id)


@router.put(
    "/items/{item_id}/save",
    response_model=SaveState,
    summary="Save a listing, privately (idempotent)",
    responses=error_responses(NotAuthenticated, ItemNotFound, RateLimited),
)
async def put_save(
    request: Request,
    response: Response,
    item_id: uuid.UUID,
    principal: CurrentMember,
    session: SessionDep,
    cache: CacheDep,
) -> SaveState:
    await _throttle(request, response, principal.user.id)
    return await reactions.save(session, cache, principal.user, item_id)


@router.delete(
    "/items/{item_id}/save",
    response_model=SaveState,
    summary="Remove a listing from your saves (idempotent)",
    responses=error_responses(NotAuthenticated, ItemNotFound),
)
async def delete_save(
    item_id: uuid.UUID, principal: CurrentMember, session: SessionDep, cache: CacheDep
) -> SaveState:
    return await reactions.unsave(session, cache, principal.user, item_id)


async def _reacted(
    model: type[Like] | type[Save],
    scope: str,
    principal: CurrentMember,
    session: SessionDep,
    settings: Settings,
    storage: Storage,
    limit: int,
    cursor: str | None,
) -> Response:
    codec = _codec(settings, f"{scope}:{principal.user.id}")
    found = await reactions.reacted_items(
        session, model, principal.user.id, limit, decode_time_keyset(codec, cursor)
    )
    reacted_at: dict[uuid.UUID, datetime] = {row.item.id: moment for row, moment in found}
    page = await card_page(
        session,
        storage,
        codec,
        [row for row, _ in found],
        limit,
        key=lambda r: (reacted_at[r.item.id], r.item.id),
    )
    return page.response()


@router.get(
    "/me/likes",
    response_model=ItemPage,
    summary="Listings you liked, most recent like first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def my_likes(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> Response:
    return await _reacted(Like, "likes", principal, session, settings, storage, limit, cursor)


@router.get(
    "/me/saves",
    response_model=ItemPage,
    summary="Listings you saved, most recent first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def my_saves(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> Response:
    return await _reacted(Save, "saves", principal, session, settings, storage, limit, cursor)
