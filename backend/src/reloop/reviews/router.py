"""Reviews: the buyer's review of a completed order, the seller's reply, a seller's reviews."""

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from reloop.access.deps import CurrentMember, OptionalMember, VerifiedMember
from reloop.access.errors import EmailNotVerified, NotAuthenticated
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.deps import SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.schemas import MAX_PAGE_SIZE, keyset_page
from reloop.orders.errors import OrderNotFound
from reloop.orders.schemas import ReviewOut
from reloop.orders.views import person_card, review_out
from reloop.reviews import service
from reloop.reviews.errors import ReplyNotAllowed, ReviewNotAllowed, ReviewNotFound
from reloop.reviews.schemas import ReplyCreate, ReviewCreate, ReviewPage
from reloop.users.errors import MemberNotFound
from reloop.users.repository import UserRepository

router = APIRouter(tags=["reviews"])


@router.post(
    "/orders/{order_id}/review",
    response_model=ReviewOut,
    status_code=status.HTTP_201_CREATED,
    summary="Rate the seller of a completed order (once)",
    responses=error_responses(NotAuthenticated, EmailNotVerified, OrderNotFound, ReviewNotAllowed),
)
async def post_review(
    order_id: Annotated[uuid.UUID, Path()],
    body: ReviewCreate,
    principal: VerifiedMember,
    session: SessionDep,
    storage: StorageDep,
) -> ReviewOut:
    return await service.create_review(
        session, storage, principal.user, order_id, body.rating, body.text, datetime.now(UTC)
    )


@router.post(
    "/reviews/{review_id}/reply",
    response_model=ReviewOut,
    summary="The seller's reply to a review (once)",
    responses=error_responses(NotAuthenticated, ReviewNotFound, ReplyNotAllowed),
)
async def post_reply(
    review_id: Annotated[uuid.UUID, Path()],
    body: ReplyCreate,
    principal: CurrentMember,
    session: SessionDep,
    storage: StorageDep,
) -> ReviewOut:
    return await service.reply(
        session, storage, principal.user, review_id, body.text, datetime.now(UTC)
    )


@router.get(
    "/users/{username}/reviews",
    response_model=ReviewPage,
    summary="Reviews of a member as a seller, newest first",
    responses=error_responses(MemberNotFound, InvalidCursor),
)
async def list_reviews(
    username: Annotated[str, Path(min_length=1, max_length=40)],
    principal: OptionalMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 24,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> ReviewPage:
    viewer = principal.user.id if principal else None
    seller = await UserRepository(session).visible_by_username(username, viewer)
    if seller is None:
        raise MemberNotFound()
    codec = CursorCodec(settings.secret_key.get_secret_value(), f"reviews:{seller.id}")
    rows = await service.reviews_of(
        session, seller.id, viewer, limit, decode_time_keyset(codec, cursor)
    )
    page = keyset_page(
        rows,
        limit=limit,
        codec=codec,
        key=lambda row: (row[0].created_at, row[0].id),
        item=lambda row: review_out(row[0], person_card(row[1], storage) if row[1] else None),
    )
    return ReviewPage(items=page.items, next_cursor=page.next_cursor)
