"""Small accessories laid flat: scarves, hats, sunglasses, watches, belts and jewellery."""

from PIL import ImageDraw

from reloop.demo.photos.canvas import RGB, Box, Look, arc, darker, lighter, mix
from reloop.demo.photos.sketch import BALL, FABRIC, GLOSS, KNIT, MATT, Sketch

_METAL: RGB = (196, 198, 202)


def scarf(sk: Sketch, b: Box, look: Look) -> None:
    """A folded scarf in a check, with fringed ends."""
    c, a = look.main, look.accent
    body = sk.rounded(b.rect(0.1, 0.0, 0.9, 0.9), b.len(0.02), c, FABRIC)

    def check(d: ImageDraw.ImageDraw) -> None:
        for i in range(5):
            d.rectangle(b.rect(0.16 + i * 0.16, 0.0, 0.2 + i * 0.16, 0.9), fill=150)
            d.rectangle(b.rect(0.1, 0.05 + i * 0.18, 0.9, 0.09 + i * 0.18), fill=150)

    sk.pattern(body, mix(c, a, 0.6), check, FABRIC)
    for i in range(40):
        x = 0.11 + i * 0.02
        sk.line(b.pts((x, 0.9), (x + 0.004, 0.99)), darker(c, 0.05), b.len(0.007))
    sk.fold(b.pts((0.1, 0.45), (0.9, 0.5)), body, b.len(0.04), 0.25)


def beanie(sk: Sketch, b: Box, look: Look) -> None:
    """A ribbed beanie with a turned-up cuff and a pompom."""
    c = look.main
    sk.ellipse(b.rect(0.36, 0.0, 0.64, 0.26), lighter(c, 0.2), KNIT)
    sk.polygon(b.pts(*arc(0.5, 0.72, 0.42, 0.56, 180, 360, 20)), c, KNIT)
    for i in range(15):
        x = 0.14 + i * 0.051
        sk.line(b.pts((x, 0.74), (0.5 + (x - 0.5) * 0.4, 0.22)), darker(c, 0.18), b.len(0.006))
    sk.rounded(b.rect(0.06, 0.66, 0.94, 0.98), b.len(0.06), darker(c, 0.06), KNIT)
    for i in range(22):
        x = 0.09 + i * 0.039
        sk.line(b.pts((x, 0.68), (x, 0.96)), darker(c, 0.2), b.len(0.006))


def sunglasses(sk: Sketch, b: Box, look: Look) -> None:
    """Sunglasses seen from the front, arms folded behind."""
    c = look.main
    for x0 in (0.02, 0.54):
        sk.rounded(b.rect(x0, 0.1, x0 + 0.44, 0.9), b.len(0.12), c, GLOSS)
        sk.rounded(b.rect(x0 + 0.04, 0.18, x0 + 0.4, 0.82), b.len(0.1), (48, 52, 58), GLOSS)
        sk.glint(b.rect(x0 + 0.08, 0.22, x0 + 0.22, 0.45), 0.45, b.len(0.02))
    sk.line(b.pts(*arc(0.5, 0.3, 0.06, 0.1, 200, 340, 8)), c, b.len(0.04))


def watch(sk: Sketch, b: Box, look: Look) -> None:
    """A wristwatch: strap, a metal case, a dial with indices and hands (square if `variant`)."""
    c = look.main
    sk.rounded(b.rect(0.34, 0.0, 0.66, 1.0), b.len(0.08), c, FABRIC if sum(c) < 300 else MATT)
    for i in range(4):
        y = 0.72 + i * 0.05
        sk.ellipse(b.rect(0.48, y, 0.52, y + 0.02), darker(c, 0.5))
    if look.variant % 2:
        sk.rounded(b.rect(0.22, 0.26, 0.78, 0.74), b.len(0.12), (50, 52, 56), GLOSS)
        sk.rounded(b.rect(0.26, 0.3, 0.74, 0.7), b.len(0.09), (22, 24, 28), GLOSS)
        sk.text(b.p(0.5, 0.46), "10:09", round(b.len(0.12)), (236, 236, 240))
        sk.rounded(b.rect(0.32, 0.56, 0.68, 0.6), b.len(0.01), look.accent, MATT)
        return
    sk.ellipse(b.rect(0.2, 0.24, 0.8, 0.76), _METAL, BALL)
    sk.ellipse(b.rect(0.25, 0.29, 0.75, 0.71), (244, 242, 236), MATT)
    for i in range(12):
        p0 = b.pts(*arc(0.5, 0.5, 0.21, 0.19, i * 30, i * 30, 1))[0]
        p1 = b.pts(*arc(0.5, 0.5, 0.18, 0.165, i * 30, i * 30, 1))[0]
        sk.line([p0, p1], (40, 40, 44), b.len(0.012))
    sk.line(b.pts((0.5, 0.5), (0.5, 0.34)), (30, 30, 34), b.len(0.014))
    sk.line(b.pts((0.5, 0.5), (0.62, 0.56)), (30, 30, 34), b.len(0.018))
    sk.ellipse(b.rect(0.8, 0.47, 0.84, 0.53), _METAL, GLOSS)


def belt(sk: Sketch, b: Box, look: Look) -> None:
    """A leather belt laid straight with its buckle and punched holes."""
    c = look.main
    sk.rounded(b.rect(0.12, 0.38, 1.0, 0.62), b.len(0.02), c, GLOSS)
    sk.stitches(
        b.pts((0.14, 0.41), (0.98, 0.41)), lighter(c, 0.3), width=b.len(0.004), dash=b.len(0.012)
    )
    sk.stitches(
        b.pts((0.14, 0.59), (0.98, 0.59)), lighter(c, 0.3), width=b.len(0.004), dash=b.len(0.012)
    )
    for i in range(5):
        x = 0.7 + i * 0.05
        sk.ellipse(b.rect(x, 0.48, x + 0.015, 0.52), darker(c, 0.6))
    sk.rounded(b.rect(0.0, 0.26, 0.16, 0.74), b.len(0.03), _METAL, GLOSS)
    sk.rounded(b.rect(0.025, 0.32, 0.135, 0.68), b.len(0.02), c, GLOSS)
    sk.line(b.pts((0.08, 0.5), (0.2, 0.5)), _METAL, b.len(0.012))


def jewellery(sk: Sketch, b: Box, look: Look) -> None:
    """A fine chain necklace with a pendant, in gold or silver."""
    metal = look.main  # gold or silver
    points = b.pts(*arc(0.5, 0.1, 0.42, 0.7, 10, 170, 40))
    for x, y in points:
        sk.ellipse(
            (x - b.len(0.012), y - b.len(0.008), x + b.len(0.012), y + b.len(0.008)), metal, GLOSS
        )
    sk.ellipse(b.rect(0.44, 0.78, 0.56, 0.94), metal, BALL)
    sk.ellipse(b.rect(0.47, 0.81, 0.53, 0.89), look.accent, BALL)


def hat(sk: Sketch, b: Box, look: Look) -> None:
    """A baseball cap from the side: crown panels, button and a curved peak."""
    c = look.main
    sk.polygon(b.pts(*arc(0.58, 0.62, 0.5, 0.14, 90, 210, 14), (0.98, 0.78)), darker(c, 0.1), MATT)
    sk.polygon(b.pts(*arc(0.42, 0.72, 0.4, 0.6, 180, 360, 22)), c, FABRIC)
    sk.ellipse(b.rect(0.39, 0.08, 0.45, 0.14), darker(c, 0.2))
    sk.line(b.pts(*arc(0.55, 0.72, 0.26, 0.6, 200, 275, 10)), darker(c, 0.3), b.len(0.006))
    sk.stitches(
        b.pts((0.04, 0.66), (0.8, 0.66)), darker(c, 0.35), width=b.len(0.004), dash=b.len(0.012)
    )
