"""Comments on listings: read the thread, comment, reply, edit, delete."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from reloop.access.deps import CurrentMember, OptionalMember, VerifiedMember
from reloop.access.errors import EmailNotVerified, NotAuthenticated
from reloop.items.errors import ItemNotFound
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.deps import CacheDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, RateLimited, error_responses
from reloop.kit.ratelimit import RateLimit, RateLimiter
from reloop.kit.schemas import MAX_PAGE_SIZE, keyset_page
from reloop.social import comments
from reloop.social.errors import (
    CannotDeleteComment,
    CommentNotFound,
    EditWindowClosed,
    ItemNotCommentable,
    MemberBlocked,
    NotCommentAuthor,
)
from reloop.social.schemas import CommentCreate, CommentEdit, CommentOut, CommentPage
from reloop.social.views import comment_out, thread_out

router = APIRouter(tags=["comments"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=512)]

COMMENTS = RateLimit("comments", limit=10, window_s=60)


@router.get(
    "/items/{item_id}/comments",
    response_model=CommentPage,
    summary="A listing's comments, oldest first, each with its first replies",
    responses=error_responses(ItemNotFound, InvalidCursor),
)
async def list_comments(
    item_id: uuid.UUID,
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> CommentPage:
    viewer = principal.user if principal else None
    codec = CursorCodec(settings.secret_key.get_secret_value(), f"comments:{item_id}")
    thread = await comments.thread_page(
        session, viewer, item_id, limit, decode_time_keyset(codec, cursor)
    )
    page = keyset_page(
        thread.rows,
        limit=limit,
        codec=codec,
        key=lambda r: (r.comment.created_at, r.comment.id),
        item=lambda r: r,
    )
    return CommentPage(
        items=thread_out(thread, page.items, viewer, storage), next_cursor=page.next_cursor
    )


@router.get(
    "/comments/{comment_id}/replies",
    response_model=CommentPage,
    summary="All replies of a comment, oldest first",
    responses=error_responses(CommentNotFound, ItemNotFound, InvalidCursor),
)
async def list_replies(
    comment_id: uuid.UUID,
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> CommentPage:
    viewer = principal.user if principal else None
    codec = CursorCodec(settings.secret_key.get_secret_value(), f"replies:{comment_id}")
    thread = await comments.reply_page(
        session, viewer, comment_id, limit, decode_time_keyset(codec, cursor)
    )
    page = keyset_page(
        thread.rows,
        limit=limit,
        codec=codec,
        key=lambda r: (r.comment.created_at, r.comment.id),
        item=lambda r: r,
    )
    return CommentPage(
        items=thread_out(thread, page.items, viewer, storage), next_cursor=page.next_cursor
    )


@router.post(
    "/items/{item_id}/comments",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentOut,
    summary="Comment on a listing, or reply to a comment (`parent_id`); `@username` mentions",
    responses=error_responses(
        NotAuthenticated,
        EmailNotVerified,
        ItemNotFound,
        CommentNotFound,
        MemberBlocked,
        ItemNotCommentable,
        RateLimited,
    ),
)
async def post_comment(
    request: Request,
    response: Response,
    item_id: uuid.UUID,
    body: CommentCreate,
    principal: VerifiedMember,
    session: SessionDep,
    cache: CacheDep,
    storage: StorageDep,
) -> CommentOut:
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.enforce(COMMENTS, str(principal.user.id), response)
    row, seller_id = await comments.add_comment(
        session, cache, principal.user, item_id, body.body, body.parent_id
    )
    return comment_out(row, principal.user, seller_id, storage)


@router.patch(
    "/comments/{comment_id}",
    response_model=CommentOut,
    summary="Edit your comment within 15 minutes of posting",
    responses=error_responses(
        NotAuthenticated, CommentNotFound, NotCommentAuthor, EditWindowClosed
    ),
)
async def patch_comment(
    comment_id: uuid.UUID,
    body: CommentEdit,
    principal: CurrentMember,
    session: SessionDep,
    storage: StorageDep,
) -> CommentOut:
    thread = await comments.edit_comment(session, principal.user, comment_id, body.body)
    return thread_out(thread, thread.rows, principal.user, storage)[0]


@router.delete(
    "/comments/{comment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a comment: its author, the listing's seller or a moderator",
    responses=error_responses(NotAuthenticated, CommentNotFound, CannotDeleteComment),
)
async def remove_comment(
    comment_id: uuid.UUID, principal: CurrentMember, session: SessionDep, cache: CacheDep
) -> None:
    await comments.delete_comment(session, cache, principal.user, comment_id)
