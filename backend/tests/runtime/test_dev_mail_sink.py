"""`reloop dev-mail-sink`: the SMTP server of installs with no mail provider."""

import mailbox
import os
import signal
import smtplib
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

from reloop.runtime.embedded import free_port, wait_for_port


def test_the_sink_keeps_what_it_receives_in_a_maildir_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {**os.environ, "RELOOP_DATA_DIR": str(tmp_path)}
    sink = subprocess.Popen(
        [sys.executable, "-m", "reloop", "dev-mail-sink", "--port", str(port)], env=env
    )
    try:
        assert wait_for_port(port, 30)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@reloop.local", "b@x.org", "Hi"
        message.set_content("Hello")
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
            client.send_message(message)
    finally:
        sink.send_signal(signal.SIGTERM)
        code = sink.wait(timeout=30)

    assert code == 0
    kept = list(mailbox.Maildir(tmp_path / "mail", create=False))
    assert [str(m["Subject"]) for m in kept] == ["Hi"]
