"""The development mailbox at `/dev/mail`: what the app would have emailed, and to whom.

Mounted only outside production (see `app.create_app`). The HTML of each message is shown
in a sandboxed iframe so a message can never run script in the app's origin.
"""

import uuid
from functools import lru_cache

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from reloop.kit.deps import SessionDep
from reloop.kit.errors import error_responses
from reloop.mail.errors import EmailNotFound
from reloop.mail.repository import EmailOutboxRepository
from reloop.mail.schemas import OutboxEmail, OutboxList

router = APIRouter(prefix="/dev/mail", tags=["development"])


@lru_cache
def _pages() -> Environment:
    return Environment(
        loader=PackageLoader("reloop", "templates/dev"), autoescape=select_autoescape()
    )


@router.get(
    "/messages",
    response_model=OutboxList,
    summary="Latest outbox messages",
    include_in_schema=False,  # development only; not part of the API contract
)
async def list_messages(
    session: SessionDep,
    to: str | None = Query(default=None, max_length=320),
    limit: int = Query(default=50, ge=1, le=200),
) -> OutboxList:
    emails = await EmailOutboxRepository(session).latest(limit=limit, to_address=to)
    return OutboxList(items=[OutboxEmail.model_validate(e) for e in emails])


@router.get("", response_class=HTMLResponse, include_in_schema=False)
async def mailbox_page(session: SessionDep) -> HTMLResponse:
    emails = await EmailOutboxRepository(session).latest(limit=100)
    return HTMLResponse(_pages().get_template("mailbox.html").render(emails=emails))


@router.get(
    "/{email_id}",
    response_class=HTMLResponse,
    include_in_schema=False,
    responses=error_responses(EmailNotFound),
)
async def message_page(email_id: uuid.UUID, session: SessionDep) -> HTMLResponse:
    email = await EmailOutboxRepository(session).get(email_id)
    if email is None:
        raise EmailNotFound()
    return HTMLResponse(_pages().get_template("message.html").render(email=email))
