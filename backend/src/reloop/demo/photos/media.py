"""Books, records, disc cases, board games and cards: covers carry the listing's words."""

from reloop.demo.photos.canvas import Box, Look, arc, contrast_ink, darker, lighter, mix
from reloop.demo.photos.sketch import BALL, FLAT, GLOSS, MATT, Sketch


def _title_lines(words: str, per_line: int = 14) -> list[str]:
    """The title broken into up to three short lines for a cover."""
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + len(word) < per_line:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines[:3]


def book(sk: Sketch, b: Box, look: Look) -> None:
    """A book standing up: cover, spine edge, a title band with the title on it."""
    c, a = look.main, look.accent
    sk.rounded(b.rect(0.03, 0.01, 1.0, 1.0), b.len(0.01), (236, 232, 220), FLAT)
    sk.rounded(b.rect(0.0, 0.0, 0.97, 0.99), b.len(0.01), c, MATT)
    sk.rounded(b.rect(0.0, 0.0, 0.06, 0.99), b.len(0.01), darker(c, 0.2), MATT)
    band = (0.06, 0.22, 0.97, 0.52) if look.variant % 2 else (0.06, 0.6, 0.97, 0.86)
    sk.rounded(b.rect(*band), 0, a, FLAT)
    ink = contrast_ink(a)
    lines = _title_lines(look.words or "Notes")
    top = band[1] + (band[3] - band[1]) / 2 - (len(lines) - 1) * 0.045
    for i, line in enumerate(lines):
        sk.text(b.p(0.52, top + i * 0.09), line, round(b.len(0.1)), ink, width=b.len(0.8))
    sk.line(b.pts((0.2, 0.93), (0.84, 0.93)), contrast_ink(c), b.len(0.008))


def record(sk: Sketch, b: Box, look: Look) -> None:
    """A record sleeve with the disc half out of it."""
    c, a = look.main, look.accent
    sk.ellipse(b.rect(0.3, 0.04, 1.0, 0.74), (20, 20, 22), GLOSS)
    for r in (0.32, 0.26, 0.2):
        sk.line(b.pts(*arc(0.65, 0.39, r, r, 0, 360, 40)), (46, 46, 50), b.len(0.003))
    sk.ellipse(b.rect(0.57, 0.31, 0.73, 0.47), a, MATT)
    sk.rounded(b.rect(0.0, 0.2, 0.7, 0.9), b.len(0.005), c, MATT)
    sk.ellipse(b.rect(0.12, 0.3, 0.58, 0.76), lighter(c, 0.15), FLAT)
    sk.ellipse(b.rect(0.22, 0.4, 0.48, 0.66), a, FLAT)
    if look.words:
        sk.text(
            b.p(0.35, 0.84),
            look.words.upper(),
            round(b.len(0.045)),
            contrast_ink(c),
            width=b.len(0.6),
        )


def case(sk: Sketch, b: Box, look: Look) -> None:
    """A DVD, game or CD case: clear plastic over a printed cover."""
    c, a = look.main, look.accent
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.03), (230, 232, 236), GLOSS)
    sk.rounded(b.rect(0.04, 0.12, 0.96, 0.97), b.len(0.01), c, MATT)
    sk.rounded(b.rect(0.04, 0.02, 0.96, 0.12), b.len(0.01), a, FLAT)
    sk.ellipse(b.rect(0.2, 0.34, 0.8, 0.86), lighter(c, 0.2), FLAT)
    sk.ellipse(b.rect(0.34, 0.5, 0.66, 0.76), mix(c, a, 0.5), FLAT)
    for i, line in enumerate(_title_lines(look.words or "Collection", 12)):
        sk.text(
            b.p(0.5, 0.2 + i * 0.07), line, round(b.len(0.1)), contrast_ink(c), width=b.len(0.84)
        )
    sk.glint(b.rect(0.05, 0.05, 0.6, 0.3), 0.18, b.len(0.05))


def boxed_game(sk: Sketch, b: Box, look: Look) -> None:
    """A board game or puzzle box, the lid seen from above and a little in front."""
    c, a = look.main, look.accent
    sk.rounded(b.rect(0.0, 0.8, 1.0, 1.0), b.len(0.01), darker(c, 0.3), MATT)
    sk.rounded(b.rect(0.0, 0.0, 1.0, 0.82), b.len(0.01), c, MATT)
    for i in range(3):
        sk.polygon(
            b.pts((0.1 + i * 0.28, 0.72), (0.24 + i * 0.28, 0.42), (0.38 + i * 0.28, 0.72)),
            mix(a, c, i * 0.3),
            FLAT,
        )
    sk.rounded(b.rect(0.08, 0.08, 0.92, 0.3), b.len(0.02), a, FLAT)
    sk.text(
        b.p(0.5, 0.19),
        (look.words or "Family game").upper(),
        round(b.len(0.07)),
        contrast_ink(a),
        width=b.len(0.78),
    )


def cards(sk: Sketch, b: Box, look: Look) -> None:
    """Trading cards fanned out, each with a framed illustration."""
    c, a = look.main, look.accent
    for i, angle in enumerate((-18, 0, 18)):
        dx = (i - 1) * 0.22
        y = 0.06 if angle == 0 else 0.14
        colour = (c, mix(c, a, 0.5), a)[i]
        sk.rounded(b.rect(0.3 + dx, y, 0.7 + dx, y + 0.8), b.len(0.02), (232, 214, 120), GLOSS)
        sk.rounded(b.rect(0.32 + dx, y + 0.03, 0.68 + dx, y + 0.77), b.len(0.015), colour, MATT)
        sk.rounded(
            b.rect(0.35 + dx, y + 0.1, 0.65 + dx, y + 0.42), b.len(0.01), lighter(colour, 0.5), FLAT
        )
        sk.ellipse(b.rect(0.44 + dx, y + 0.18, 0.56 + dx, y + 0.34), darker(colour, 0.2), BALL)
        for j in range(3):
            sk.line(
                b.pts((0.36 + dx, y + 0.5 + j * 0.07), (0.64 + dx, y + 0.5 + j * 0.07)),
                darker(colour, 0.4),
                b.len(0.008),
            )
