"""Bags standing upright: handbags, totes, backpacks, holdalls and small leather goods."""

from reloop.demo.photos.canvas import RGB, Box, Look, arc, darker, lighter
from reloop.demo.photos.sketch import FABRIC, GLOSS, MATT, Sketch

_BRASS: RGB = (206, 172, 92)


def _handle(sk: Sketch, b: Box, colour: RGB, cx: float, top: float, rx: float, ry: float) -> None:
    """A carry handle: a thick arch with its own highlight."""
    sk.line(b.pts(*arc(cx, top + ry, rx, ry, 180, 360, 18)), darker(colour, 0.15), b.len(0.045))
    sk.line(b.pts(*arc(cx, top + ry, rx, ry, 200, 300, 10)), lighter(colour, 0.18), b.len(0.012))


def handbag(sk: Sketch, b: Box, look: Look) -> None:
    """A structured top-handle bag with a flap and a brass clasp."""
    c = look.main
    _handle(sk, b, c, 0.5, 0.0, 0.24, 0.3)
    sk.polygon(b.pts((0.1, 0.34), (0.9, 0.34), (0.98, 1.0), (0.02, 1.0)), c, GLOSS)
    sk.polygon(
        b.pts((0.1, 0.34), (0.9, 0.34), (0.92, 0.64), (0.5, 0.72), (0.08, 0.64)),
        darker(c, 0.08),
        GLOSS,
    )
    sk.stitches(
        b.pts((0.12, 0.37), (0.88, 0.37)), lighter(c, 0.35), width=b.len(0.004), dash=b.len(0.012)
    )
    sk.stitches(
        b.pts((0.11, 0.62), (0.5, 0.69), (0.89, 0.62)),
        lighter(c, 0.35),
        width=b.len(0.004),
        dash=b.len(0.012),
    )
    sk.rounded(b.rect(0.44, 0.62, 0.56, 0.74), b.len(0.015), _BRASS, GLOSS)
    for x in (0.22, 0.78):
        sk.rounded(b.rect(x - 0.025, 0.3, x + 0.025, 0.38), b.len(0.008), _BRASS, GLOSS)
    sk.glint(b.rect(0.15, 0.4, 0.45, 0.5), 0.3, b.len(0.03))


def tote(sk: Sketch, b: Box, look: Look) -> None:
    """A soft tote: long shoulder straps; canvas or leather, words printed when given."""
    c = look.main
    for cx in (0.36, 0.64):
        sk.line(b.pts(*arc(cx, 0.36, 0.13, 0.36, 180, 360, 18)), darker(c, 0.1), b.len(0.035))
    body = sk.polygon(b.pts((0.06, 0.32), (0.94, 0.32), (0.98, 1.0), (0.02, 1.0)), c, FABRIC)
    sk.stitches(
        b.pts((0.07, 0.36), (0.93, 0.36)), darker(c, 0.35), width=b.len(0.004), dash=b.len(0.012)
    )
    if look.words and look.variant % 2:
        sk.text(
            b.p(0.5, 0.62),
            look.words.upper(),
            round(b.len(0.08)),
            darker(c, 0.65),
            width=b.len(0.7),
        )
    sk.fold(b.pts((0.3, 0.45), (0.26, 0.95)), body, b.len(0.04), 0.2)
    sk.fold(b.pts((0.72, 0.45), (0.76, 0.95)), body, b.len(0.04), 0.15)


def backpack(sk: Sketch, b: Box, look: Look) -> None:
    """A backpack: rounded body, zipped front pocket, top loop and side straps."""
    c, a = look.main, look.accent
    sk.line(b.pts(*arc(0.5, 0.08, 0.08, 0.08, 180, 360, 10)), darker(c, 0.3), b.len(0.025))
    for x in (0.06, 0.94):
        sk.rounded(b.rect(x - 0.04, 0.2, x + 0.04, 0.95), b.len(0.03), darker(c, 0.25), FABRIC)
    sk.rounded(b.rect(0.08, 0.06, 0.92, 1.0), b.len(0.2), c, FABRIC)
    sk.line(b.pts(*arc(0.5, 0.5, 0.36, 0.4, 200, 340, 16)), darker(c, 0.4), b.len(0.012))
    sk.rounded(b.rect(0.2, 0.56, 0.8, 0.94), b.len(0.08), lighter(c, 0.06), FABRIC)
    sk.line(b.pts((0.26, 0.64), (0.74, 0.64)), darker(c, 0.45), b.len(0.01))
    sk.rounded(b.rect(0.62, 0.62, 0.66, 0.72), b.len(0.01), a, GLOSS)
    sk.stitches(
        b.pts((0.22, 0.9), (0.78, 0.9)), darker(c, 0.35), width=b.len(0.004), dash=b.len(0.012)
    )


def holdall(sk: Sketch, b: Box, look: Look) -> None:
    """A weekend holdall: a long barrel, two handles, a zip and end panels."""
    c = look.main
    _handle(sk, b, darker(c, 0.2), 0.5, 0.0, 0.2, 0.3)
    sk.rounded(b.rect(0.0, 0.28, 1.0, 1.0), b.len(0.14), c, FABRIC)
    for x0, x1 in ((0.0, 0.12), (0.88, 1.0)):
        sk.rounded(b.rect(x0, 0.28, x1, 1.0), b.len(0.06), darker(c, 0.18), FABRIC)
    sk.line(b.pts((0.14, 0.34), (0.86, 0.34)), (160, 160, 162), b.len(0.012))
    sk.rounded(b.rect(0.3, 0.31, 0.34, 0.42), b.len(0.01), _BRASS, GLOSS)
    sk.stitches(
        b.pts((0.14, 0.9), (0.86, 0.9)), darker(c, 0.35), width=b.len(0.004), dash=b.len(0.012)
    )


def crossbody(sk: Sketch, b: Box, look: Look) -> None:
    """A small crossbody bag on a long thin strap."""
    c = look.main
    sk.line(b.pts(*arc(0.5, 0.55, 0.4, 0.55, 180, 360, 24)), darker(c, 0.2), b.len(0.02))
    sk.rounded(b.rect(0.08, 0.48, 0.92, 1.0), b.len(0.08), c, GLOSS)
    sk.rounded(b.rect(0.08, 0.48, 0.92, 0.78), b.len(0.08), darker(c, 0.07), GLOSS)
    sk.ellipse(b.rect(0.46, 0.72, 0.54, 0.8), _BRASS, GLOSS)
    for x in (0.1, 0.9):
        sk.rounded(b.rect(x - 0.02, 0.48, x + 0.02, 0.56), b.len(0.006), _BRASS, GLOSS)
    sk.glint(b.rect(0.15, 0.52, 0.5, 0.62), 0.3, b.len(0.03))


def clutch(sk: Sketch, b: Box, look: Look) -> None:
    """An envelope clutch: a flat rectangle and a triangular flap."""
    c = look.main
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.03), c, GLOSS)
    sk.polygon(b.pts((0.0, 0.02), (1.0, 0.02), (0.5, 0.7)), darker(c, 0.1), GLOSS)
    sk.ellipse(b.rect(0.46, 0.58, 0.54, 0.74), _BRASS, GLOSS)
    sk.glint(b.rect(0.1, 0.1, 0.5, 0.25), 0.3, b.len(0.03))


def wallet(sk: Sketch, b: Box, look: Look) -> None:
    """A folded leather wallet or purse with card slots peeking out."""
    c = look.main
    for i in range(3):
        sk.rounded(
            b.rect(0.1 + i * 0.04, 0.02 + i * 0.05, 0.9, 0.5),
            b.len(0.02),
            lighter(c, 0.1 + i * 0.06),
            MATT,
        )
    sk.rounded(b.rect(0.0, 0.2, 1.0, 1.0), b.len(0.05), c, GLOSS)
    sk.stitches(
        b.pts((0.04, 0.26), (0.96, 0.26), (0.96, 0.94), (0.04, 0.94), (0.04, 0.26)),
        lighter(c, 0.3),
        width=b.len(0.005),
        dash=b.len(0.016),
    )
    if look.words:
        sk.text(
            b.p(0.5, 0.62),
            look.words.upper(),
            round(b.len(0.06)),
            darker(c, 0.35),
            width=b.len(0.6),
        )
