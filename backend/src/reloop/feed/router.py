"""The home feed and the popular feed."""

from typing import Annotated

from fastapi import APIRouter, Query

from reloop.access.deps import CurrentMember, OptionalMember
from reloop.access.errors import NotAuthenticated
from reloop.feed.service import home_feed, popular_feed
from reloop.items.schemas import ItemPage
from reloop.kit.cursor import CursorCodec
from reloop.kit.deps import SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.schemas import MAX_PAGE_SIZE

router = APIRouter(prefix="/feed", tags=["feed"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=512)]


@router.get(
    "",
    response_model=ItemPage,
    summary="Your home feed: new listings from sellers you follow, then popular ones",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def get_home_feed(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> ItemPage:
    """Each item says why it is shown (`reason`: `following` or `popular`)."""
    viewer = principal.user.id
    codec = CursorCodec(settings.secret_key.get_secret_value(), f"home-feed:{viewer}")
    return await home_feed(session, storage, codec, viewer, limit, cursor)


@router.get(
    "/popular",
    response_model=ItemPage,
    summary="Popular listings now, for everyone",
    responses=error_responses(InvalidCursor),
)
async def get_popular_feed(
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> ItemPage:
    viewer = principal.user.id if principal else None
    scope = f"popular-feed:{viewer}" if viewer else "popular-feed"
    codec = CursorCodec(settings.secret_key.get_secret_value(), scope)
    return await popular_feed(session, storage, codec, viewer, limit, cursor)
