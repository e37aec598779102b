"""Furniture, lighting, decor and soft furnishings, photographed as in a catalogue."""

from PIL import ImageDraw

from reloop.demo.photos.canvas import RGB, Box, Look, arc, curve, darker, lighter, mix
from reloop.demo.photos.sketch import FABRIC, FLAT, GLOSS, KNIT, MATT, ROUND, Sketch

_OAK: RGB = (186, 142, 96)
_BRASS: RGB = (200, 168, 96)


def vase(sk: Sketch, b: Box, look: Look) -> None:
    """A ceramic vase: a turned silhouette, glazed; a band of colour if `variant` is odd."""
    c = look.main
    half = [
        (0.5, 0.0),
        (0.36, 0.0),
        (0.36, 0.06),
        *curve((0.4, 0.1), (0.46, 0.22), (0.2, 0.42)),
        *curve((0.2, 0.42), (-0.02, 0.7), (0.3, 1.0)),
        (0.5, 1.0),
    ]
    body = sk.polygon(b.mirrored(half), c, ROUND)
    if look.variant % 2:
        sk.polygon(
            b.pts((0.0, 0.55), (1.0, 0.55), (1.0, 0.62), (0.0, 0.62)), look.accent, ROUND, clip=body
        )
    sk.ellipse(b.rect(0.36, -0.01, 0.64, 0.04), darker(c, 0.4), MATT)
    sk.glint(b.rect(0.24, 0.4, 0.34, 0.8), 0.4, b.len(0.02))


def lamp(sk: Sketch, b: Box, look: Look) -> None:
    """A table lamp: fabric drum shade, turned stem, weighted base."""
    c, a = look.main, look.accent
    sk.ellipse(b.rect(0.24, 0.9, 0.76, 1.0), darker(a, 0.1), ROUND)
    sk.rounded(b.rect(0.46, 0.4, 0.54, 0.94), b.len(0.03), a, ROUND)
    sk.ellipse(b.rect(0.4, 0.56, 0.6, 0.66), a, ROUND)
    shade = sk.polygon(b.pts((0.22, 0.0), (0.78, 0.0), (0.96, 0.44), (0.04, 0.44)), c, FABRIC)
    sk.polygon(
        b.pts((0.1, 0.3), (0.9, 0.3), (0.96, 0.44), (0.04, 0.44)),
        lighter(c, 0.25),
        FLAT,
        clip=shade,
    )
    sk.line(b.pts((0.04, 0.44), (0.96, 0.44)), darker(c, 0.2), b.len(0.012))


def chair(sk: Sketch, b: Box, look: Look) -> None:
    """A dining chair, three-quarter: wooden legs, a shaped seat and back."""
    c = look.main
    wood = _OAK if look.variant % 2 == 0 else (72, 52, 40)
    for x0, x1, y in ((0.16, 0.12, 1.0), (0.84, 0.88, 1.0), (0.3, 0.3, 0.9), (0.7, 0.7, 0.9)):
        sk.line(b.pts((x0, 0.58), (x1, y)), darker(wood, 0.1), b.len(0.04))
    for x in (0.2, 0.8):
        sk.line(b.pts((x, 0.56), (x, 0.02)), wood, b.len(0.035))
    sk.rounded(b.rect(0.16, 0.0, 0.84, 0.3), b.len(0.06), c, MATT)
    sk.polygon(b.pts((0.2, 0.5), (0.8, 0.5), (0.9, 0.6), (0.1, 0.6)), lighter(c, 0.05), MATT)
    sk.rounded(b.rect(0.1, 0.58, 0.9, 0.64), b.len(0.02), darker(c, 0.2), MATT)


def sofa(sk: Sketch, b: Box, look: Look) -> None:
    """An armchair or sofa: back, arms, seat cushion, tapered legs."""
    c = look.main
    for x in (0.08, 0.92):
        sk.line(b.pts((x, 0.84), (x + (0.02 if x < 0.5 else -0.02), 1.0)), _OAK, b.len(0.025))
    sk.rounded(b.rect(0.08, 0.0, 0.92, 0.6), b.len(0.08), c, FABRIC)
    sk.rounded(b.rect(0.0, 0.3, 0.18, 0.88), b.len(0.06), darker(c, 0.05), FABRIC)
    sk.rounded(b.rect(0.82, 0.3, 1.0, 0.88), b.len(0.06), darker(c, 0.05), FABRIC)
    sk.rounded(b.rect(0.16, 0.5, 0.84, 0.72), b.len(0.05), lighter(c, 0.06), FABRIC)
    sk.rounded(b.rect(0.12, 0.7, 0.88, 0.88), b.len(0.03), darker(c, 0.12), FABRIC)


def table(sk: Sketch, b: Box, look: Look) -> None:
    """A table or desk: a thick top and four legs, in wood or lacquer."""
    c = look.main
    for x0, x1 in ((0.06, 0.08), (0.94, 0.92), (0.2, 0.2), (0.8, 0.8)):
        sk.line(
            b.pts((x0, 0.3), (x1, 1.0 if x0 in (0.06, 0.94) else 0.9)),
            darker(c, 0.15),
            b.len(0.035),
        )
    sk.polygon(b.pts((0.12, 0.06), (0.88, 0.06), (1.0, 0.24), (0.0, 0.24)), c, MATT)
    sk.rounded(b.rect(0.0, 0.24, 1.0, 0.32), b.len(0.01), darker(c, 0.2), MATT)
    sk.rounded(b.rect(0.3, 0.32, 0.7, 0.42), b.len(0.01), darker(c, 0.12), MATT)


def shelf(sk: Sketch, b: Box, look: Look) -> None:
    """An open bookcase with a few books and a pot on its shelves."""
    c = look.main
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.01), c, MATT)
    for i in range(4):
        y0 = 0.04 + i * 0.24
        sk.rounded(b.rect(0.05, y0, 0.95, y0 + 0.2), b.len(0.005), darker(c, 0.35), FLAT)
        for j in range(4 + i % 2):
            x = 0.1 + j * 0.07 + (0.3 if i % 2 else 0.0)
            colour = mix(look.accent, (230, 220, 200), (j % 3) * 0.35)
            sk.rounded(
                b.rect(x, y0 + 0.05 + (j % 2) * 0.02, x + 0.06, y0 + 0.2),
                b.len(0.005),
                colour,
                MATT,
            )


def frame(sk: Sketch, b: Box, look: Look) -> None:
    """A framed print: frame, mount and a simple landscape."""
    c, a = look.main, look.accent
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.01), c, GLOSS)
    sk.rounded(b.rect(0.06, 0.06, 0.94, 0.94), 0, (246, 244, 238), FLAT)
    sk.rounded(b.rect(0.16, 0.16, 0.84, 0.84), 0, lighter(a, 0.6), FLAT)
    sk.ellipse(b.rect(0.56, 0.26, 0.7, 0.4), (240, 180, 80), FLAT)
    sk.polygon(
        b.pts(
            (0.16, 0.84),
            (0.16, 0.6),
            (0.38, 0.4),
            (0.6, 0.62),
            (0.7, 0.52),
            (0.84, 0.66),
            (0.84, 0.84),
        ),
        a,
        FLAT,
    )


def cushion(sk: Sketch, b: Box, look: Look) -> None:
    """A square cushion, plump in the middle, with a woven pattern when `variant` is odd."""
    c = look.main
    outline = b.pts(
        *curve((0.02, 0.02), (0.5, 0.1), (0.98, 0.02)),
        *curve((0.98, 0.02), (0.9, 0.5), (0.98, 0.98)),
        *curve((0.98, 0.98), (0.5, 0.9), (0.02, 0.98)),
        *curve((0.02, 0.98), (0.1, 0.5), (0.02, 0.02)),
    )
    body = sk.polygon(outline, c, KNIT if look.variant % 2 else FABRIC)
    if look.variant % 2:

        def weave(d: ImageDraw.ImageDraw) -> None:
            for i in range(12):
                d.line(b.pts((0.0, i * 0.09), (1.0, i * 0.09)), fill=200, width=round(b.len(0.02)))

        sk.pattern(body, look.accent, weave, FABRIC)
    sk.fold(b.pts((0.2, 0.2), (0.4, 0.35)), body, b.len(0.05), 0.2)
    sk.fold(b.pts((0.8, 0.8), (0.62, 0.66)), body, b.len(0.05), 0.2)


def rug(sk: Sketch, b: Box, look: Look) -> None:
    """A rug laid flat in perspective: border, medallion and fringes."""
    c, a = look.main, look.accent
    outline = b.pts((0.12, 0.0), (0.88, 0.0), (1.0, 1.0), (0.0, 1.0))
    sk.polygon(outline, c, FABRIC)
    sk.polygon(b.pts((0.17, 0.08), (0.83, 0.08), (0.92, 0.92), (0.08, 0.92)), a, FABRIC)
    sk.polygon(b.pts((0.21, 0.14), (0.79, 0.14), (0.86, 0.86), (0.14, 0.86)), c, FABRIC)
    sk.polygon(b.pts((0.5, 0.26), (0.68, 0.5), (0.5, 0.74), (0.32, 0.5)), a, FABRIC)
    for i in range(30):
        x = 0.02 + i * 0.0333
        sk.line(b.pts((x, 1.0), (x - 0.005, 1.05)), lighter(c, 0.5), b.len(0.005))


def linens(sk: Sketch, b: Box, look: Look) -> None:
    """Folded bedding or towels in a neat stack."""
    c = look.main
    for i in range(3):
        y0 = 0.7 - i * 0.3
        colour = c if i != 1 or not look.variant % 2 else look.accent
        fold = sk.rounded(
            b.rect(0.02 + i * 0.02, y0, 0.98 - i * 0.02, y0 + 0.3), b.len(0.05), colour, FABRIC
        )
        sk.fold(b.pts((0.1, y0 + 0.15), (0.9, y0 + 0.15)), fold, b.len(0.03), 0.18)
        sk.stitches(
            b.pts((0.06 + i * 0.02, y0 + 0.26), (0.94 - i * 0.02, y0 + 0.26)),
            darker(colour, 0.2),
            width=b.len(0.004),
            dash=b.len(0.012),
        )


def candle(sk: Sketch, b: Box, look: Look) -> None:
    """A scented candle in a glass jar with a lid beside it."""
    c = look.main
    sk.polygon(
        b.pts((0.08, 0.2), (0.72, 0.2), *arc(0.4, 0.96, 0.32, 0.04, 0, 180, 10)),
        lighter(c, 0.4),
        ROUND,
    )
    sk.polygon(b.pts((0.1, 0.36), (0.7, 0.36), *arc(0.4, 0.94, 0.3, 0.04, 0, 180, 10)), c, ROUND)
    sk.rounded(b.rect(0.18, 0.5, 0.62, 0.76), b.len(0.01), (244, 240, 232), FLAT)
    if look.words:
        sk.text(b.p(0.4, 0.63), look.words, round(b.len(0.06)), (60, 56, 52), width=b.len(0.38))
    sk.ellipse(b.rect(0.7, 0.82, 1.0, 0.98), _BRASS, GLOSS)
    sk.glint(b.rect(0.12, 0.24, 0.2, 0.9), 0.5, b.len(0.015))
