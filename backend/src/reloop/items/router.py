"""Listings: create, read (ETag), edit (If-Match), delete, and the listing grids."""

import uuid
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.access.deps import (
    CurrentMember,
    OptionalMember,
    optional_reader,
    presents_credentials,
)
from reloop.access.errors import EmailNotVerified, NotAuthenticated
from reloop.items.counters import cached_page_counting_view, record_view
from reloop.items.errors import (
    IfMatchRequired,
    ItemInvalid,
    ItemNotFound,
    StaleItem,
    StatusChangeNotAllowed,
)
from reloop.items.keys import item_cache_key
from reloop.items.pages import card_page
from reloop.items.repository import ItemRepository
from reloop.items.schemas import ItemCreate, ItemDetail, ItemPage, ItemUpdate
from reloop.items.service import create_item, delete_item, update_item
from reloop.items.viewer import item_viewer_state
from reloop.items.views import item_detail
from reloop.kit.cache import Cache
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.db import Reads
from reloop.kit.deps import CacheDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.etag import conditional_bytes
from reloop.kit.hot_routes import HotRoute, canonical_uuid
from reloop.kit.schemas import MAX_PAGE_SIZE
from reloop.kit.storage import Storage
from reloop.media.repository import ImageRepository
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
from reloop.models.user import User
from reloop.taxonomy.snapshot import get_taxonomy
from reloop.users.errors import MemberNotFound
from reloop.users.repository import UserRepository

router = APIRouter(tags=["listings"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=512)]


def _detail_response(request: Request, detail: ItemDetail, code: int = 200) -> Response:
    body = detail.model_dump_json().encode()
    return conditional_bytes(request, body, etag=f'"v{detail.version}"', status_code=code)


async def _detail(session: AsyncSession, storage: Storage, item: Item, seller: User) -> ItemDetail:
    """The page of `item`: its photos and the seller's avatar in one more statement."""
    photos, avatar = await ImageRepository(session).for_item_page(item.id, seller.avatar_image_id)
    taxonomy = await get_taxonomy(session)
    return item_detail(item, seller, photos, taxonomy, storage, avatar)


async def _render(
    session: AsyncSession, storage: Storage, item_id: uuid.UUID
) -> tuple[ItemDetail, uuid.UUID]:
    found = await ItemRepository(session).with_seller(item_id)
    if found is None:
        raise ItemNotFound()
    item, seller = found
    return await _detail(session, storage, item, seller), seller.id


@router.post(
    "/items",
    status_code=status.HTTP_201_CREATED,
    response_model=ItemDetail,
    summary="List an item: a draft, or published at once (`status: active`)",
    responses=error_responses(NotAuthenticated, EmailNotVerified, ItemInvalid),
)
async def post_item(
    request: Request,
    body: ItemCreate,
    principal: CurrentMember,
    session: SessionDep,
    storage: StorageDep,
) -> Response:
    item = await create_item(session, await get_taxonomy(session), principal.user, body)
    detail = await _detail(session, storage, item, principal.user)
    return _detail_response(request, detail, status.HTTP_201_CREATED)


@router.get(
    "/items/{item_id}",
    response_model=ItemDetail,
    summary="A listing (ETag; If-None-Match answers 304)",
    responses={**error_responses(ItemNotFound), 304: {"description": "Not modified."}},
)
async def get_item(request: Request, item_id: uuid.UUID) -> Response:
    """The hottest read: no dependencies are resolved up front.

    A visitor's cache hit is one Redis round trip (a script that counts the view and
    returns the page) and no database connection at all; a member's adds the check of
    their session and one statement for their flags. A session is opened only to render
    a page that is not cached.
    """
    state = request.app.state
    cache: Cache = state.cache
    if not presents_credentials(request):
        cached = await cached_page_counting_view(cache, item_id)
        if cached is not None:
            return _cached_response(request, cached)
        async with state.db.reading() as session:
            return await _render_and_cache(request, session, item_id, viewer=None)
    # A member's cache hit loads no entities: it reads on a connection without a session.
    async with state.db.selecting() as reads:
        reader = await optional_reader(request, reads, state.settings)
        viewer = reader.user_id if reader else None
        cached = await cached_page_counting_view(cache, item_id, viewer)
        if cached is not None:
            if viewer is None:
                return _cached_response(request, cached)
            entry: dict[str, Any] = orjson.loads(cached)
            seller_id = uuid.UUID(entry["seller_id"])
            return await _for_member(request, reads, entry, viewer, item_id, seller_id)
    async with state.db.reading() as session:
        return await _render_and_cache(request, session, item_id, viewer=viewer)


# Served ahead of FastAPI's router for a well-formed id (`kit.hot_routes`); any other id
# comes to the route above, which validates it.
HOT_ROUTES = (HotRoute("/items/{item_id}", get_item, path_params={"item_id": canonical_uuid}),)


_NO_VIEWER = b'"viewer":null}'


def _cached_response(request: Request, cached: bytes) -> Response:
    entry: dict[str, Any] = orjson.loads(cached)
    return conditional_bytes(request, entry["body"].encode(), etag=entry["etag"])


async def _for_member(
    request: Request,
    reads: Reads,
    entry: dict[str, Any],
    viewer: uuid.UUID,
    item_id: uuid.UUID,
    seller_id: uuid.UUID,
) -> Response:
    """The shared page with the member's own flags; a block hides it (404) both ways.

    The flags are part of the body, so they are part of the ETag too.
    """
    state = await item_viewer_state(reads, viewer, item_id, seller_id)
    if state.blocked:
        raise ItemNotFound()
    shared: bytes = entry["body"].encode()
    # `viewer` is the page's last field, null on the shared page: the member's flags take
    # the place of the null in the bytes, where parsing and re-serialising the page cost
    # more (`tests/items/test_read.py` holds the schema to that order).
    assert shared.endswith(_NO_VIEWER)
    flags = orjson.dumps({"liked": state.liked, "saved": state.saved})
    body = shared.removesuffix(b"null}") + flags + b"}"
    etag = f'{entry["etag"][:-1]}-{int(state.liked)}{int(state.saved)}"'
    return conditional_bytes(request, body, etag=etag)


async def _render_and_cache(
    request: Request, session: AsyncSession, item_id: uuid.UUID, *, viewer: uuid.UUID | None
) -> Response:
    """Render from the database; cache public pages; count a member's view of others'."""
    state = request.app.state
    detail, seller_id = await _render(session, state.storage, item_id)
    if detail.status not in PUBLIC_STATUSES:
        if seller_id != viewer:
            raise ItemNotFound()
        return _detail_response(request, detail)
    body = detail.model_dump_json()
    etag = f'"v{detail.version}"'
    await state.cache.set_bytes(
        item_cache_key(item_id),
        orjson.dumps({"seller_id": str(seller_id), "etag": etag, "body": body}),
    )
    if viewer is None:
        return conditional_bytes(request, body.encode(), etag=etag)
    if seller_id != viewer:
        await record_view(state.redis, item_id)
    entry = {"etag": etag, "body": body}
    return await _for_member(request, session, entry, viewer, item_id, seller_id)


@router.patch(
    "/items/{item_id}",
    response_model=ItemDetail,
    summary="Edit a listing; send its ETag in If-Match (412 when it changed meanwhile)",
    responses=error_responses(
        ItemNotFound, IfMatchRequired, StaleItem, ItemInvalid, StatusChangeNotAllowed
    ),
)
async def patch_item(
    request: Request,
    item_id: uuid.UUID,
    body: ItemUpdate,
    principal: CurrentMember,
    session: SessionDep,
    storage: StorageDep,
    cache: CacheDep,
    if_match: Annotated[str | None, Header(max_length=100)] = None,
) -> Response:
    if not if_match:
        raise IfMatchRequired()
    taxonomy = await get_taxonomy(session)
    item = await update_item(session, taxonomy, cache, principal.user, item_id, if_match, body)
    return _detail_response(request, await _detail(session, storage, item, principal.user))


@router.delete(
    "/items/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a listing",
    responses=error_responses(ItemNotFound, StatusChangeNotAllowed),
)
async def remove_item(
    item_id: uuid.UUID, principal: CurrentMember, session: SessionDep, cache: CacheDep
) -> None:
    await delete_item(session, cache, principal.user, item_id)


def _codec(settings: SettingsDep, scope: str) -> CursorCodec:
    return CursorCodec(settings.secret_key.get_secret_value(), scope)


@router.get(
    "/users/{username}/items",
    response_model=ItemPage,
    summary="A member's listings, newest first",
    responses=error_responses(MemberNotFound, InvalidCursor),
)
async def seller_items(
    username: str,
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> Response:
    viewer = principal.user.id if principal else None
    seller = await UserRepository(session).visible_by_username(username, viewer)
    if seller is None:
        raise MemberNotFound()
    codec = _codec(settings, f"seller-items:{seller.id}")
    rows = await ItemRepository(session).seller_page(
        seller.id, viewer, limit, decode_time_keyset(codec, cursor)
    )
    page = await card_page(
        session, storage, codec, rows, limit, key=lambda r: (r.item.published_at, r.item.id)
    )
    return page.response()


@router.get(
    "/me/items",
    response_model=ItemPage,
    summary="The signed-in member's listings in one status, newest first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def my_items(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    item_status: Annotated[ItemStatus, Query(alias="status")] = ItemStatus.active,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> Response:
    codec = _codec(settings, f"my-items:{principal.user.id}:{item_status.value}")
    rows = await ItemRepository(session).mine_page(
        principal.user.id, item_status, limit, decode_time_keyset(codec, cursor)
    )
    page = await card_page(
        session, storage, codec, rows, limit, key=lambda r: (r.item.created_at, r.item.id)
    )
    return page.response()
