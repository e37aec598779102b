"""What drawers work with: colours as photographed, a box to draw in, arcs and curves.

Drawers place every point as a fraction of a `Box`, so one drawing serves the full shot
and the close-up (the same object in a bigger box).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

RGB = tuple[int, int, int]
Point = tuple[float, float]

# Colour keys as they photograph: pure black and white have no room for shading, so
# they are lifted and lowered a little, like real fabric under studio light.
TONES: dict[str, RGB] = {
    "black": (44, 44, 48),
    "white": (238, 236, 231),
    "grey": (140, 141, 143),
    "cream": (240, 232, 208),
    "beige": (214, 196, 165),
    "camel": (190, 150, 104),
    "brown": (112, 72, 40),
    "navy": (36, 48, 80),
    "blue": (38, 96, 184),
    "light-blue": (160, 196, 228),
    "turquoise": (52, 190, 184),
    "green": (52, 128, 84),
    "khaki": (118, 112, 72),
    "yellow": (240, 204, 48),
    "mustard": (204, 160, 44),
    "orange": (232, 124, 40),
    "red": (200, 36, 48),
    "burgundy": (120, 32, 52),
    "pink": (236, 166, 190),
    "purple": (112, 64, 150),
    "silver": (192, 194, 198),
    "gold": (206, 170, 72),
    "multi": (176, 80, 200),
}
# Bands used for a multicoloured item: a cheerful stripe rather than the taxonomy's purple.
MULTI_BANDS: tuple[RGB, ...] = ((220, 60, 60), (244, 196, 48), (52, 128, 200), (60, 160, 96))


def tone(key: str) -> RGB:
    """The photographed colour of a taxonomy colour key."""
    return TONES[key]


def mix(colour: RGB, other: RGB, amount: float) -> RGB:
    """`colour` moved `amount` (0..1) of the way towards `other`."""
    r, g, b = (round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True))
    return (r, g, b)


def lighter(colour: RGB, amount: float) -> RGB:
    """`colour` moved `amount` of the way to white."""
    return mix(colour, (255, 255, 255), amount)


def darker(colour: RGB, amount: float) -> RGB:
    """`colour` moved `amount` of the way to black."""
    return mix(colour, (0, 0, 0), amount)


def contrast_ink(colour: RGB) -> RGB:
    """Dark ink on light colours, light ink on dark ones (labels, stitching, print)."""
    luma = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
    return (40, 38, 36) if luma > 150 else (236, 232, 224)


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font: present wherever Pillow is, unlike system fonts."""
    return ImageFont.load_default(size)


@dataclass(frozen=True, slots=True)
class Box:
    """Where an object is drawn; drawers place everything in fractions of it."""

    x: float
    y: float
    w: float
    h: float

    def p(self, fx: float, fy: float) -> Point:
        """The point at fractions (fx, fy) of the box."""
        return (self.x + fx * self.w, self.y + fy * self.h)

    def pts(self, *fractions: Point) -> list[Point]:
        """Points placed from (fx, fy) fractions of the box."""
        return [self.p(fx, fy) for fx, fy in fractions]

    def rect(self, fx0: float, fy0: float, fx1: float, fy1: float) -> tuple[float, ...]:
        """A rectangle (x0, y0, x1, y1) from fractions of the box."""
        return (*self.p(fx0, fy0), *self.p(fx1, fy1))

    def len(self, fraction: float) -> float:
        """A length as a fraction of the box's width (strokes, radii)."""
        return fraction * self.w

    def mirrored(self, left: Sequence[Point]) -> list[Point]:
        """A symmetric outline: the left half given top to bottom, the right half mirrored."""
        right = [(1 - fx, fy) for fx, fy in reversed(left)]
        return self.pts(*left, *right)


def arc(
    cx: float, cy: float, rx: float, ry: float, start: float, end: float, steps: int = 10
) -> list[Point]:
    """Fractions along an elliptical arc; angles in degrees, 0 to the right, clockwise."""
    out = []
    for i in range(steps + 1):
        angle = math.radians(start + (end - start) * i / steps)
        out.append((cx + rx * math.cos(angle), cy + ry * math.sin(angle)))
    return out


def curve(start: Point, control: Point, end: Point, steps: int = 10) -> list[Point]:
    """Fractions along a quadratic Bezier from `start` to `end`, pulled towards `control`."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        out.append(
            (a * start[0] + b * control[0] + c * end[0], a * start[1] + b * control[1] + c * end[1])
        )
    return out


@dataclass(frozen=True, slots=True)
class Look:
    """What a drawer needs to know about the listing: colours and words to print."""

    main: RGB
    accent: RGB
    multi: bool = False
    words: str = ""  # a brand or a title, where the object carries one
    variant: int = 0  # small deterministic differences between objects of one kind
