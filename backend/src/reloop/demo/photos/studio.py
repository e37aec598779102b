"""The studio: a soft backdrop, the shadow an object casts, and the JPEG a phone would send."""

import io

from PIL import Image, ImageDraw

from reloop.demo.photos.canvas import RGB, mix
from reloop.demo.photos.sketch import Sketch, soften

SQUARE = (1200, 1200)
PORTRAIT = (1200, 1500)

BACKDROPS: tuple[tuple[RGB, RGB], ...] = (
    ((242, 240, 236), (218, 214, 207)),  # warm paper
    ((238, 240, 242), (210, 214, 219)),  # cool grey
    ((244, 238, 230), (222, 210, 196)),  # linen
    ((236, 239, 234), (208, 214, 205)),  # pale sage
)


def backdrop(size: tuple[int, int], index: int) -> Image.Image:
    """A studio sweep: a gentle vertical gradient from light to a little darker."""
    top, bottom = BACKDROPS[index % len(BACKDROPS)]
    column = Image.new("RGB", (1, 256))
    column.putdata([mix(top, bottom, (y / 255) ** 1.6) for y in range(256)])
    return column.resize(size, Image.Resampling.BILINEAR)


def photograph(sketch: Sketch, *, standing: bool, backdrop_index: int) -> Image.Image:
    """The sketch on a backdrop, with the shadow it would cast on the studio table."""
    photo = backdrop(sketch.size, backdrop_index)
    alpha = sketch.layer.getchannel("A")
    bbox = alpha.getbbox()
    shadow = Image.new("L", sketch.size, 0)
    if bbox is not None:
        x0, _, x1, y1 = bbox
        if standing:
            # Resting on the table: a dark contact shadow and a faint spread around it.
            contact = (x0 + (x1 - x0) * 0.04, y1 - 18, x1 - (x1 - x0) * 0.04, y1 + 16)
            ImageDraw.Draw(shadow).ellipse(contact, fill=150)
            shadow = soften(shadow, 14)
        else:
            # Laid flat and lit from above: the silhouette falls slightly down and right.
            shadow.paste(soften(alpha.point(lambda v: round(v * 0.32)), 16), (6, 16))
    photo.paste((60, 52, 44), (0, 0), shadow)
    # The backdrop is opaque, so pasting through the layer's alpha composites it.
    photo.paste(sketch.layer, (0, 0), alpha)
    return photo


def jpeg(photo: Image.Image) -> bytes:
    """Encoded as a phone would upload it: a good-quality JPEG."""
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
