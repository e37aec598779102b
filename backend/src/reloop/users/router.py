"""Public member profiles."""

from fastapi import APIRouter, Path, Request, Response

from reloop.access.deps import OptionalMember
from reloop.kit.deps import SessionDep, StorageDep
from reloop.kit.errors import error_responses
from reloop.kit.etag import conditional_json
from reloop.users.errors import MemberNotFound
from reloop.users.schemas import PublicProfile
from reloop.users.service import public_profile

router = APIRouter(prefix="/users", tags=["members"])


@router.get(
    "/{username}",
    response_model=PublicProfile,
    summary="A member's public profile (ETag; If-None-Match answers 304)",
    responses={**error_responses(MemberNotFound), 304: {"description": "Not modified."}},
)
async def get_public_profile(
    request: Request,
    principal: OptionalMember,
    session: SessionDep,
    storage: StorageDep,
    username: str = Path(min_length=1, max_length=40),
) -> Response:
    viewer = principal.user.id if principal else None
    return conditional_json(request, await public_profile(session, storage, username, viewer))
