"""Tops laid flat: T-shirts, shirts, knits, hoodies and baby bodysuits."""

from PIL import ImageDraw

from reloop.demo.photos.canvas import Box, Look, arc, contrast_ink, darker, lighter
from reloop.demo.photos.garments import cloth, seam
from reloop.demo.photos.sketch import FABRIC, KNIT, Sketch


def tshirt(sk: Sketch, b: Box, look: Look) -> None:
    """A T-shirt with a ribbed crew neck; `variant` 1 adds a chest print."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.03),
            (0.38, 0.02),
            (0.13, 0.09),
            (0.0, 0.34),
            (0.15, 0.42),
            (0.215, 0.3),
            (0.215, 1.0),
            (0.5, 1.0),
        ]
    )
    body = cloth(sk, outline, look, FABRIC)
    sk.polygon(b.pts(*arc(0.5, 0.02, 0.12, 0.085, 0, 180, 14)), darker(c, 0.3), FABRIC)
    sk.line(b.pts(*arc(0.5, 0.02, 0.12, 0.085, 0, 180, 14)), darker(c, 0.12), b.len(0.028))
    for side in (0.0, 1.0):
        s = 1 if side == 0 else -1
        seam(sk, b, c, (side + s * 0.02, 0.37), (side + s * 0.135, 0.43))
    seam(sk, b, c, (0.22, 0.975), (0.78, 0.975))
    sk.fold(b.pts((0.3, 0.55), (0.42, 0.72), (0.4, 0.9)), body, b.len(0.03), 0.25)
    sk.fold(b.pts((0.7, 0.4), (0.62, 0.6)), body, b.len(0.025), 0.2)
    if look.variant % 2 and not look.multi:
        sk.rounded(b.rect(0.36, 0.26, 0.64, 0.42), b.len(0.02), look.accent, FABRIC)
        if look.words:
            sk.text(
                b.p(0.5, 0.34),
                look.words.upper(),
                round(b.len(0.05)),
                contrast_ink(look.accent),
                width=b.len(0.26),
            )


def shirt(sk: Sketch, b: Box, look: Look) -> None:
    """A buttoned shirt or blouse with a collar and long sleeves."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.06),
            (0.39, 0.03),
            (0.16, 0.08),
            (0.04, 0.5),
            (0.0, 0.86),
            (0.1, 0.88),
            (0.14, 0.55),
            (0.2, 0.34),
            (0.2, 1.0),
            (0.5, 1.02),
        ]
    )
    body = cloth(sk, outline, look, FABRIC)
    for tip in (0.38, 0.62):
        flap = b.pts((0.5, 0.1), (tip, 0.03), (tip + (tip - 0.5) / 3, 0.17))
        sk.polygon(flap, lighter(c, 0.06), FABRIC)
    sk.line(b.pts((0.5, 0.1), (0.5, 1.0)), darker(c, 0.22), b.len(0.004))
    for i in range(6):
        y = 0.17 + i * 0.15
        sk.ellipse(
            b.rect(0.515, y, 0.545, y + 0.02), lighter(c, 0.35) if sum(c) < 300 else darker(c, 0.15)
        )
    seam(sk, b, c, (0.0, 0.8), (0.1, 0.82))
    seam(sk, b, c, (0.9, 0.82), (1.0, 0.8))
    seam(sk, b, c, (0.21, 0.99), (0.79, 0.99))
    sk.fold(b.pts((0.08, 0.4), (0.1, 0.7)), body, b.len(0.02), 0.22)
    sk.fold(b.pts((0.32, 0.5), (0.36, 0.9)), body, b.len(0.03), 0.2)


def jumper(sk: Sketch, b: Box, look: Look) -> None:
    """A knitted jumper: ribbed neck, cuffs and hem; cables when `variant` is odd."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.05),
            (0.38, 0.03),
            (0.15, 0.09),
            (0.03, 0.55),
            (0.0, 0.9),
            (0.13, 0.92),
            (0.15, 0.55),
            (0.19, 0.33),
            (0.19, 1.0),
            (0.5, 1.0),
        ]
    )
    body = cloth(sk, outline, look, KNIT)
    rib = darker(c, 0.1)
    sk.line(b.pts(*arc(0.5, 0.03, 0.12, 0.07, 0, 180, 14)), rib, b.len(0.035))
    sk.polygon(b.pts((0.19, 0.92), (0.81, 0.92), (0.81, 1.0), (0.19, 1.0)), rib, KNIT)
    for edge, inner in ((0.0, 0.14), (1.0, 0.86)):
        cuff = b.pts((edge, 0.84), (inner, 0.86), (inner - (inner - edge) / 14, 0.92), (edge, 0.9))
        sk.polygon(cuff, rib, KNIT)
    for x in range(20, 81, 3):
        sk.line(b.pts((x / 100, 0.925), (x / 100, 0.995)), darker(c, 0.2), b.len(0.003))
    cables = look.variant % 2 and not look.multi

    def knit(d: ImageDraw.ImageDraw) -> None:
        width = round(b.len(0.004))
        for i in range(44):
            x = 0.02 + i * 0.022
            d.line(b.pts((x, 0.0), (x, 1.0)), fill=110, width=width)
        if cables:
            for x in (0.34, 0.5, 0.66):
                for i in range(11):
                    y = 0.16 + i * 0.066
                    d.arc(
                        b.rect(x - 0.04, y, x + 0.04, y + 0.08), 200, 340, fill=255, width=width * 3
                    )

    sk.pattern(body, darker(c, 0.22), knit)
    sk.fold(b.pts((0.3, 0.4), (0.35, 0.85)), body, b.len(0.04), 0.18)


def hoodie(sk: Sketch, b: Box, look: Look) -> None:
    """A hooded sweatshirt with a kangaroo pocket and drawstrings."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.12),
            (0.36, 0.1),
            (0.15, 0.14),
            (0.03, 0.58),
            (0.0, 0.9),
            (0.13, 0.92),
            (0.15, 0.58),
            (0.19, 0.36),
            (0.19, 1.0),
            (0.5, 1.0),
        ]
    )
    body = cloth(sk, outline, look, FABRIC)
    sk.polygon(b.pts(*arc(0.5, 0.11, 0.17, 0.13, 180, 360, 16)), darker(c, 0.08), FABRIC)
    sk.polygon(b.pts(*arc(0.5, 0.12, 0.1, 0.07, 180, 360, 12)), darker(c, 0.45), FABRIC)
    pocket = b.pts((0.3, 0.62), (0.7, 0.62), (0.78, 0.88), (0.22, 0.88))
    sk.polygon(pocket, lighter(c, 0.04), FABRIC)
    seam(sk, b, c, (0.3, 0.635), (0.7, 0.635))
    for x in (0.45, 0.55):
        sk.line(b.pts((x, 0.16), (x - 0.01, 0.42)), lighter(c, 0.6), b.len(0.009))
    sk.polygon(b.pts((0.19, 0.93), (0.81, 0.93), (0.81, 1.0), (0.19, 1.0)), darker(c, 0.1), KNIT)
    sk.fold(b.pts((0.26, 0.4), (0.3, 0.58)), body, b.len(0.03), 0.2)


def bodysuit(sk: Sketch, b: Box, look: Look) -> None:
    """A baby's short-sleeved bodysuit with poppers."""
    c = look.main
    outline = b.mirrored(
        [
            (0.5, 0.05),
            (0.36, 0.02),
            (0.15, 0.08),
            (0.0, 0.3),
            (0.13, 0.4),
            (0.2, 0.32),
            (0.2, 0.72),
            (0.36, 0.92),
            (0.4, 1.0),
            (0.5, 1.0),
        ]
    )
    body = cloth(sk, outline, look, FABRIC)
    sk.line(b.pts(*arc(0.5, 0.02, 0.14, 0.08, 0, 180, 12)), lighter(c, 0.2), b.len(0.025))
    for x in (0.44, 0.5, 0.56):
        sk.ellipse(b.rect(x - 0.015, 0.955, x + 0.015, 0.985), (200, 200, 204))
    if look.variant % 2 and not look.multi:

        def stripes(d: ImageDraw.ImageDraw) -> None:
            for i in range(14):
                d.rectangle(b.rect(0.0, 0.1 + i * 0.065, 1.0, 0.13 + i * 0.065), fill=255)

        sk.pattern(body, (250, 249, 246), stripes)
    sk.fold(b.pts((0.3, 0.45), (0.35, 0.7)), body, b.len(0.03), 0.2)
