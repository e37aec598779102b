"""The home feed and the popular feed."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from reloop.access.deps import optional_reader, presents_credentials
from reloop.access.errors import NotAuthenticated
from reloop.config import Settings
from reloop.feed.cache import CachedPage, PopularPages
from reloop.feed.service import home_feed, popular_feed
from reloop.items.schemas import ItemPage
from reloop.kit.cursor import CursorCodec
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.etag import conditional_bytes, etag_for
from reloop.kit.hot_routes import HotRoute, text_up_to, whole_number
from reloop.kit.schemas import MAX_CURSOR_LENGTH, MAX_PAGE_SIZE

router = APIRouter(prefix="/feed", tags=["feed"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]


# Every member opens this first, so, like the item page, it resolves no dependencies up
# front and returns its page's JSON as is (`items.cards`).
@router.get(
    "",
    response_model=ItemPage,
    summary="Your home feed: new listings from sellers you follow, then popular ones",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def get_home_feed(request: Request, limit: Limit = 24, cursor: Cursor = None) -> Response:
    """Each item says why it is shown (`reason`: `following` or `popular`)."""
    state = request.app.state
    settings: Settings = state.settings
    async with state.db.selecting() as reads:
        reader = await optional_reader(request, reads, settings)
        if reader is None:
            raise NotAuthenticated()
        codec = CursorCodec(settings.secret_key.get_secret_value(), f"home-feed:{reader.user_id}")
        page = await home_feed(
            reads, state.storage, codec, reader.user_id, reader.following_count, limit, cursor
        )
    return page.response()


@router.get(
    "/popular",
    response_model=ItemPage,
    summary="Popular listings now, for everyone (ETag; If-None-Match answers 304)",
    responses={**error_responses(InvalidCursor), 304: {"description": "Not modified."}},
)
async def get_popular_feed(request: Request, limit: Limit = 24, cursor: Cursor = None) -> Response:
    """Visitors share each page for a few seconds (`feed/cache.py`); a visitor's cache hit
    opens no database session, so no dependencies are resolved up front."""
    state = request.app.state
    settings: Settings = state.settings
    pages = PopularPages(state.cache)
    if not presents_credentials(request):
        cached = await pages.get(limit, cursor)
        if cached is not None:
            return conditional_bytes(request, cached.body, etag=cached.etag)
    async with state.db.selecting() as reads:
        reader = await optional_reader(request, reads, settings)
        viewer = reader.user_id if reader else None
        scope = f"popular-feed:{viewer}" if viewer else "popular-feed"
        codec = CursorCodec(settings.secret_key.get_secret_value(), scope)
        page = await popular_feed(reads, state.storage, codec, viewer, limit, cursor)
    body = page.json()
    rendered = CachedPage(body=body, etag=etag_for(body))
    if viewer is None:
        await pages.put(limit, cursor, rendered)
    return conditional_bytes(request, rendered.body, etag=rendered.etag)


# Both feeds are served ahead of FastAPI's router when their query is plainly valid
# (`kit.hot_routes`); any other query comes to the routes above, which validate it.
_PAGE_QUERY = {
    "limit": whole_number(1, MAX_PAGE_SIZE),
    "cursor": text_up_to(MAX_CURSOR_LENGTH),
}
HOT_ROUTES = (
    HotRoute("/feed", get_home_feed, query_params=_PAGE_QUERY),
    HotRoute("/feed/popular", get_popular_feed, query_params=_PAGE_QUERY),
)
