"""Kitchen and tableware standing on the studio table: mugs, cast iron, pans, plates."""

from reloop.demo.photos.canvas import RGB, Box, Look, arc, curve, darker, lighter
from reloop.demo.photos.sketch import BALL, GLOSS, MATT, ROUND, Sketch

_STEEL: RGB = (176, 178, 182)


def mug(sk: Sketch, b: Box, look: Look) -> None:
    """A glazed mug with a handle; a painted band when `variant` is odd."""
    c = look.main
    sk.line(b.pts(*arc(0.78, 0.5, 0.2, 0.22, 270, 450, 16)), darker(c, 0.1), b.len(0.07))
    body = sk.polygon(
        b.pts((0.04, 0.1), (0.8, 0.1), *arc(0.42, 0.92, 0.38, 0.08, 0, 180, 12)), c, ROUND
    )
    if look.variant % 2:
        sk.polygon(
            b.pts((0.0, 0.36), (1.0, 0.36), (1.0, 0.46), (0.0, 0.46)), look.accent, ROUND, clip=body
        )
    sk.ellipse(b.rect(0.04, 0.04, 0.8, 0.16), lighter(c, 0.1), GLOSS)
    sk.ellipse(b.rect(0.08, 0.06, 0.76, 0.15), darker(c, 0.35), MATT)
    sk.glint(b.rect(0.14, 0.2, 0.24, 0.8), 0.45, b.len(0.02))


def casserole(sk: Sketch, b: Box, look: Look) -> None:
    """An enamelled cast-iron casserole: round body, side handles, lid and knob."""
    c = look.main
    for x0 in (0.0, 0.88):
        sk.rounded(b.rect(x0, 0.44, x0 + 0.12, 0.56), b.len(0.03), darker(c, 0.1), ROUND)
    sk.polygon(b.pts((0.08, 0.36), (0.92, 0.36), *arc(0.5, 0.86, 0.42, 0.14, 0, 180, 14)), c, ROUND)
    sk.ellipse(b.rect(0.05, 0.2, 0.95, 0.44), lighter(c, 0.05), BALL)
    sk.ellipse(b.rect(0.07, 0.24, 0.93, 0.4), c, ROUND)
    sk.ellipse(b.rect(0.42, 0.1, 0.58, 0.26), (188, 190, 194), BALL)
    sk.line(b.pts((0.08, 0.38), (0.92, 0.38)), darker(c, 0.4), b.len(0.006))
    sk.glint(b.rect(0.16, 0.45, 0.3, 0.75), 0.5, b.len(0.02))


def pan(sk: Sketch, b: Box, look: Look) -> None:
    """A frying pan from a low angle: dark non-stick inside, long handle."""
    c = look.main
    sk.rounded(b.rect(0.6, 0.44, 1.0, 0.54), b.len(0.03), darker(c, 0.2), GLOSS)
    sk.polygon(b.pts((0.0, 0.36), (0.66, 0.36), *arc(0.33, 0.7, 0.3, 0.12, 0, 180, 14)), c, ROUND)
    sk.ellipse(b.rect(0.0, 0.2, 0.66, 0.52), lighter(c, 0.15), MATT)
    sk.ellipse(b.rect(0.03, 0.23, 0.63, 0.49), (52, 52, 56), GLOSS)
    sk.glint(b.rect(0.1, 0.27, 0.3, 0.35), 0.35, b.len(0.02))


def tableware(sk: Sketch, b: Box, look: Look) -> None:
    """A stack of plates with a bowl on top, a rim painted in the accent colour."""
    c = look.main
    for i in range(4):
        y = 0.62 + i * 0.08
        sk.ellipse(b.rect(0.0, y, 1.0, y + 0.26), darker(c, 0.04 * i), ROUND)
        sk.line(b.pts(*arc(0.5, y + 0.13, 0.5, 0.13, 10, 170, 16)), look.accent, b.len(0.008))
    sk.polygon(b.pts(*arc(0.5, 0.4, 0.34, 0.3, 0, 180, 16)), c, ROUND)
    sk.ellipse(b.rect(0.16, 0.3, 0.84, 0.5), lighter(c, 0.08), MATT)
    sk.ellipse(b.rect(0.2, 0.33, 0.8, 0.48), darker(c, 0.12), MATT)
    sk.line(b.pts(*arc(0.5, 0.4, 0.34, 0.1, 0, 180, 16)), look.accent, b.len(0.01))


def kettle(sk: Sketch, b: Box, look: Look) -> None:
    """An electric kettle on its base: spout, lid, arched handle."""
    c = look.main
    sk.rounded(b.rect(0.06, 0.9, 0.8, 1.0), b.len(0.03), (60, 60, 64), MATT)
    sk.polygon(b.pts((0.74, 0.4), (1.0, 0.22), (0.98, 0.3), (0.78, 0.56)), c, ROUND)
    sk.line(b.pts(*curve((0.2, 0.18), (0.5, -0.1), (0.72, 0.3))), darker(c, 0.25), b.len(0.06))
    sk.polygon(b.pts((0.14, 0.16), (0.72, 0.16), (0.82, 0.92), (0.04, 0.92)), c, ROUND)
    sk.ellipse(b.rect(0.16, 0.1, 0.7, 0.22), darker(c, 0.12), BALL)
    sk.rounded(b.rect(0.26, 0.4, 0.32, 0.74), b.len(0.02), (230, 236, 240), GLOSS)
    sk.glint(b.rect(0.1, 0.25, 0.22, 0.85), 0.4, b.len(0.02))


def appliance(sk: Sketch, b: Box, look: Look) -> None:
    """A countertop coffee machine: body, drip tray, a cup under the spout."""
    c = look.main
    sk.rounded(b.rect(0.1, 0.0, 0.9, 1.0), b.len(0.06), c, GLOSS)
    sk.rounded(b.rect(0.22, 0.3, 0.78, 0.86), b.len(0.04), (44, 44, 48), MATT)
    sk.rounded(b.rect(0.18, 0.86, 0.82, 0.95), b.len(0.02), _STEEL, GLOSS)
    sk.rounded(b.rect(0.42, 0.3, 0.58, 0.4), b.len(0.02), _STEEL, GLOSS)
    sk.polygon(b.pts((0.38, 0.62), (0.62, 0.62), (0.6, 0.86), (0.4, 0.86)), (244, 242, 236), ROUND)
    for i in range(3):
        sk.ellipse(b.rect(0.3 + i * 0.15, 0.1, 0.4 + i * 0.15, 0.2), darker(c, 0.3), BALL)
    sk.glint(b.rect(0.15, 0.05, 0.3, 0.5), 0.3, b.len(0.02))


def watering_can(sk: Sketch, b: Box, look: Look) -> None:
    """A metal watering can with a long spout and rose."""
    c = look.main
    sk.polygon(b.pts((0.62, 0.66), (0.96, 0.16), (1.0, 0.2), (0.68, 0.8)), c, ROUND)
    sk.ellipse(b.rect(0.9, 0.08, 1.02, 0.22), darker(c, 0.1), BALL)
    sk.line(b.pts(*curve((0.08, 0.3), (0.3, -0.1), (0.6, 0.3))), darker(c, 0.1), b.len(0.05))
    sk.polygon(b.pts((0.04, 0.3), (0.66, 0.3), *arc(0.35, 0.95, 0.31, 0.06, 0, 180, 12)), c, ROUND)
    sk.ellipse(b.rect(0.04, 0.25, 0.66, 0.35), darker(c, 0.2), MATT)
