"""Clothes laid flat, as sellers photograph them: outerwear, dresses and bottoms."""

from collections.abc import Sequence

from PIL import Image, ImageDraw

from reloop.demo.photos.canvas import (
    MULTI_BANDS,
    RGB,
    Box,
    Look,
    Point,
    arc,
    darker,
    lighter,
)
from reloop.demo.photos.sketch import FABRIC, Finish, Sketch


def cloth(sk: Sketch, outline: Sequence[Point], look: Look, finish: Finish) -> Image.Image:
    """The main piece of fabric, striped when the item is multicoloured."""
    if look.multi:
        mask = sk.mask(lambda d: d.polygon(list(outline), fill=255))
        sk.stripes(mask, MULTI_BANDS, width=sk.size[1] * 0.035)
        return mask
    return sk.polygon(outline, look.main, finish)


def seam(sk: Sketch, b: Box, colour: RGB, *points: Point) -> None:
    """Stitching along `points` in a darker shade of the fabric."""
    sk.stitches(b.pts(*points), darker(colour, 0.35), width=b.len(0.004), dash=b.len(0.014))


def jacket(sk: Sketch, b: Box, look: Look) -> None:
    """A jacket or coat with lapels and buttons; `variant` 1 is a zipped field jacket."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.05),
            (0.38, 0.02),
            (0.14, 0.08),
            (0.03, 0.55),
            (0.0, 0.92),
            (0.13, 0.93),
            (0.15, 0.58),
            (0.18, 0.33),
            (0.17, 1.0),
            (0.5, 1.0),
        ]
    )
    body = cloth(sk, outline, look, FABRIC)
    if look.variant % 2:
        sk.polygon(b.pts(*arc(0.5, 0.04, 0.14, 0.07, 0, 180, 12)), darker(c, 0.35), FABRIC)
        sk.line(b.pts((0.5, 0.1), (0.5, 1.0)), (170, 170, 172), b.len(0.012))
        for pocket in (
            (0.24, 0.35, 0.42, 0.47),
            (0.58, 0.35, 0.76, 0.47),
            (0.24, 0.66, 0.42, 0.8),
            (0.58, 0.66, 0.76, 0.8),
        ):
            sk.rounded(b.rect(*pocket), b.len(0.01), lighter(c, 0.05), FABRIC)
            seam(
                sk, b, c, (pocket[0] + 0.01, pocket[1] + 0.03), (pocket[2] - 0.01, pocket[1] + 0.03)
            )
    else:
        for side in (0, 1):
            lapel = b.pts((0.38, 0.02), (0.5, 0.42), (0.3, 0.18))
            if side:
                lapel = b.pts((0.62, 0.02), (0.5, 0.42), (0.7, 0.18))
            sk.polygon(lapel, darker(c, 0.12), FABRIC)
        sk.polygon(
            b.pts((0.4, 0.02), (0.5, 0.3), (0.6, 0.02), (0.5, 0.06)), darker(c, 0.45), FABRIC
        )
        for y in (0.5, 0.66, 0.82):
            sk.ellipse(b.rect(0.47, y, 0.53, y + 0.04), darker(c, 0.4))
        for pocket in ((0.22, 0.64, 0.4, 0.67), (0.6, 0.64, 0.78, 0.67)):
            sk.rounded(b.rect(*pocket), b.len(0.005), darker(c, 0.12), FABRIC)
    sk.fold(b.pts((0.09, 0.4), (0.1, 0.8)), body, b.len(0.03), 0.25)
    sk.fold(b.pts((0.3, 0.75), (0.34, 0.98)), body, b.len(0.03), 0.18)


def dress(sk: Sketch, b: Box, look: Look) -> None:
    """A sleeveless dress with a fitted bodice and a flared skirt."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.08),
            (0.4, 0.02),
            (0.33, 0.0),
            (0.31, 0.12),
            (0.33, 0.3),
            (0.34, 0.38),
            (0.14, 1.0),
            (0.5, 1.03),
        ]
    )
    body = cloth(sk, outline, look, FABRIC)
    sk.line(b.pts(*arc(0.5, 0.02, 0.1, 0.08, 0, 180, 12)), darker(c, 0.18), b.len(0.01))
    sk.line(b.pts((0.34, 0.37), (0.66, 0.37)), darker(c, 0.2), b.len(0.012))
    for x0, x1 in ((0.4, 0.3), (0.5, 0.5), (0.6, 0.7)):
        sk.fold(b.pts((x0, 0.42), (x1, 0.98)), body, b.len(0.04), 0.22)
    seam(sk, b, c, (0.16, 0.985), (0.5, 1.01), (0.84, 0.985))
    if look.variant % 2 and not look.multi:

        def dots(d: ImageDraw.ImageDraw) -> None:
            for row in range(24):
                for col in range(12):
                    fx = 0.05 + col * 0.08 + (0.04 if row % 2 else 0.0)
                    fy = 0.03 + row * 0.042
                    d.ellipse(b.rect(fx, fy, fx + 0.022, fy + 0.016), fill=255)

        sk.pattern(body, look.accent, dots)


def skirt(sk: Sketch, b: Box, look: Look) -> None:
    """An A-line skirt with a waistband."""
    c = look.main
    outline = b.mirrored([(0.5, 0.0), (0.26, 0.0), (0.05, 1.0), (0.5, 1.02)])
    body = cloth(sk, outline, look, FABRIC)
    sk.polygon(
        b.pts((0.26, 0.0), (0.74, 0.0), (0.745, 0.07), (0.255, 0.07)), darker(c, 0.12), FABRIC
    )
    sk.ellipse(b.rect(0.6, 0.015, 0.64, 0.055), darker(c, 0.4))
    for x0, x1 in ((0.38, 0.25), (0.62, 0.75)):
        sk.fold(b.pts((x0, 0.12), (x1, 0.98)), body, b.len(0.04), 0.2)
    seam(sk, b, c, (0.06, 0.975), (0.94, 0.975))


def trousers(sk: Sketch, b: Box, look: Look) -> None:
    """Jeans or trousers; `variant` 1 adds denim's contrast stitching and rivets."""
    c = look.main
    outline = b.mirrored([(0.5, 0.0), (0.1, 0.0), (0.05, 1.0), (0.45, 1.0), (0.5, 0.27)])
    body = cloth(sk, outline, look, FABRIC)
    band = b.pts((0.1, 0.0), (0.9, 0.0), (0.9, 0.055), (0.1, 0.055))
    sk.polygon(band, darker(c, 0.06), FABRIC)
    for x in (0.2, 0.4, 0.6, 0.8):
        sk.rounded(b.rect(x - 0.012, 0.0, x + 0.012, 0.08), b.len(0.005), darker(c, 0.08), FABRIC)
    sk.ellipse(b.rect(0.485, 0.015, 0.515, 0.04), (182, 160, 110))
    sk.line(b.pts((0.5, 0.06), (0.5, 0.22)), darker(c, 0.3), b.len(0.006))
    sk.line(b.pts(*arc(0.1, 0.06, 0.16, 0.12, 0, 90, 8)), darker(c, 0.3), b.len(0.006))
    sk.line(b.pts(*arc(0.9, 0.06, 0.16, 0.12, 90, 180, 8)), darker(c, 0.3), b.len(0.006))
    thread = (214, 150, 60) if look.variant % 2 else darker(c, 0.35)
    for top, bottom in (
        ((0.5, 0.06), (0.5, 0.24)),
        ((0.255, 0.3), (0.27, 0.98)),
        ((0.745, 0.3), (0.73, 0.98)),
    ):
        sk.stitches(b.pts(top, bottom), thread, width=b.len(0.007), dash=b.len(0.02))
    sk.stitches(b.pts((0.06, 0.975), (0.44, 0.975)), thread, width=b.len(0.007), dash=b.len(0.02))
    sk.stitches(b.pts((0.56, 0.975), (0.94, 0.975)), thread, width=b.len(0.007), dash=b.len(0.02))
    for x0, y0, x1, y1 in (
        (0.2, 0.55, 0.14, 0.62),
        (0.8, 0.55, 0.86, 0.62),
        (0.22, 0.8, 0.3, 0.84),
    ):
        sk.fold(b.pts((x0, y0), (x1, y1)), body, b.len(0.04), 0.25)


def shorts(sk: Sketch, b: Box, look: Look) -> None:
    """Shorts: a waistband and two short legs."""
    c = look.main
    outline = b.mirrored([(0.5, 0.0), (0.08, 0.0), (0.0, 1.0), (0.46, 1.0), (0.5, 0.55)])
    body = cloth(sk, outline, look, FABRIC)
    sk.polygon(
        b.pts((0.08, 0.0), (0.92, 0.0), (0.925, 0.12), (0.075, 0.12)), darker(c, 0.1), FABRIC
    )
    for x in (0.42, 0.58):
        sk.line(b.pts((x, 0.1), (x - 0.02, 0.3)), lighter(c, 0.5), b.len(0.01))
    seam(sk, b, c, (0.01, 0.94), (0.45, 0.94))
    seam(sk, b, c, (0.55, 0.94), (0.99, 0.94))
    sk.fold(b.pts((0.5, 0.14), (0.5, 0.5)), body, b.len(0.03), 0.3)
