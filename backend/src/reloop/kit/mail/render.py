"""Email templates: each message has an HTML and a plain-text version.

Templates live in `reloop/templates/email/<name>.html|.txt` and extend a shared layout.
HTML autoescaping is on, so user text (a display name, an item title) cannot inject markup.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


@lru_cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("reloop", "templates/email"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_email(template: str, context: dict[str, Any]) -> RenderedEmail:
    """Render `<template>.txt` and `<template>.html`; the subject is the text's first line."""
    env = _environment()
    text = env.get_template(f"{template}.txt").render(**context)
    subject, _, body = text.partition("\n")
    html = env.get_template(f"{template}.html").render(subject=subject.strip(), **context)
    return RenderedEmail(subject=subject.strip(), text=body.lstrip("\n"), html=html)
