"""The signed-in member's own account: `/me` and its security settings."""

from fastapi import APIRouter, Request, Response, status

from reloop.access.deps import CurrentMember
from reloop.access.errors import NotAuthenticated
from reloop.auth import account
from reloop.auth.cookies import clear_session_cookies
from reloop.auth.deps import Context
from reloop.auth.errors import EmailTaken, WeakPassword, WrongPassword
from reloop.auth.schemas import EmailChange, PasswordChange
from reloop.kit.deps import SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import error_responses
from reloop.users.schemas import AccountDeletion, Me, ProfileUpdate
from reloop.users.service import me_view, update_profile

router = APIRouter(prefix="/me", tags=["accounts"])


@router.get(
    "",
    response_model=Me,
    summary="The signed-in member",
    responses=error_responses(NotAuthenticated),
)
async def get_me(principal: CurrentMember, session: SessionDep, storage: StorageDep) -> Me:
    return await me_view(session, storage, principal.user)


@router.patch(
    "",
    response_model=Me,
    summary="Edit the profile: display name, bio, location",
    responses=error_responses(NotAuthenticated),
)
async def patch_me(
    body: ProfileUpdate, principal: CurrentMember, session: SessionDep, storage: StorageDep
) -> Me:
    return await me_view(session, storage, await update_profile(session, principal.user, body))


@router.delete(
    "",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete the account: personal data removed, every session ended",
    responses=error_responses(NotAuthenticated, WrongPassword),
)
async def delete_me(
    request: Request,
    response: Response,
    body: AccountDeletion,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    context: Context,
) -> None:
    await account.delete_account(session, context, principal, password=body.password)
    clear_session_cookies(request, response, settings)


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Change the password; other sessions end",
    responses=error_responses(NotAuthenticated, WrongPassword, WeakPassword),
)
async def change_password(
    body: PasswordChange, principal: CurrentMember, session: SessionDep, context: Context
) -> None:
    await account.change_password(
        session,
        context,
        principal,
        current_password=body.current_password,
        new_password=body.new_password,
    )


@router.post(
    "/email",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Change the email address: confirmed from a link sent to the new one",
    responses=error_responses(NotAuthenticated, WrongPassword, EmailTaken),
)
async def change_email(
    body: EmailChange, principal: CurrentMember, session: SessionDep, context: Context
) -> None:
    await account.request_email_change(
        session, context, principal, new_email=body.new_email, password=body.password
    )
