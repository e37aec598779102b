"""A worker's kept SMTP connection: one session for many messages, reopened when dropped."""

from collections.abc import Iterator
from email.message import Message

import aiosmtplib
import pytest

from reloop.kit.mail.transport import KeptSmtpConnection, SmtpConfig, build_message
from tests.fixtures.smtp import SmtpRecorder


def _message(to: str) -> Message:
    return build_message(
        sender="Reloop <hello@reloop.local>",
        to=to,
        subject=f"For {to}",
        text="Hello",
        html="<p>Hello</p>",
        message_id_domain="reloop.local",
    )


@pytest.fixture
def server() -> Iterator[SmtpRecorder]:
    recorder = SmtpRecorder()
    recorder.start()
    yield recorder
    recorder.stop()


async def test_messages_over_a_kept_connection_share_one_smtp_session(
    server: SmtpRecorder,
) -> None:
    connection = KeptSmtpConnection(SmtpConfig.from_url(server.url))

    for to in ("ana@example.com", "bea@example.com", "cy@example.com"):
        await connection.send(_message(to))
    await connection.close()

    assert len(server.handler.messages) == 3
    assert len(set(server.handler.peers)) == 1


@pytest.mark.parametrize(
    ("check_after_idle_s", "noops"),
    [
        pytest.param(60, 0, id="sent back to back: no check"),
        pytest.param(0, 1, id="idle for a while: checked before the next"),
    ],
)
async def test_a_connection_is_checked_with_a_noop_only_once_it_idled(
    server: SmtpRecorder, check_after_idle_s: float, noops: int
) -> None:
    connection = KeptSmtpConnection(
        SmtpConfig.from_url(server.url), check_after_idle_s=check_after_idle_s
    )

    for to in ("ana@example.com", "bea@example.com"):
        await connection.send(_message(to))
    await connection.close()

    assert server.handler.noops == noops


async def test_a_connection_the_server_dropped_is_opened_again_for_the_next_message(
    server: SmtpRecorder,
) -> None:
    connection = KeptSmtpConnection(SmtpConfig.from_url(server.url), check_after_idle_s=0)
    await connection.send(_message("ana@example.com"))

    server.stop()
    server.start()
    await connection.send(_message("bea@example.com"))
    await connection.close()

    assert server.wait_for("bea@example.com")["Subject"] == "For bea@example.com"
    assert len(set(server.handler.peers)) == 2


async def test_with_the_server_down_a_send_raises_and_the_next_goes_through_once_it_is_back() -> (
    None
):
    server = SmtpRecorder()
    connection = KeptSmtpConnection(SmtpConfig.from_url(server.url))

    with pytest.raises((aiosmtplib.SMTPException, OSError)):
        await connection.send(_message("ana@example.com"))
    server.start()
    try:
        await connection.send(_message("bea@example.com"))
        await connection.close()
        assert server.wait_for("bea@example.com")
        assert server.messages_to("ana@example.com") == []
    finally:
        server.stop()
