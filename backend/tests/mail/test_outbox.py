"""The email outbox: written in the transaction, delivered over real SMTP, never lost."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.mail.delivery import deliver_email, due_email_ids
from reloop.mail.service import queue_email
from reloop.models import EmailStatus, OutboundEmail
from reloop.runtime.embedded import free_port
from tests.fixtures.environment import ServiceEnvironment
from tests.fixtures.smtp import SmtpRecorder


async def _queue(database: Database, to: str) -> OutboundEmail:
    async with database.transaction() as session:
        return await queue_email(
            session, to=to, template="welcome", context={"name": "Ana <b>", "url": "http://x"}
        )


async def _reload(session: AsyncSession, email: OutboundEmail) -> OutboundEmail:
    session.expunge_all()
    found = await session.get(OutboundEmail, email.id)
    assert found is not None
    return found


async def test_a_queued_email_is_rendered_in_html_and_text(database: Database) -> None:
    email = await _queue(database, "ana@example.com")

    assert email.subject == "Welcome to Reloop, Ana <b>"
    assert "Ana &lt;b&gt;" in email.html_body
    assert "Hi Ana <b>," in email.text_body
    assert email.status is EmailStatus.pending


async def test_delivery_sends_both_parts_over_smtp(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    email = await _queue(database, "bea@example.com")

    async with database.transaction() as session:
        assert await deliver_email(session, settings, email.id) is True

    received = test_environment.smtp.wait_for("bea@example.com")
    assert received["Subject"] == "Welcome to Reloop, Ana <b>"
    parts = {part.get_content_type() for part in received.walk()}
    assert {"text/plain", "text/html"} <= parts
    async with database.sessionmaker() as session:
        stored = await _reload(session, email)
    assert stored.status is EmailStatus.sent
    assert stored.attempts == 1


async def test_delivering_twice_sends_once(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    email = await _queue(database, "cai@example.com")

    for _ in range(2):
        async with database.transaction() as session:
            await deliver_email(session, settings, email.id)

    assert len(test_environment.smtp.messages_to("cai@example.com")) == 1


async def test_without_smtp_outside_production_the_email_is_captured(
    database: Database, settings: Settings
) -> None:
    email = await _queue(database, "dev@example.com")

    async with database.transaction() as session:
        await deliver_email(session, settings.model_copy(update={"smtp_url": None}), email.id)

    async with database.sessionmaker() as session:
        assert (await _reload(session, email)).status is EmailStatus.captured


async def test_an_smtp_outage_keeps_the_email_and_it_is_delivered_when_smtp_returns(
    database: Database, settings: Settings
) -> None:
    server = SmtpRecorder(port=free_port())
    down = settings.model_copy(update={"smtp_url": server.url})
    email = await _queue(database, "eve@example.com")

    async with database.transaction() as session:
        assert await deliver_email(session, down, email.id) is False
    async with database.sessionmaker() as session:
        failed = await _reload(session, email)
    assert failed.status is EmailStatus.pending
    assert failed.attempts == 1
    assert failed.last_error
    assert failed.next_attempt_at > datetime.now(UTC)

    server.start()
    try:
        async with database.transaction() as session:
            await session.execute(
                update(OutboundEmail).values(next_attempt_at=datetime.now(UTC) - timedelta(1))
            )
        async with database.transaction() as session:
            due = await due_email_ids(session)
        assert due == [email.id]
        async with database.transaction() as session:
            assert await deliver_email(session, down, email.id) is True
        assert server.wait_for("eve@example.com")["Subject"].startswith("Welcome")
    finally:
        server.stop()


async def test_an_email_not_yet_due_is_not_swept(database: Database) -> None:
    email = await _queue(database, "fay@example.com")
    async with database.transaction() as session:
        await session.execute(
            update(OutboundEmail)
            .where(OutboundEmail.id == email.id)
            .values(next_attempt_at=datetime.now(UTC) + timedelta(minutes=5))
        )

    async with database.transaction() as session:
        assert await due_email_ids(session) == []
        assert (await session.scalars(select(OutboundEmail.id))).all() == [email.id]
