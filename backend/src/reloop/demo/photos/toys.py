"""Toys, baby gear and beauty: bricks, teddies, cars, rings, pushchairs, bottles."""

from reloop.demo.photos.canvas import RGB, Box, Look, arc, darker, lighter, mix
from reloop.demo.photos.sketch import BALL, FABRIC, GLOSS, KNIT, MATT, ROUND, Sketch

_BRIGHT: tuple[RGB, ...] = ((214, 50, 48), (246, 196, 40), (40, 110, 200), (52, 150, 80))


def bricks(sk: Sketch, b: Box, look: Look) -> None:
    """A little stack of building bricks with studs, in bright colours."""
    layout = ((0.0, 0.66, 0.5), (0.5, 0.66, 0.5), (0.18, 0.34, 0.5), (0.3, 0.02, 0.36))
    for i, (x, y, w) in enumerate(layout):
        colour = look.main if i == 2 and not look.multi else _BRIGHT[i % len(_BRIGHT)]
        for k in range(round(w / 0.125)):
            sx = x + 0.02 + k * 0.125
            sk.rounded(
                b.rect(sx, y, sx + 0.085, y + 0.07), b.len(0.01), lighter(colour, 0.05), ROUND
            )
        sk.rounded(b.rect(x, y + 0.05, x + w, y + 0.34), b.len(0.015), colour, GLOSS)


def teddy(sk: Sketch, b: Box, look: Look) -> None:
    """A soft teddy bear sitting up."""
    c = look.main
    for x in (0.12, 0.88):
        sk.ellipse(b.rect(x - 0.12, 0.44, x + 0.12, 0.72), darker(c, 0.05), KNIT)
    for x in (0.26, 0.74):
        sk.ellipse(b.rect(x - 0.16, 0.74, x + 0.16, 1.0), c, KNIT)
        sk.ellipse(b.rect(x - 0.08, 0.82, x + 0.08, 0.96), lighter(c, 0.3), FABRIC)
    sk.ellipse(b.rect(0.16, 0.38, 0.84, 0.96), c, KNIT)
    sk.ellipse(b.rect(0.3, 0.52, 0.7, 0.88), lighter(c, 0.25), FABRIC)
    for x in (0.24, 0.76):
        sk.ellipse(b.rect(x - 0.1, 0.0, x + 0.1, 0.18), c, KNIT)
        sk.ellipse(b.rect(x - 0.05, 0.05, x + 0.05, 0.14), lighter(c, 0.3), FABRIC)
    sk.ellipse(b.rect(0.2, 0.04, 0.8, 0.5), c, KNIT)
    sk.ellipse(b.rect(0.38, 0.26, 0.62, 0.44), lighter(c, 0.3), FABRIC)
    for x in (0.38, 0.62):
        sk.ellipse(b.rect(x - 0.03, 0.18, x + 0.03, 0.24), (30, 24, 22), BALL)
    sk.ellipse(b.rect(0.46, 0.28, 0.54, 0.34), (40, 30, 28), BALL)
    sk.line(b.pts(*arc(0.5, 0.34, 0.05, 0.04, 20, 160, 8)), (40, 30, 28), b.len(0.008))


def toy_car(sk: Sketch, b: Box, look: Look) -> None:
    """A toy car in profile: body, windows, chunky wheels."""
    c = look.main
    sk.polygon(
        b.pts(
            (0.0, 0.5),
            (0.1, 0.4),
            (0.28, 0.36),
            (0.38, 0.08),
            (0.7, 0.08),
            (0.82, 0.36),
            (0.98, 0.42),
            (1.0, 0.76),
            (0.0, 0.76),
        ),
        c,
        GLOSS,
    )
    sk.polygon(b.pts((0.4, 0.14), (0.53, 0.14), (0.53, 0.36), (0.32, 0.36)), (170, 210, 236), GLOSS)
    sk.polygon(
        b.pts((0.57, 0.14), (0.68, 0.14), (0.77, 0.36), (0.57, 0.36)), (170, 210, 236), GLOSS
    )
    sk.rounded(b.rect(0.9, 0.46, 1.0, 0.54), b.len(0.01), (250, 230, 150), GLOSS)
    for x in (0.22, 0.78):
        sk.ellipse(b.rect(x - 0.13, 0.58, x + 0.13, 1.0), (36, 36, 38), BALL)
        sk.ellipse(b.rect(x - 0.06, 0.72, x + 0.06, 0.86), (200, 200, 204), BALL)


def rings(sk: Sketch, b: Box, look: Look) -> None:
    """A baby's stacking-ring tower on a wooden base."""
    sk.rounded(b.rect(0.46, 0.04, 0.54, 0.94), b.len(0.03), (214, 180, 130), ROUND)
    sk.ellipse(b.rect(0.4, 0.0, 0.6, 0.1), (214, 180, 130), BALL)
    colours = (*_BRIGHT, look.main)
    for i in range(5):
        w = 0.42 - i * 0.07
        y = 0.76 - i * 0.14
        sk.ellipse(b.rect(0.5 - w, y, 0.5 + w, y + 0.16), colours[i % len(colours)], BALL)
    sk.rounded(b.rect(0.04, 0.9, 0.96, 1.0), b.len(0.02), (200, 164, 116), MATT)


def pushchair(sk: Sketch, b: Box, look: Look) -> None:
    """A pushchair in profile: hood, seat unit, frame, handlebar and four wheels."""
    c = look.main
    frame = (60, 60, 64)
    sk.line(b.pts((0.2, 0.86), (0.5, 0.5), (0.86, 0.0)), frame, b.len(0.018))
    sk.line(b.pts((0.5, 0.5), (0.8, 0.86)), frame, b.len(0.018))
    sk.rounded(b.rect(0.8, -0.02, 0.96, 0.04), b.len(0.02), (40, 40, 42), MATT)
    sk.polygon(b.pts(*arc(0.34, 0.4, 0.28, 0.34, 180, 290, 14), (0.34, 0.4)), c, FABRIC)
    sk.polygon(
        b.pts((0.08, 0.36), (0.62, 0.36), (0.58, 0.58), (0.14, 0.6)), darker(c, 0.08), FABRIC
    )
    for x in (0.16, 0.24, 0.72, 0.8):
        sk.ellipse(b.rect(x - 0.08, 0.8, x + 0.08, 0.98), (36, 36, 38), BALL)
        sk.ellipse(b.rect(x - 0.03, 0.86, x + 0.03, 0.92), (170, 170, 174), BALL)


def bottle(sk: Sketch, b: Box, look: Look) -> None:
    """A perfume or skincare bottle: glass body, label, cap."""
    c = look.main
    glass = mix(c, (236, 236, 232), 0.4)
    sk.rounded(
        b.rect(0.3, 0.0, 0.7, 0.22),
        b.len(0.04),
        (30, 30, 32) if look.variant % 2 else (206, 176, 96),
        GLOSS,
    )
    sk.rounded(b.rect(0.42, 0.2, 0.58, 0.3), b.len(0.01), (200, 200, 204), GLOSS)
    sk.rounded(b.rect(0.05, 0.28, 0.95, 1.0), b.len(0.08), glass, GLOSS)
    sk.rounded(b.rect(0.12, 0.4, 0.88, 0.94), b.len(0.06), c, ROUND)
    sk.rounded(b.rect(0.2, 0.56, 0.8, 0.76), b.len(0.01), (246, 244, 238), MATT)
    if look.words:
        sk.text(
            b.p(0.5, 0.66), look.words.upper(), round(b.len(0.08)), (50, 46, 44), width=b.len(0.56)
        )
    sk.glint(b.rect(0.1, 0.32, 0.22, 0.9), 0.5, b.len(0.02))


def compact(sk: Sketch, b: Box, look: Look) -> None:
    """A make-up palette open: a mirror lid and pans of colour."""
    c = look.main
    sk.rounded(b.rect(0.0, 0.0, 1.0, 0.48), b.len(0.04), (40, 40, 44), GLOSS)
    sk.rounded(b.rect(0.04, 0.04, 0.96, 0.44), b.len(0.03), (200, 206, 214), GLOSS)
    sk.rounded(b.rect(0.0, 0.5, 1.0, 1.0), b.len(0.04), (40, 40, 44), GLOSS)
    for i in range(6):
        x, y = 0.08 + (i % 3) * 0.3, 0.56 + (i // 3) * 0.22
        colour = mix(c, (250, 240, 230), i * 0.12) if i % 2 else mix(c, (60, 30, 30), i * 0.08)
        sk.rounded(b.rect(x, y, x + 0.26, y + 0.18), b.len(0.02), colour, MATT)


def hairdryer(sk: Sketch, b: Box, look: Look) -> None:
    """A hairdryer in profile: round body, nozzle and handle."""
    c = look.main
    sk.rounded(b.rect(0.26, 0.36, 0.44, 1.0), b.len(0.06), darker(c, 0.05), ROUND)
    sk.rounded(b.rect(0.3, 0.56, 0.4, 0.62), b.len(0.02), (200, 200, 204), GLOSS)
    sk.rounded(b.rect(0.4, 0.12, 1.0, 0.4), b.len(0.05), c, ROUND)
    sk.ellipse(b.rect(0.0, 0.0, 0.5, 0.5), c, BALL)
    sk.ellipse(b.rect(0.08, 0.08, 0.42, 0.42), darker(c, 0.2), MATT)
    sk.ellipse(b.rect(0.92, 0.12, 1.0, 0.4), darker(c, 0.35), MATT)
