"""Real image bytes for tests: photos with EXIF orientation and GPS, PNGs, HEIC, bombs."""

import io

import pillow_heif
from PIL import Image

pillow_heif.register_heif_opener()

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def jpeg(
    width: int = 400,
    height: int = 300,
    *,
    color: tuple[int, int, int] = (200, 40, 40),
    orientation: int | None = None,
    gps: bool = False,
) -> bytes:
    """A JPEG, optionally with an EXIF orientation and a GPS position (Amsterdam)."""
    exif = Image.Exif()
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (52.0, 22.0, 1.0), 3: "E", 4: (4.0, 53.0, 2.0)}
    image = Image.new("RGB", (width, height), color)
    # A different corner so orientation mistakes are visible in the pixels.
    image.paste((20, 20, 220), (0, 0, width // 4, height // 4))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def png_with_alpha(width: int = 200, height: int = 200) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 128, 0, 0))
    image.paste((0, 128, 0, 255), (50, 50, 150, 150))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def heic(width: int = 320, height: int = 240) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (240, 200, 40)).save(buffer, "HEIF", quality=70)
    return buffer.getvalue()


def bomb_png(side: int = 10_000) -> bytes:
    """A tiny file (1-bit, one colour) that decodes to `side`² pixels."""
    buffer = io.BytesIO()
    Image.new("1", (side, side), 0).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    data = jpeg(800, 600)
    return data[: len(data) // 3]
