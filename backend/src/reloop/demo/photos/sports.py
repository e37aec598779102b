"""Sports and outdoor gear: balls, rackets, bikes, helmets, weights, skis, instruments."""

from reloop.demo.photos.canvas import RGB, Box, Look, arc, darker, lighter
from reloop.demo.photos.sketch import BALL, FABRIC, GLOSS, MATT, ROUND, Sketch

_TYRE: RGB = (40, 40, 42)
_METAL: RGB = (186, 188, 192)


def football(sk: Sketch, b: Box, look: Look) -> None:
    """A football: white panels with coloured pentagons."""
    a = look.main if sum(look.main) < 600 else look.accent
    ball = sk.ellipse(b.rect(0.0, 0.0, 1.0, 1.0), (244, 244, 240), BALL)
    centres = (
        (0.5, 0.45),
        (0.2, 0.25),
        (0.8, 0.25),
        (0.15, 0.72),
        (0.85, 0.72),
        (0.5, 0.98),
        (0.5, -0.02),
    )
    for cx, cy in centres:
        r = 0.11 if (cx, cy) == (0.5, 0.45) else 0.1
        sk.polygon(b.pts(*arc(cx, cy, r, r, -90, 270, 5)), a, BALL, clip=ball)
    for cx, cy in centres[1:5]:
        sk.line(b.pts((0.5, 0.45), (cx, cy)), (170, 170, 168), b.len(0.004))
    sk.glint(b.rect(0.2, 0.12, 0.42, 0.3), 0.5, b.len(0.03))


def racket(sk: Sketch, b: Box, look: Look) -> None:
    """A tennis or badminton racket: oval head, string bed, throat and grip."""
    c = look.main
    sk.rounded(b.rect(0.44, 0.66, 0.56, 1.0), b.len(0.03), darker(c, 0.5), FABRIC)
    sk.polygon(
        b.pts((0.5, 0.62), (0.3, 0.5), (0.34, 0.48), (0.5, 0.58), (0.66, 0.48), (0.7, 0.5)),
        c,
        GLOSS,
    )
    sk.line(b.pts((0.5, 0.58), (0.5, 0.7)), c, b.len(0.05))
    sk.line(b.pts(*arc(0.5, 0.27, 0.32, 0.27, 0, 360, 40)), c, b.len(0.05))
    for i in range(1, 10):
        x = 0.18 + i * 0.064
        sk.line(b.pts((x, 0.02), (x, 0.52)), (236, 236, 232), b.len(0.004))
        y = 0.02 + i * 0.05
        sk.line(b.pts((0.2, y), (0.8, y)), (236, 236, 232), b.len(0.004))
    sk.line(b.pts(*arc(0.5, 0.27, 0.32, 0.27, 0, 360, 40)), c, b.len(0.05))


def bike(sk: Sketch, b: Box, look: Look) -> None:
    """A bicycle in profile: wheels with spokes, diamond frame, saddle and bars."""
    c = look.main
    for cx in (0.2, 0.8):
        sk.line(b.pts(*arc(cx, 0.68, 0.2, 0.32, 0, 360, 40)), _TYRE, b.len(0.022))
        sk.line(b.pts(*arc(cx, 0.68, 0.18, 0.29, 0, 360, 40)), _METAL, b.len(0.006))
        for k in range(12):
            p = b.pts(*arc(cx, 0.68, 0.18, 0.29, k * 30, k * 30, 1))[0]
            sk.line([b.p(cx, 0.68), p], (160, 162, 166), b.len(0.002))
    sk.line(b.pts((0.2, 0.68), (0.44, 0.68), (0.34, 0.3), (0.2, 0.68)), c, b.len(0.02))
    sk.line(b.pts((0.34, 0.3), (0.72, 0.32), (0.44, 0.68)), c, b.len(0.022))
    sk.line(b.pts((0.72, 0.32), (0.8, 0.68)), c, b.len(0.018))
    sk.line(b.pts((0.72, 0.32), (0.7, 0.2), (0.78, 0.2)), (44, 44, 46), b.len(0.014))
    sk.line(b.pts((0.34, 0.3), (0.32, 0.2)), _METAL, b.len(0.012))
    sk.polygon(b.pts((0.24, 0.17), (0.38, 0.16), (0.36, 0.21), (0.26, 0.21)), (44, 44, 46), MATT)
    sk.ellipse(b.rect(0.4, 0.63, 0.48, 0.73), _METAL, BALL)


def helmet(sk: Sketch, b: Box, look: Look) -> None:
    """A cycling or ski helmet from the side, with vents."""
    c = look.main
    shell = sk.polygon(
        b.pts(*arc(0.5, 0.8, 0.5, 0.78, 180, 360, 24), (1.0, 0.9), (0.0, 0.9)), c, GLOSS
    )
    for i in range(4):
        x = 0.2 + i * 0.17
        sk.rounded(
            b.rect(x, 0.22 + abs(1.5 - i) * 0.05, x + 0.1, 0.5), b.len(0.04), (40, 40, 44), MATT
        )
    sk.polygon(
        b.pts((0.0, 0.78), (1.0, 0.78), (1.0, 0.9), (0.0, 0.9)), darker(c, 0.35), MATT, clip=shell
    )
    sk.line(b.pts((0.3, 0.9), (0.42, 1.0), (0.58, 1.0)), (40, 40, 44), b.len(0.015))


def kettlebell(sk: Sketch, b: Box, look: Look) -> None:
    """A kettlebell: a round weight with a thick handle, the weight printed on it."""
    c = look.main
    sk.line(b.pts(*arc(0.5, 0.34, 0.28, 0.3, 180, 360, 20)), darker(c, 0.2), b.len(0.1))
    sk.ellipse(b.rect(0.05, 0.26, 0.95, 1.0), c, BALL)
    sk.rounded(b.rect(0.2, 0.96, 0.8, 1.0), b.len(0.01), darker(c, 0.4), MATT)
    sk.text(b.p(0.5, 0.64), look.words or "12 KG", round(b.len(0.14)), lighter(c, 0.6))


def skis(sk: Sketch, b: Box, look: Look) -> None:
    """A pair of skis standing side by side with bindings."""
    c, a = look.main, look.accent
    for x in (0.3, 0.62):
        sk.polygon(
            b.pts((x, 0.06), (x + 0.05, 0.0), (x + 0.1, 0.06), (x + 0.1, 1.0), (x, 1.0)), c, GLOSS
        )
        sk.polygon(
            b.pts((x + 0.02, 0.2), (x + 0.08, 0.2), (x + 0.08, 0.4), (x + 0.02, 0.4)), a, MATT
        )
        sk.rounded(b.rect(x - 0.005, 0.56, x + 0.105, 0.7), b.len(0.01), (44, 44, 48), GLOSS)


def yoga_mat(sk: Sketch, b: Box, look: Look) -> None:
    """A rolled yoga or exercise mat lying on its side, showing the spiral end."""
    c = look.main
    sk.rounded(b.rect(0.2, 0.2, 1.0, 0.8), b.len(0.05), c, ROUND)
    sk.ellipse(b.rect(0.0, 0.2, 0.4, 0.8), lighter(c, 0.1), MATT)
    for r in (0.17, 0.12, 0.07):
        sk.line(b.pts(*arc(0.2, 0.5, r, r * 1.5, 0, 330, 24)), darker(c, 0.3), b.len(0.006))
    sk.rounded(b.rect(0.55, 0.18, 0.62, 0.82), b.len(0.01), darker(c, 0.45), MATT)


def guitar(sk: Sketch, b: Box, look: Look) -> None:
    """An acoustic guitar: figure-of-eight body, sound hole, neck and headstock."""
    c = look.main
    sk.rounded(b.rect(0.44, 0.0, 0.56, 0.1), b.len(0.02), (60, 40, 30), MATT)
    sk.rounded(b.rect(0.46, 0.06, 0.54, 0.5), b.len(0.01), (92, 62, 40), MATT)
    for i in range(8):
        y = 0.12 + i * 0.045
        sk.line(b.pts((0.46, y), (0.54, y)), (210, 210, 206), b.len(0.003))
    sk.ellipse(b.rect(0.28, 0.4, 0.72, 0.7), c, GLOSS)
    sk.ellipse(b.rect(0.2, 0.56, 0.8, 1.0), c, GLOSS)
    sk.ellipse(b.rect(0.42, 0.58, 0.58, 0.7), (30, 24, 20), MATT)
    sk.rounded(b.rect(0.4, 0.82, 0.6, 0.86), b.len(0.01), (60, 40, 30), MATT)
    for dx in (-0.015, -0.005, 0.005, 0.015):
        sk.line(b.pts((0.5 + dx, 0.08), (0.5 + dx, 0.84)), (220, 220, 216), b.len(0.002))
