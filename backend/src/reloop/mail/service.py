"""Sending email through the transactional outbox.

`queue_email` writes the rendered message in the caller's transaction and schedules its
delivery after commit: if the transaction rolls back, no email goes out; if the broker or
the SMTP server is down, the row stays `pending` and the beat sweeper retries it later.
"""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.jobs import enqueue_after_commit
from reloop.kit.mail.render import render_email
from reloop.mail.repository import EmailOutboxRepository
from reloop.mail.tasks import DELIVERY_PENDING_KEY, flush_outbox_task
from reloop.models.mail import OutboundEmail


async def queue_email(
    session: AsyncSession, *, to: str, template: str, context: dict[str, Any]
) -> OutboundEmail:
    """Render `template` for `to` into the outbox; delivery starts after commit."""
    rendered = render_email(template, context)
    email = await EmailOutboxRepository(session).add(
        OutboundEmail(
            to_address=to,
            subject=rendered.subject,
            template=template,
            text_body=rendered.text,
            html_body=rendered.html,
        )
    )
    enqueue_after_commit(session, flush_outbox_task, pending_key=DELIVERY_PENDING_KEY)
    return email
