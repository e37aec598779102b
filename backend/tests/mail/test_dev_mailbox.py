"""The development mailbox shows the outbox, safely, and only outside production."""

from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient

from reloop.app import create_app
from reloop.config import Environment, Settings
from reloop.kit.db import Database
from reloop.mail.service import queue_email


async def _queue(database: Database, to: str) -> None:
    async with database.transaction() as session:
        await queue_email(
            session, to=to, template="welcome", context={"name": "<script>x</script>", "url": "u"}
        )


async def test_the_mailbox_lists_queued_messages_as_json(
    client: AsyncClient, database: Database
) -> None:
    await _queue(database, "hal@example.com")
    await _queue(database, "ida@example.com")

    response = await client.get("/dev/mail/messages", params={"to": "HAL@example.com"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["to_address"] for item in items] == ["hal@example.com"]
    assert items[0]["text_body"].startswith("Hi <script>")


async def test_the_mailbox_page_escapes_what_it_shows(
    client: AsyncClient, database: Database
) -> None:
    await _queue(database, "jo@example.com")

    page = await client.get("/dev/mail")
    listed = (await client.get("/dev/mail/messages")).json()["items"][0]
    message = await client.get(f"/dev/mail/{listed['id']}")

    assert page.status_code == 200
    assert "jo@example.com" in page.text
    assert "<script>x</script>" not in page.text
    assert message.status_code == 200
    assert 'sandbox title="HTML version"' in message.text
    assert "<script>x</script>" not in message.text


async def test_the_mailbox_is_not_mounted_in_production(settings: Settings) -> None:
    production = settings.model_copy(
        update={"env": Environment.production, "public_url": "https://reloop.example"}
    )
    app = create_app(production)
    async with LifespanManager(app):
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://testserver") as http:
            response = await http.get("/dev/mail/messages")

    assert response.status_code == 404
