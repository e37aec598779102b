"""The MIME messages the outbox sends: what a mail client reads back from the bytes."""

import email
import email.policy
from email.message import EmailMessage

from aiosmtplib.email import flatten_message

from reloop.kit.mail.transport import build_message


def _read_back(**fields: str) -> EmailMessage:
    message = build_message(
        **{
            "sender": "Reloop <hello@reloop.local>",
            "to": "ana@example.com",
            "subject": "Welcome",
            "text": "Hello",
            "html": "<p>Hello</p>",
            "message_id_domain": "reloop.local",
            **fields,
        }
    )
    parsed = email.message_from_bytes(flatten_message(message), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_a_message_carries_its_text_and_html_as_alternatives() -> None:
    parsed = _read_back(text="Your order is paid.", html="<p>Your order is paid.</p>")

    assert parsed.get_content_type() == "multipart/alternative"
    plain, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    assert plain is not None
    assert plain.get_content().strip() == "Your order is paid."
    assert html is not None
    assert html.get_content().strip() == "<p>Your order is paid.</p>"


def test_a_subject_body_and_sender_name_outside_ascii_arrive_intact() -> None:
    parsed = _read_back(
        sender="Réloop Équipe <hello@reloop.local>",
        subject="Votre commande : veste d'été — 12,00 €",
        text="Merci, Zoë !",
    )

    assert parsed["Subject"] == "Votre commande : veste d'été — 12,00 €"
    assert parsed["From"].addresses[0].display_name == "Réloop Équipe"
    assert parsed["From"].addresses[0].addr_spec == "hello@reloop.local"
    plain = parsed.get_body(("plain",))
    assert plain is not None
    assert plain.get_content().strip() == "Merci, Zoë !"


def test_every_message_has_its_own_message_id_on_our_domain() -> None:
    first, second = _read_back()["Message-ID"], _read_back()["Message-ID"]

    assert first != second
    assert first.endswith("@reloop.local>")
