"""A real SMTP server for one-machine installs with no mail provider configured.

`reloop run` starts it (`reloop dev-mail-sink`, a child process at the background
priority of the worker that feeds it) so that mail goes through the same SMTP client code
as in production; messages land in a Maildir under the data directory, and the outbox
shows them at `/dev/mail`.
"""

import mailbox
import signal
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


def serve(root: Path, port: int) -> None:
    """Accept mail on 127.0.0.1:`port` into `<root>/mail` until SIGTERM or SIGINT."""
    maildir = root / "mail"
    maildir.parent.mkdir(parents=True, exist_ok=True)
    mailbox.Maildir(maildir, create=True)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        stop.wait()
    finally:
        controller.stop()
