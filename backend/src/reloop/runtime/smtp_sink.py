"""A real SMTP server for one-machine installs with no mail provider configured.

`reloop run` starts it so that mail goes through the same SMTP client code as in
production; messages land in a Maildir under the data directory and show at `/dev/mail`.
"""

import mailbox
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

from reloop.runtime.embedded import free_port


class SmtpSink:
    def __init__(self, root: Path) -> None:
        self.maildir = root / "mail"
        self._controller: Controller | None = None

    def start(self) -> str:
        self.maildir.parent.mkdir(parents=True, exist_ok=True)
        mailbox.Maildir(self.maildir, create=True)
        port = free_port()
        self._controller = Controller(Mailbox(self.maildir), hostname="127.0.0.1", port=port)
        self._controller.start()
        return f"smtp://127.0.0.1:{port}"

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
