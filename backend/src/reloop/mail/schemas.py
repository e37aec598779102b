"""Shapes of the development mailbox."""

import uuid

from reloop.kit.schemas import Schema, UtcDatetime
from reloop.models.mail import EmailStatus


class OutboxEmail(Schema):
    id: uuid.UUID
    to_address: str
    subject: str
    template: str
    status: EmailStatus
    attempts: int
    last_error: str | None
    created_at: UtcDatetime
    sent_at: UtcDatetime | None
    text_body: str
    html_body: str


class OutboxList(Schema):
    items: list[OutboxEmail]
