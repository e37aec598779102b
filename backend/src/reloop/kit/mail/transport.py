"""SMTP delivery with aiosmtplib, configured by one URL.

`smtp://user:pass@host:587?starttls=true`, `smtps://host:465` (implicit TLS) or plain
`smtp://host:25`. Timeouts are short: the caller (a Celery task) retries with backoff.
"""

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    use_tls: bool = False
    start_tls: bool = False
    timeout_s: float = 10.0

    @classmethod
    def from_url(cls, url: str) -> "SmtpConfig":
        parts = urlsplit(url)
        if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
            raise ValueError("SMTP URL must look like smtp://host:port or smtps://host:port")
        query = parse_qs(parts.query)
        implicit_tls = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if implicit_tls else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_tls=implicit_tls,
            start_tls=query.get("starttls", ["false"])[0].lower() in {"1", "true", "yes"},
        )


def build_message(
    *, sender: str, to: str, subject: str, text: str, html: str, message_id_domain: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=message_id_domain)
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


async def send_message(config: SmtpConfig, message: EmailMessage) -> None:
    """Hand `message` to the SMTP server; raises `aiosmtplib.SMTPException` or `OSError`."""
    await aiosmtplib.send(
        message,
        hostname=config.host,
        port=config.port,
        username=config.username,
        password=config.password,
        use_tls=config.use_tls,
        start_tls=config.start_tls if config.start_tls else False,
        timeout=config.timeout_s,
    )
