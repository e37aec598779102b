"""Shoes in profile, toe to the right, standing on the studio table (sandals from above)."""

from reloop.demo.photos.canvas import RGB, Box, Look, Point, arc, curve, darker, lighter
from reloop.demo.photos.sketch import FABRIC, GLOSS, MATT, Sketch

_RUBBER: RGB = (58, 54, 52)


def _seam(sk: Sketch, b: Box, colour: RGB, *points: Point) -> None:
    sk.stitches(b.pts(*points), colour, width=b.len(0.004), dash=b.len(0.012))


def trainer(sk: Sketch, b: Box, look: Look) -> None:
    """A low trainer: cupsole, laces, toe cap, heel counter and a side stripe."""
    c, a = look.main, look.accent
    sole = (244, 242, 236) if sum(c) < 600 else (222, 208, 178)
    sk.rounded(b.rect(0.0, 0.84, 1.0, 1.0), b.len(0.05), darker(sole, 0.25), MATT)
    sk.rounded(b.rect(0.0, 0.7, 1.0, 0.94), b.len(0.06), sole, MATT)
    upper = b.pts(
        *arc(0.13, 0.5, 0.13, 0.36, 160, 250, 8),
        (0.2, 0.19),
        (0.3, 0.28),
        (0.34, 0.14),
        (0.4, 0.04),
        (0.47, 0.04),
        (0.5, 0.14),
        (0.62, 0.3),
        (0.78, 0.4),
        *arc(0.86, 0.74, 0.14, 0.32, 275, 360, 8),
        (0.98, 0.76),
        (0.02, 0.76),
    )
    body = sk.polygon(upper, c, FABRIC)
    sk.polygon(
        b.pts((0.74, 0.3), (1.0, 0.3), (1.0, 0.8), (0.72, 0.8)), lighter(c, 0.08), FABRIC, clip=body
    )
    sk.polygon(b.pts((0.0, 0.0), (0.15, 0.0), (0.2, 0.8), (0.0, 0.8)), a, FABRIC, clip=body)
    sk.polygon(b.pts((0.21, 0.64), (0.48, 0.34), (0.66, 0.36), (0.4, 0.66)), a, MATT, clip=body)
    sk.ellipse(b.rect(0.1, 0.16, 0.33, 0.3), darker(c, 0.55), MATT, clip=body)
    for i in range(5):
        x, y = 0.45 + i * 0.05, 0.16 + i * 0.055
        sk.line(b.pts((x - 0.04, y + 0.045), (x + 0.045, y - 0.03)), lighter(c, 0.85), b.len(0.013))
    _seam(sk, b, darker(c, 0.3), (0.04, 0.68), (0.96, 0.68))
    sk.fold(b.pts((0.6, 0.48), (0.72, 0.52)), body, b.len(0.02), 0.2)


def boot(sk: Sketch, b: Box, look: Look) -> None:
    """A Chelsea boot: polished leather, an elastic side panel, pull tab, stacked heel."""
    c = look.main
    sk.rounded(b.rect(0.02, 0.9, 1.0, 1.0), b.len(0.03), _RUBBER, MATT)
    sk.rounded(b.rect(0.05, 0.84, 0.27, 1.0), b.len(0.01), darker(c, 0.35), MATT)
    sk.rounded(b.rect(0.1, -0.07, 0.18, 0.06), b.len(0.012), darker(c, 0.2), MATT)
    upper = b.pts(
        (0.08, 0.0),
        (0.42, 0.0),
        (0.43, 0.4),
        (0.5, 0.55),
        (0.7, 0.6),
        *arc(0.86, 0.9, 0.14, 0.3, 270, 360, 8),
        (0.04, 0.9),
        (0.03, 0.6),
        (0.06, 0.3),
    )
    body = sk.polygon(upper, c, GLOSS)
    panel = b.pts(*arc(0.28, 0.08, 0.1, 0.5, 0, 180, 12))
    sk.polygon(panel, darker(c, 0.35), FABRIC, clip=body)
    for i in range(8):
        x = 0.195 + i * 0.024
        sk.line(b.pts((x, 0.1), (x, 0.5)), darker(c, 0.5), b.len(0.003))
    _seam(sk, b, lighter(c, 0.3), (0.05, 0.87), (0.98, 0.87))
    sk.glint(b.rect(0.62, 0.62, 0.9, 0.72), 0.4, b.len(0.02))
    sk.fold(b.pts((0.43, 0.46), (0.58, 0.6)), body, b.len(0.02), 0.25)


def heel(sk: Sketch, b: Box, look: Look) -> None:
    """A court shoe on a slim high heel."""
    c = look.main
    sk.polygon(b.pts((0.04, 0.4), (0.18, 0.46), (0.15, 1.0), (0.12, 1.0)), darker(c, 0.25), GLOSS)
    sole_line = [*curve((0.03, 0.42), (0.38, 0.48), (0.62, 0.93)), (0.99, 0.94)]
    under = [(x, y + 0.035) for x, y in reversed(sole_line)]
    sk.polygon(b.pts(*sole_line, *under), darker(c, 0.6), MATT)
    upper = b.pts(
        (0.02, 0.1),
        *sole_line,
        *curve((0.99, 0.94), (1.0, 0.72), (0.8, 0.7)),
        *curve((0.8, 0.7), (0.5, 0.66), (0.36, 0.5)),
        *curve((0.36, 0.5), (0.16, 0.3), (0.08, 0.08)),
    )
    body = sk.polygon(upper, c, GLOSS)
    lining = b.pts(
        *curve((0.06, 0.1), (0.22, 0.34), (0.5, 0.6)), *curve((0.5, 0.6), (0.2, 0.3), (0.1, 0.06))
    )
    sk.polygon(lining, darker(c, 0.55), MATT, clip=body)
    sk.glint(b.rect(0.7, 0.74, 0.94, 0.84), 0.5, b.len(0.015))


def flat(sk: Sketch, b: Box, look: Look) -> None:
    """A loafer (`variant` odd) or a ballet flat with a bow."""
    c, a = look.main, look.accent
    sk.rounded(b.rect(0.0, 0.86, 1.0, 1.0), b.len(0.04), darker(c, 0.55), MATT)
    upper = b.pts(
        *arc(0.1, 0.66, 0.1, 0.34, 180, 250, 6),
        (0.3, 0.36),
        (0.55, 0.42),
        *arc(0.84, 0.86, 0.16, 0.44, 270, 360, 8),
        (0.0, 0.86),
    )
    body = sk.polygon(upper, c, GLOSS)
    sk.polygon(
        b.pts((0.06, 0.34), (0.3, 0.4), (0.56, 0.46), (0.3, 0.5), (0.07, 0.46)),
        darker(c, 0.55),
        MATT,
        clip=body,
    )
    if look.variant % 2:
        sk.polygon(
            b.pts((0.5, 0.44), (0.74, 0.46), (0.78, 0.6), (0.52, 0.58)),
            darker(c, 0.15),
            GLOSS,
            clip=body,
        )
        sk.rounded(b.rect(0.58, 0.49, 0.7, 0.54), b.len(0.01), (206, 176, 96), GLOSS)
        _seam(sk, b, darker(c, 0.35), (0.5, 0.6), (0.78, 0.62), (0.94, 0.7))
    else:
        sk.ellipse(b.rect(0.56, 0.38, 0.7, 0.5), a, MATT)
        sk.ellipse(b.rect(0.61, 0.41, 0.65, 0.47), darker(a, 0.2), MATT)
    sk.glint(b.rect(0.72, 0.56, 0.96, 0.68), 0.4, b.len(0.015))


def sandal(sk: Sketch, b: Box, look: Look) -> None:
    """A two-strap footbed sandal seen from above, buckles on the straps."""
    c = look.main
    bed = b.pts(
        *arc(0.5, 0.2, 0.36, 0.2, 180, 360, 12),
        *arc(0.5, 0.62, 0.4, 0.12, 330, 390, 4),
        *arc(0.5, 0.84, 0.3, 0.16, 0, 180, 12),
        *arc(0.5, 0.62, 0.38, 0.12, 150, 210, 4),
    )
    sk.polygon(bed, (198, 160, 114), MATT)
    inner = [
        (x * 0.92 + b.x * 0.08 + b.w * 0.04, y * 0.94 + b.y * 0.06 + b.h * 0.03) for x, y in bed
    ]
    sk.polygon(inner, (232, 214, 182), FABRIC)
    for y0 in (0.16, 0.42):
        strap = sk.rounded(b.rect(0.02, y0, 0.98, y0 + 0.17), b.len(0.06), c, GLOSS)
        _seam(sk, b, lighter(c, 0.3), (0.06, y0 + 0.02), (0.94, y0 + 0.02))
        _seam(sk, b, lighter(c, 0.3), (0.06, y0 + 0.15), (0.94, y0 + 0.15))
        sk.rounded(b.rect(0.7, y0 + 0.03, 0.82, y0 + 0.14), b.len(0.02), (200, 196, 190), GLOSS)
        sk.rounded(b.rect(0.73, y0 + 0.06, 0.79, y0 + 0.11), b.len(0.01), c, GLOSS)
        sk.fold(b.pts((0.2, y0 + 0.12), (0.6, y0 + 0.13)), strap, b.len(0.03), 0.2)
