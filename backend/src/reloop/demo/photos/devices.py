"""Electronics, front-on like a listing photo: phones, tablets, laptops, consoles, screens."""

from PIL import ImageDraw

from reloop.demo.photos.canvas import RGB, Box, Look, arc, darker, lighter, mix
from reloop.demo.photos.sketch import BALL, GLOSS, MATT, ROUND, Sketch

_GLASS: RGB = (24, 26, 32)


def _screen(
    sk: Sketch, b: Box, rect: tuple[float, float, float, float], tint: RGB, radius: float
) -> None:
    """A lit screen: a wallpaper gradient in `tint`, with the glass reflection across it."""
    x0, y0, x1, y1 = rect
    glass = sk.rounded(b.rect(*rect), radius, mix(tint, (20, 24, 40), 0.35), GLOSS)
    wallpaper = b.rect(x0 - 0.2, y0 + (y1 - y0) * 0.45, x1 + 0.1, y1 + 0.3)
    sk.ellipse(wallpaper, lighter(tint, 0.25), ROUND, clip=glass)
    sk.glint(b.rect(x0, y0, x0 + (x1 - x0) * 0.6, y0 + (y1 - y0) * 0.3), 0.15, b.len(0.05))


def phone(sk: Sketch, b: Box, look: Look) -> None:
    """A smartphone from the front (`variant` even) or its back with the camera block."""
    c = look.main
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.16), c, GLOSS)
    if look.variant % 2:
        sk.rounded(b.rect(0.08, 0.04, 0.5, 0.24), b.len(0.1), darker(c, 0.12), GLOSS)
        for x, y in ((0.18, 0.08), (0.18, 0.16), (0.34, 0.12)):
            sk.ellipse(b.rect(x - 0.07, y - 0.03, x + 0.07, y + 0.04), _GLASS, BALL)
        sk.glint(b.rect(0.1, 0.3, 0.4, 0.8), 0.25, b.len(0.05))
        return
    sk.rounded(b.rect(0.03, 0.015, 0.97, 0.985), b.len(0.14), _GLASS, GLOSS)
    _screen(sk, b, (0.06, 0.03, 0.94, 0.97), look.accent, b.len(0.12))
    sk.rounded(b.rect(0.38, 0.045, 0.62, 0.07), b.len(0.04), (8, 8, 10), MATT)
    sk.text(b.p(0.5, 0.2), "09:41", round(b.len(0.2)), (250, 250, 252))


def tablet(sk: Sketch, b: Box, look: Look) -> None:
    """A tablet, or an e-reader with a page of text when `variant` is odd."""
    c = look.main
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.07), c, GLOSS)
    if look.variant % 2:
        sk.rounded(b.rect(0.08, 0.07, 0.92, 0.88), b.len(0.01), (222, 220, 212), MATT)
        for i in range(14):
            width = 0.7 if i % 5 != 4 else 0.4
            sk.line(
                b.pts((0.14, 0.12 + i * 0.052), (0.14 + width, 0.12 + i * 0.052)),
                (120, 118, 114),
                b.len(0.012),
            )
        return
    _screen(sk, b, (0.05, 0.04, 0.95, 0.96), look.accent, b.len(0.04))


def laptop(sk: Sketch, b: Box, look: Look) -> None:
    """An open laptop: lid with screen, keyboard deck in perspective, trackpad."""
    c = look.main
    sk.rounded(b.rect(0.08, 0.0, 0.92, 0.66), b.len(0.02), darker(c, 0.1), GLOSS)
    _screen(sk, b, (0.1, 0.03, 0.9, 0.63), look.accent, b.len(0.01))
    sk.polygon(b.pts((0.08, 0.66), (0.92, 0.66), (1.0, 0.96), (0.0, 0.96)), c, MATT)
    sk.rounded(b.rect(0.0, 0.95, 1.0, 1.0), b.len(0.02), darker(c, 0.2), MATT)
    for row in range(4):
        y = 0.69 + row * 0.045
        inset = 0.1 - row * 0.018
        for k in range(12):
            x = inset + k * (0.8 + 2 * (0.1 - inset)) / 12
            sk.rounded(
                b.rect(x + 0.004, y, x + 0.06, y + 0.032), b.len(0.004), darker(c, 0.45), MATT
            )
    sk.rounded(b.rect(0.38, 0.87, 0.62, 0.94), b.len(0.01), lighter(c, 0.08), MATT)


def handheld(sk: Sketch, b: Box, look: Look) -> None:
    """A handheld console: screen in the middle, sticks and buttons either side."""
    c, a = look.main, look.accent
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.2), c, GLOSS)
    sk.rounded(b.rect(0.2, 0.08, 0.8, 0.92), b.len(0.02), _GLASS, GLOSS)
    _screen(sk, b, (0.23, 0.14, 0.77, 0.86), a, b.len(0.01))
    sk.ellipse(b.rect(0.05, 0.18, 0.15, 0.42), darker(c, 0.5), BALL)
    for dx, dy in ((0.0, -0.1), (0.0, 0.1), (-0.045, 0.0), (0.045, 0.0)):
        sk.ellipse(
            b.rect(0.1 + dx - 0.022, 0.66 + dy - 0.05, 0.1 + dx + 0.022, 0.66 + dy + 0.05),
            darker(c, 0.45),
            BALL,
        )
        sk.ellipse(
            b.rect(0.9 + dx - 0.022, 0.34 + dy - 0.05, 0.9 + dx + 0.022, 0.34 + dy + 0.05),
            darker(c, 0.45),
            BALL,
        )
    sk.ellipse(b.rect(0.85, 0.56, 0.95, 0.8), darker(c, 0.5), BALL)


def controller(sk: Sketch, b: Box, look: Look) -> None:
    """A game controller: grips, two sticks, a d-pad and four face buttons."""
    c = look.main
    for x in (0.18, 0.82):
        sk.ellipse(b.rect(x - 0.18, 0.3, x + 0.18, 1.0), c, GLOSS)
    sk.rounded(b.rect(0.08, 0.0, 0.92, 0.62), b.len(0.18), c, GLOSS)
    for x, y in ((0.3, 0.5), (0.62, 0.5)):
        sk.ellipse(b.rect(x - 0.07, y - 0.14, x + 0.07, y + 0.14), (40, 40, 44), BALL)
    sk.polygon(
        b.pts(
            (0.18, 0.2),
            (0.22, 0.2),
            (0.22, 0.27),
            (0.29, 0.27),
            (0.29, 0.35),
            (0.22, 0.35),
            (0.22, 0.42),
            (0.18, 0.42),
            (0.18, 0.35),
            (0.11, 0.35),
            (0.11, 0.27),
            (0.18, 0.27),
        ),
        (56, 56, 60),
        MATT,
    )
    for (x, y), colour in zip(
        ((0.78, 0.2), (0.84, 0.31), (0.72, 0.31), (0.78, 0.42)),
        ((60, 170, 90), (200, 60, 60), (60, 110, 200), (230, 190, 50)),
        strict=True,
    ):
        sk.ellipse(b.rect(x - 0.03, y - 0.055, x + 0.03, y + 0.055), colour, BALL)


def monitor(sk: Sketch, b: Box, look: Look) -> None:
    """A TV or monitor on a slim stand."""
    c = look.main
    sk.polygon(b.pts((0.42, 0.8), (0.58, 0.8), (0.66, 1.0), (0.34, 1.0)), darker(c, 0.1), MATT)
    sk.rounded(b.rect(0.0, 0.0, 1.0, 0.82), b.len(0.01), c, GLOSS)
    _screen(sk, b, (0.015, 0.02, 0.985, 0.8), look.accent, b.len(0.005))


def speaker(sk: Sketch, b: Box, look: Look) -> None:
    """A speaker with a perforated grille."""
    c = look.main
    sk.rounded(b.rect(0.0, 0.0, 1.0, 1.0), b.len(0.12), c, MATT)
    grille = sk.rounded(b.rect(0.06, 0.05, 0.94, 0.95), b.len(0.1), darker(c, 0.25), MATT)

    def holes(d: ImageDraw.ImageDraw) -> None:
        r = b.len(0.008)
        for i in range(24):
            for j in range(26):
                x, y = b.p(0.08 + i * 0.036 + (0.018 if j % 2 else 0.0), 0.07 + j * 0.034)
                d.ellipse((x - r, y - r, x + r, y + r), fill=255)

    sk.pattern(grille, darker(c, 0.5), holes)


def turntable(sk: Sketch, b: Box, look: Look) -> None:
    """A turntable from above at an angle: plinth, record on the platter, tonearm."""
    c = look.main
    sk.polygon(b.pts((0.06, 0.0), (0.94, 0.0), (1.0, 0.86), (0.0, 0.86)), c, MATT)
    sk.rounded(b.rect(0.0, 0.86, 1.0, 1.0), b.len(0.01), darker(c, 0.3), MATT)
    sk.ellipse(b.rect(0.08, 0.08, 0.68, 0.78), (22, 22, 24), GLOSS)
    for r in (0.26, 0.2, 0.14):
        sk.line(b.pts(*arc(0.38, 0.43, r, r * 1.1, 0, 360, 36)), (44, 44, 48), b.len(0.003))
    sk.ellipse(b.rect(0.32, 0.36, 0.44, 0.5), look.accent, MATT)
    sk.ellipse(b.rect(0.78, 0.08, 0.9, 0.2), (188, 190, 194), BALL)
    sk.line(b.pts((0.84, 0.14), (0.82, 0.6), (0.62, 0.7)), (188, 190, 194), b.len(0.012))
