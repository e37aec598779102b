"""The image pipeline on real bytes: types sniffed, bombs refused, metadata gone."""

import io

import pytest
from PIL import Image

from reloop.media.processing import ImageRejected, process_image
from tests.factories import images

MAX = 50_000_000


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_variants_are_resized_to_their_widths_without_upscaling() -> None:
    result = process_image(images.jpeg(4000, 3000), max_pixels=MAX)

    assert result.sizes == {
        "thumb": {"width": 320, "height": 240},
        "medium": {"width": 960, "height": 720},
        "large": {"width": 1600, "height": 1200},
    }
    small = process_image(images.jpeg(200, 100), max_pixels=MAX)
    assert {v["width"] for v in small.sizes.values()} == {200}


def test_each_variant_exists_as_webp_and_jpeg() -> None:
    result = process_image(images.jpeg(), max_pixels=MAX)

    for files in result.files.values():
        assert _open(files["webp"]).format == "WEBP"
        assert _open(files["jpg"]).format == "JPEG"


def test_exif_orientation_is_applied() -> None:
    result = process_image(images.jpeg(400, 300, orientation=6), max_pixels=MAX)

    assert (result.width, result.height) == (300, 400)


def test_gps_and_all_other_metadata_are_gone_from_every_variant() -> None:
    result = process_image(images.jpeg(gps=True, orientation=1), max_pixels=MAX)

    for files in result.files.values():
        for data in files.values():
            decoded = _open(data)
            assert len(decoded.getexif()) == 0
            assert decoded.getexif().get_ifd(0x8825) == {}
            assert b"Exif" not in data


def test_dominant_colour_and_placeholder_are_recorded() -> None:
    result = process_image(images.jpeg(color=(200, 40, 40)), max_pixels=MAX)

    red, green, blue = (int(result.dominant_color[i : i + 2], 16) for i in (1, 3, 5))
    assert red > 150
    assert green < 90
    assert blue < 90
    assert result.placeholder.startswith("data:image/webp;base64,")
    assert len(result.placeholder) < 2000


def test_transparent_pngs_are_flattened_onto_white() -> None:
    result = process_image(images.png_with_alpha(), max_pixels=MAX)

    corner = _open(result.files["thumb"]["jpg"]).convert("RGB").getpixel((2, 2))
    assert corner == pytest.approx((255, 255, 255), abs=3)


def test_heic_photos_from_phones_are_accepted() -> None:
    result = process_image(images.heic(), max_pixels=MAX)

    assert (result.width, result.height) == (320, 240)


def test_a_file_that_is_not_an_image_is_refused() -> None:
    with pytest.raises(ImageRejected, match="not an image"):
        process_image(b"%PDF-1.7 definitely not a photo", max_pixels=MAX)


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = images.bomb_png(10_000)

    assert len(bomb) < 100_000
    with pytest.raises(ImageRejected, match="too many pixels"):
        process_image(bomb, max_pixels=MAX)


def test_a_damaged_image_is_refused() -> None:
    with pytest.raises(ImageRejected, match="damaged"):
        process_image(images.truncated_jpeg(), max_pixels=MAX)


def test_formats_other_than_photos_are_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")

    with pytest.raises(ImageRejected, match="JPEG, PNG, WebP or HEIC"):
        process_image(buffer.getvalue(), max_pixels=MAX)
