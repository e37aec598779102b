"""The email outbox: written in the transaction, delivered over real SMTP, never lost."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.mail.delivery import LEASE, MAX_ATTEMPTS, SEND_BOUND, Delivery, deliver_due
from reloop.mail.repository import EmailOutboxRepository
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


def _now() -> datetime:
    return datetime.now(UTC)


async def _make_due(database: Database) -> None:
    """What the passing of a lease or a backoff does, without the wait."""
    async with database.transaction() as session:
        await session.execute(update(OutboundEmail).values(next_attempt_at=_now() - timedelta(1)))


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

    assert await deliver_due(database, settings) == Delivery(claimed=1, sent=1)

    received = test_environment.smtp.wait_for("bea@example.com")
    assert received["Subject"] == "Welcome to Reloop, Ana <b>"
    parts = {part.get_content_type() for part in received.walk()}
    assert {"text/plain", "text/html"} <= parts
    async with database.sessionmaker() as session:
        stored = await _reload(session, email)
    assert stored.status is EmailStatus.sent
    assert stored.sent_at is not None
    assert stored.attempts == 1


async def test_delivering_twice_sends_once(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    await _queue(database, "cai@example.com")

    for _ in range(2):
        await deliver_due(database, settings)

    assert len(test_environment.smtp.messages_to("cai@example.com")) == 1


async def test_a_claimed_email_is_left_alone_while_its_lease_runs(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    await _queue(database, "cid@example.com")
    async with database.transaction() as session:
        # Another worker claimed it and is sending it now.
        assert len(await EmailOutboxRepository(session).claim_due(_now(), 10, LEASE)) == 1

    assert await deliver_due(database, settings) == Delivery(claimed=0, sent=0)
    assert test_environment.smtp.messages_to("cid@example.com") == []


async def test_an_email_whose_worker_died_after_claiming_it_is_sent_once_the_lease_ends(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    email = await _queue(database, "cle@example.com")
    async with database.transaction() as session:
        await EmailOutboxRepository(session).claim_due(_now(), 10, LEASE)
    await _make_due(database)

    assert await deliver_due(database, settings) == Delivery(claimed=1, sent=1)
    assert test_environment.smtp.wait_for("cle@example.com")
    async with database.sessionmaker() as session:
        assert (await _reload(session, email)).attempts == 2


async def test_an_email_is_not_sent_once_too_little_of_its_lease_is_left(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    email = await _queue(database, "cut@example.com")

    # A lease of exactly the time one message may take leaves no time to send it.
    assert await deliver_due(database, settings, lease=SEND_BOUND) == Delivery(1, 0)

    assert test_environment.smtp.messages_to("cut@example.com") == []
    async with database.sessionmaker() as session:
        kept = await _reload(session, email)
    assert kept.status is EmailStatus.pending
    assert kept.next_attempt_at > _now() + SEND_BOUND - timedelta(seconds=5)


async def test_two_claims_at_once_take_different_emails(database: Database) -> None:
    for n in range(4):
        await _queue(database, f"duo{n}@example.com")

    async with database.transaction() as first, database.transaction() as second:
        taken = await EmailOutboxRepository(first).claim_due(_now(), 2, LEASE)
        others = await EmailOutboxRepository(second).claim_due(_now(), 10, LEASE)

    assert len(taken) == 2
    assert len(others) == 2
    assert {e.id for e in taken}.isdisjoint(e.id for e in others)


async def test_without_smtp_outside_production_the_email_is_captured(
    database: Database, settings: Settings
) -> None:
    email = await _queue(database, "dev@example.com")

    await deliver_due(database, settings.model_copy(update={"smtp_url": None}))

    async with database.sessionmaker() as session:
        assert (await _reload(session, email)).status is EmailStatus.captured


async def test_an_smtp_outage_keeps_the_email_and_it_is_delivered_when_smtp_returns(
    database: Database, settings: Settings
) -> None:
    server = SmtpRecorder(port=free_port())
    down = settings.model_copy(update={"smtp_url": server.url})
    email = await _queue(database, "eve@example.com")

    assert await deliver_due(database, down) == Delivery(claimed=1, sent=0)
    async with database.sessionmaker() as session:
        failed = await _reload(session, email)
    assert failed.status is EmailStatus.pending
    assert failed.attempts == 1
    assert failed.last_error
    # Put off by the backoff (30 s), not by the five minutes of the claim's lease.
    assert _now() < failed.next_attempt_at < _now() + timedelta(seconds=31)

    server.start()
    try:
        await _make_due(database)
        assert await deliver_due(database, down) == Delivery(claimed=1, sent=1)
        assert server.wait_for("eve@example.com")["Subject"].startswith("Welcome")
    finally:
        server.stop()


async def test_an_email_is_given_up_on_after_its_last_attempt(
    database: Database, settings: Settings
) -> None:
    down = settings.model_copy(update={"smtp_url": f"smtp://127.0.0.1:{free_port()}"})
    email = await _queue(database, "fin@example.com")
    async with database.transaction() as session:
        await session.execute(
            update(OutboundEmail)
            .where(OutboundEmail.id == email.id)
            .values(attempts=MAX_ATTEMPTS - 1)
        )

    await deliver_due(database, down)

    async with database.sessionmaker() as session:
        stored = await _reload(session, email)
    assert stored.status is EmailStatus.failed
    assert stored.attempts == MAX_ATTEMPTS


async def test_an_email_not_yet_due_is_not_sent(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    email = await _queue(database, "fay@example.com")
    async with database.transaction() as session:
        await session.execute(
            update(OutboundEmail)
            .where(OutboundEmail.id == email.id)
            .values(next_attempt_at=_now() + timedelta(minutes=5))
        )

    assert await deliver_due(database, settings) == Delivery(claimed=0, sent=0)
    async with database.transaction() as session:
        assert (await session.scalars(select(OutboundEmail.id))).all() == [email.id]
