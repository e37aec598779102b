"""Cameras, lenses and headphones."""

from reloop.demo.photos.canvas import RGB, Box, Look, arc, darker, lighter
from reloop.demo.photos.sketch import BALL, FABRIC, GLOSS, MATT, Sketch

_GLASS: RGB = (24, 28, 36)
_CHROME: RGB = (200, 202, 206)


def _lens(sk: Sketch, b: Box, cx: float, cy: float, r: float, barrel: RGB) -> None:
    """Concentric rings of a lens seen from the front, with a reflection."""
    sk.ellipse(b.rect(cx - r, cy - r, cx + r, cy + r), barrel, BALL)
    sk.ellipse(
        b.rect(cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), darker(barrel, 0.4), MATT
    )
    sk.ellipse(b.rect(cx - r * 0.62, cy - r * 0.62, cx + r * 0.62, cy + r * 0.62), _GLASS, BALL)
    sk.ellipse(b.rect(cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3), (40, 52, 90), BALL)
    sk.glint(b.rect(cx - r * 0.4, cy - r * 0.45, cx - r * 0.05, cy - r * 0.15), 0.6, b.len(0.01))


def camera(sk: Sketch, b: Box, look: Look) -> None:
    """A camera from the front: a mirrorless body with grip, or a film rangefinder (`variant`)."""
    c = look.main
    if look.variant % 2:
        sk.rounded(b.rect(0.0, 0.12, 1.0, 0.9), b.len(0.05), c, FABRIC)
        sk.rounded(b.rect(0.0, 0.12, 1.0, 0.36), b.len(0.05), _CHROME, GLOSS)
        sk.rounded(b.rect(0.66, 0.18, 0.88, 0.3), b.len(0.01), _GLASS, GLOSS)
        sk.rounded(b.rect(0.08, 0.04, 0.22, 0.14), b.len(0.01), _CHROME, GLOSS)
        _lens(sk, b, 0.46, 0.6, 0.26, _CHROME)
        return
    sk.polygon(b.pts((0.34, 0.14), (0.42, 0.0), (0.62, 0.0), (0.7, 0.14)), c, MATT)
    sk.rounded(b.rect(0.0, 0.12, 1.0, 0.86), b.len(0.06), c, MATT)
    sk.rounded(b.rect(0.0, 0.12, 0.2, 0.86), b.len(0.06), darker(c, 0.2), FABRIC)
    sk.rounded(b.rect(0.06, 0.06, 0.18, 0.14), b.len(0.01), darker(c, 0.3), MATT)
    _lens(sk, b, 0.56, 0.52, 0.3, darker(c, 0.15))
    sk.ellipse(b.rect(0.86, 0.2, 0.94, 0.28), (200, 60, 50), BALL)


def lens(sk: Sketch, b: Box, look: Look) -> None:
    """A camera lens standing on its mount: barrel, focus ring, front element."""
    c = look.main
    sk.rounded(b.rect(0.1, 0.3, 0.9, 1.0), b.len(0.04), c, GLOSS)
    sk.rounded(b.rect(0.08, 0.5, 0.92, 0.72), b.len(0.02), darker(c, 0.3), FABRIC)
    for i in range(18):
        x = 0.11 + i * 0.045
        sk.line(b.pts((x, 0.52), (x, 0.7)), darker(c, 0.5), b.len(0.008))
    sk.ellipse(b.rect(0.1, 0.18, 0.9, 0.42), darker(c, 0.2), MATT)
    sk.ellipse(b.rect(0.18, 0.22, 0.82, 0.38), _GLASS, BALL)
    sk.glint(b.rect(0.3, 0.24, 0.5, 0.3), 0.6, b.len(0.01))
    sk.line(b.pts((0.12, 0.82), (0.88, 0.82)), look.accent, b.len(0.012))


def headphones(sk: Sketch, b: Box, look: Look) -> None:
    """Over-ear headphones: padded headband and two cups."""
    c = look.main
    sk.line(b.pts(*arc(0.5, 0.56, 0.42, 0.52, 180, 360, 28)), darker(c, 0.1), b.len(0.07))
    sk.line(b.pts(*arc(0.5, 0.56, 0.42, 0.52, 220, 320, 16)), lighter(c, 0.2), b.len(0.03))
    for x in (0.08, 0.92):
        sk.rounded(b.rect(x - 0.05, 0.4, x + 0.05, 0.62), b.len(0.02), (180, 182, 186), GLOSS)
        sk.ellipse(b.rect(x - 0.13, 0.5, x + 0.13, 1.0), c, BALL)
        sk.ellipse(b.rect(x - 0.08, 0.6, x + 0.08, 0.9), darker(c, 0.15), MATT)
