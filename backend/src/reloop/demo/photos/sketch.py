"""Painting with light: `Sketch` fills each shape lit from the top left, in plain Pillow.

A fill is the colour moved towards lighter or darker by a light map (a gradient, a
cylinder's band, a sphere's highlight) with a darker rim, which reads as volume. Blurs
run on quarter-size copies and marks on small strips, so a photo draws in about 0.1 s.
No numpy: the demo needs nothing the app does not already install.
"""

import itertools
import math
import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from reloop.demo.photos.canvas import RGB, Point, darker, font, lighter


class Light(Enum):
    """How a surface catches the light from the top left."""

    soft = "soft"  # fabric, paper, matt plastic: gentle diagonal falloff
    cylinder = "cylinder"  # mugs, vases, bottles, rolled things: bright band off centre
    sphere = "sphere"  # balls, round lids: a highlight in the upper left
    gloss = "gloss"  # screens, lacquer, metal: stronger contrast


@dataclass(frozen=True, slots=True)
class Finish:
    """A surface: its light, how strongly it is lit, how dark its rim, how grainy."""

    light: Light = Light.soft
    strength: float = 0.22
    edge: float = 0.35
    grain: float = 0.0


MATT = Finish()
FABRIC = Finish(grain=0.3)
KNIT = Finish(grain=0.6, edge=0.45)
FLAT = Finish(strength=0.06, edge=0.08)
GLOSS = Finish(Light.gloss, strength=0.3, edge=0.2)
ROUND = Finish(Light.cylinder, strength=0.3, edge=0.15)
BALL = Finish(Light.sphere, strength=0.4, edge=0.3)


@lru_cache(maxsize=8)
def _light_map(light: Light) -> Image.Image:
    """A 256x256 luminance map, 128 meaning the colour as is; resized to each shape."""
    image = Image.new("L", (256, 256))
    pixels = []
    for y in range(256):
        for x in range(256):
            u, v = x / 255, y / 255
            if light is Light.cylinder:
                value = 150 - 300 * (u - 0.32) ** 2 - 12 * v
            elif light is Light.sphere:
                value = 190 - 220 * math.hypot(u - 0.35, v - 0.32)
            elif light is Light.gloss:
                value = 175 - 110 * (0.6 * u + 0.4 * v)
            else:
                value = 172 - 84 * (0.55 * u + 0.45 * v)
            pixels.append(max(0, min(255, round(value))))
    image.putdata(pixels)
    return image


def soften(mask: Image.Image, radius: float) -> Image.Image:
    """A Gaussian blur done at a quarter of the size: the same soft result, far faster."""
    if radius < 6 or min(mask.size) < 16:
        return mask.filter(ImageFilter.GaussianBlur(radius))
    small = mask.resize((max(1, mask.width // 4), max(1, mask.height // 4)), Image.Resampling.BOX)
    blurred = small.filter(ImageFilter.GaussianBlur(radius / 4))
    return blurred.resize(mask.size, Image.Resampling.BILINEAR)


def _rim(crop: Image.Image, amount: float) -> Image.Image:
    """How much to darken each pixel of a shape: most at its outline, none inside."""
    inner = ImageChops.subtract(crop, soften(crop, max(4.0, min(crop.size) * 0.06)))
    return inner.point(lambda v: min(255, round(v * 2 * amount)))


@lru_cache(maxsize=1)
def _noise_tile() -> Image.Image:
    """Grain around 128, from a fixed seed so the same listing always gets the same photo."""
    rng = random.Random(7)  # noqa: S311 (photo grain, not secrets)
    tile = Image.new("L", (256, 256))
    tile.putdata([max(0, min(255, round(rng.gauss(128, 40)))) for _ in range(256 * 256)])
    return tile


def _grain(size: tuple[int, int], amount: float) -> Image.Image:
    tile = _noise_tile().point(lambda v: round(128 + (v - 128) * amount))
    grain = Image.new("L", size)
    for x in range(0, size[0], 256):
        for y in range(0, size[1], 256):
            grain.paste(tile, (x, y))
    return grain


_INK = (0, 0, 0, 255)
_LIGHT = (255, 255, 255, 255)


@dataclass
class Sketch:
    """An object being drawn on a transparent layer, shape by shape."""

    size: tuple[int, int]
    layer: Image.Image = field(init=False)

    def __post_init__(self) -> None:
        self.layer = Image.new("RGBA", self.size, (0, 0, 0, 0))

    def mask(self, draw: Callable[[ImageDraw.ImageDraw], None]) -> Image.Image:
        """A shape drawn in white on black, slightly softened so its edges are smooth."""
        mask = Image.new("L", self.size, 0)
        draw(ImageDraw.Draw(mask))
        bbox = mask.getbbox()
        if bbox is not None:
            # Blurring only around the shape: most shapes are small next to the photo.
            x0, y0, x1, y1 = bbox
            area = (
                max(0, x0 - 3),
                max(0, y0 - 3),
                min(self.size[0], x1 + 3),
                min(self.size[1], y1 + 3),
            )
            mask.paste(mask.crop(area).filter(ImageFilter.GaussianBlur(0.8)), area[:2])
        return mask

    def polygon(
        self,
        points: Sequence[Point],
        colour: RGB,
        finish: Finish = MATT,
        clip: Image.Image | None = None,
    ) -> Image.Image:
        """A filled outline; with `clip`, only the part inside it (a panel on a shoe)."""
        return self._fill(lambda d: d.polygon(list(points), fill=255), colour, finish, clip)

    def ellipse(
        self,
        rect: Sequence[float],
        colour: RGB,
        finish: Finish = MATT,
        clip: Image.Image | None = None,
    ) -> Image.Image:
        """A filled ellipse in the bounding `rect`."""
        return self._fill(lambda d: d.ellipse(tuple(rect), fill=255), colour, finish, clip)

    def rounded(
        self,
        rect: Sequence[float],
        radius: float,
        colour: RGB,
        finish: Finish = MATT,
        clip: Image.Image | None = None,
    ) -> Image.Image:
        """A filled rectangle with rounded corners."""
        return self._fill(
            lambda d: d.rounded_rectangle(tuple(rect), radius=radius, fill=255),
            colour,
            finish,
            clip,
        )

    def _fill(
        self,
        draw: Callable[[ImageDraw.ImageDraw], None],
        colour: RGB,
        finish: Finish,
        clip: Image.Image | None,
    ) -> Image.Image:
        mask = self.mask(draw)
        if clip is not None:
            mask = ImageChops.multiply(mask, clip)
        self.paint(mask, colour, finish)
        return mask

    def paint(self, mask: Image.Image, colour: RGB, finish: Finish = MATT) -> None:
        """Fill `mask` with `colour`, lit: the gradient of its light, a darker rim, grain."""
        bbox = mask.getbbox()
        if bbox is None:
            return
        crop = mask.crop(bbox)
        size = crop.size
        lum = _light_map(finish.light).resize(size, Image.Resampling.BILINEAR)
        if finish.grain:
            lum = ImageChops.add(lum, _grain(size, finish.grain), offset=-128)
        # Above 128 the surface is lit towards `bright`, below it falls towards `dim`, so a
        # white shirt stays white where the light is neutral.
        base = Image.new("RGB", size, colour)
        bright = Image.new("RGB", size, lighter(colour, finish.strength))
        dim = Image.new("RGB", size, darker(colour, finish.strength * 1.3))
        filled = Image.composite(bright, base, lum.point(lambda v: max(0, v - 128) * 2))
        filled = Image.composite(dim, filled, lum.point(lambda v: max(0, 128 - v) * 2))
        if finish.edge:
            shadow = Image.new("RGB", size, darker(colour, 0.45))
            filled = Image.composite(shadow, filled, _rim(crop, finish.edge))
        self.layer.paste(filled, bbox[:2], crop)

    def pattern(
        self,
        clip: Image.Image,
        colour: RGB,
        draw: Callable[[ImageDraw.ImageDraw], None],
        finish: Finish = FLAT,
    ) -> None:
        """Marks drawn by `draw` (dots, ribs, a grille), kept inside `clip`, in `colour`."""
        self.paint(ImageChops.multiply(self.mask(draw), clip), colour, finish)

    def stripes(self, mask: Image.Image, bands: Sequence[RGB], width: float) -> None:
        """Horizontal bands clipped to `mask`, shaded like fabric (multicolour items)."""
        bbox = mask.getbbox()
        if bbox is None:
            return
        y, index = float(bbox[1]), 0
        while y < bbox[3]:
            band = Image.new("L", self.size, 0)
            ImageDraw.Draw(band).rectangle((bbox[0], y, bbox[2], y + width), fill=255)
            self.paint(ImageChops.multiply(band, mask), bands[index % len(bands)], FLAT)
            y, index = y + width, index + 1
        crop = mask.crop(bbox)
        self.layer.paste(_INK, bbox[:2], _rim(crop, 0.25))

    def line(self, points: Sequence[Point], colour: RGB, width: float) -> None:
        """A solid stroke (straps, handles, strings), slightly softened."""
        overlay, origin = self._overlay(points, width)
        shifted = [(x - origin[0], y - origin[1]) for x, y in points]
        ImageDraw.Draw(overlay).line(
            shifted, fill=(*colour, 255), width=round(width), joint="curve"
        )
        self._blend(overlay, origin)

    def stitches(
        self, points: Sequence[Point], colour: RGB, width: float = 3, dash: float = 14
    ) -> None:
        """A dashed seam along a polyline."""
        overlay, (ox, oy) = self._overlay(points, width)
        draw = ImageDraw.Draw(overlay)
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            steps = max(1, int(math.hypot(x1 - x0, y1 - y0) // dash))
            for i in range(0, steps, 2):
                a, b = i / steps, min(1.0, (i + 1) / steps)
                segment = [
                    (x0 + (x1 - x0) * a - ox, y0 + (y1 - y0) * a - oy),
                    (x0 + (x1 - x0) * b - ox, y0 + (y1 - y0) * b - oy),
                ]
                draw.line(segment, fill=(*colour, 210), width=round(width))
        self._blend(overlay, (ox, oy))

    def fold(self, points: Sequence[Point], clip: Image.Image, width: float, depth: float) -> None:
        """A soft crease kept inside `clip` (the garment): a shadow with a lit ridge beside it."""
        for shift, ink, amount in ((0.0, _INK, depth), (width * 0.7, _LIGHT, depth / 2)):
            moved = [(x + shift, y - shift / 2) for x, y in points]
            stroke, origin = self._strip(moved, width * 2)
            shifted = [(x - origin[0], y - origin[1]) for x, y in moved]
            ImageDraw.Draw(stroke).line(shifted, fill=round(255 * amount), width=round(width / 2))
            area = (*origin, origin[0] + stroke.width, origin[1] + stroke.height)
            stroke = ImageChops.multiply(soften(stroke, width * 0.6), clip.crop(area))
            self.layer.paste(ink, area, stroke)

    def glint(self, rect: Sequence[float], amount: float = 0.5, blur: float = 10) -> None:
        """A soft white highlight (gloss, metal, glass), only where something is drawn."""
        x0, y0, x1, y1 = rect
        spot, origin = self._strip([(x0, y0), (x1, y1)], blur * 3)
        ox, oy = origin
        ImageDraw.Draw(spot).ellipse((x0 - ox, y0 - oy, x1 - ox, y1 - oy), fill=round(255 * amount))
        area = (ox, oy, ox + spot.width, oy + spot.height)
        spot = ImageChops.multiply(soften(spot, blur), self.layer.getchannel("A").crop(area))
        self.layer.paste(_LIGHT, area, spot)

    def text(
        self, centre: Point, words: str, size: int, colour: RGB, *, width: float | None = None
    ) -> None:
        """Centred text, shrunk until it fits `width`."""
        # Pillow's bundled font has no accented letters: print them as their base letter.
        words = "".join(
            c for c in unicodedata.normalize("NFKD", words) if not unicodedata.combining(c)
        )
        face = font(size)
        while width is not None and size > 10 and face.getlength(words) > width:
            size -= 2
            face = font(size)
        ImageDraw.Draw(self.layer).text(centre, words, font=face, fill=(*colour, 255), anchor="mm")

    def _strip(self, points: Sequence[Point], pad: float) -> tuple[Image.Image, tuple[int, int]]:
        """A blank mask just big enough for marks around `points`, and where it goes."""
        x0 = max(0, int(min(x for x, _ in points) - pad))
        y0 = max(0, int(min(y for _, y in points) - pad))
        x1 = min(self.size[0], int(max(x for x, _ in points) + pad) + 1)
        y1 = min(self.size[1], int(max(y for _, y in points) + pad) + 1)
        return Image.new("L", (max(1, x1 - x0), max(1, y1 - y0)), 0), (x0, y0)

    def _overlay(
        self, points: Sequence[Point], width: float
    ) -> tuple[Image.Image, tuple[int, int]]:
        """A transparent layer just big enough for a stroke, and where it goes."""
        strip, origin = self._strip(points, width + 4)
        return Image.new("RGBA", strip.size, (0, 0, 0, 0)), origin

    def _blend(self, overlay: Image.Image, origin: tuple[int, int]) -> None:
        self.layer.alpha_composite(overlay.filter(ImageFilter.GaussianBlur(0.6)), origin)
