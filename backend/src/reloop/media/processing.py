"""Turning an uploaded file into safe, fast images.

The real type comes from the bytes (never the declared content type); files larger than
the pixel budget are refused before they are decoded (decompression bombs); the EXIF
orientation is applied and then every piece of metadata — GPS above all — is dropped,
because variants are re-encoded from pixels only. Each variant exists as WebP and as a
JPEG fallback; a dominant colour and a tiny placeholder let clients paint the space the
image will take before it arrives.
"""

import base64
import io
import warnings
from dataclasses import dataclass, field

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

pillow_heif.register_heif_opener()

ACCEPTED_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "HEIF": "image/heic",
}
VARIANT_WIDTHS = {"thumb": 320, "medium": 960, "large": 1600}
_WEBP_QUALITY = 80
_JPEG_QUALITY = 82


class ImageRejected(Exception):
    """The file cannot become an image; the message is shown to the member."""


@dataclass
class ProcessedImage:
    width: int
    height: int
    dominant_color: str
    placeholder: str
    # variant name -> extension -> encoded bytes
    files: dict[str, dict[str, bytes]] = field(default_factory=dict)
    # variant name -> {"width", "height"}
    sizes: dict[str, dict[str, int]] = field(default_factory=dict)


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # The pixel budget is enforced just below, with a message for the member.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as exc:
        raise ImageRejected(
            "This file is not an image we can read (JPEG, PNG, WebP or HEIC)."
        ) from exc
    except Image.DecompressionBombError as exc:
        raise ImageRejected("This image has too many pixels.") from exc
    if image.format not in ACCEPTED_FORMATS:
        raise ImageRejected("Upload a JPEG, PNG, WebP or HEIC photo.")
    width, height = image.size
    if width * height > max_pixels:
        megapixels = max_pixels // 1_000_000
        raise ImageRejected(
            f"This image has too many pixels ({width}x{height}); the limit is {megapixels} MP."
        )
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected("This image is damaged or incomplete.") from exc
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels only: transparency over white, palettes and CMYK converted."""
    if image.mode in {"RGBA", "LA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _dominant_color(image: Image.Image) -> str:
    small = image.resize((64, 64), Image.Resampling.BILINEAR)
    palette = small.quantize(colors=5, method=Image.Quantize.MEDIANCUT)
    counts: list[tuple[int, int]] = sorted(palette.getcolors() or [], reverse=True)  # type: ignore[arg-type]
    colours: list[int] = list(palette.getpalette() or [0, 0, 0])
    index = counts[0][1] if counts else 0
    r, g, b = colours[index * 3 : index * 3 + 3]
    return f"#{r:02x}{g:02x}{b:02x}"


def _placeholder(image: Image.Image) -> str:
    tiny = image.copy()
    tiny.thumbnail((16, 16), Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    tiny.save(buffer, "WEBP", quality=40)
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=_WEBP_QUALITY, method=4)
    else:
        image.save(buffer, "JPEG", quality=_JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def process_image(data: bytes, *, max_pixels: int) -> ProcessedImage:
    """Validate, orient, strip and resize `data`; `ImageRejected` with a reason if it can't."""
    Image.MAX_IMAGE_PIXELS = max_pixels
    with _open(data, max_pixels) as opened:
        oriented = ImageOps.exif_transpose(opened)
        pixels = _flatten(oriented)
    width, height = pixels.size
    result = ProcessedImage(
        width=width,
        height=height,
        dominant_color=_dominant_color(pixels),
        placeholder=_placeholder(pixels),
    )
    for name, target_width in VARIANT_WIDTHS.items():
        variant = pixels
        if width > target_width:
            variant = pixels.resize(
                (target_width, max(round(height * target_width / width), 1)),
                Image.Resampling.LANCZOS,
            )
        result.files[name] = {"webp": _encode(variant, "webp"), "jpg": _encode(variant, "jpeg")}
        result.sizes[name] = {"width": variant.width, "height": variant.height}
    return result
