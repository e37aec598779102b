"""Generated photos: every subject draws, at the sizes listing photos have."""

import io
from typing import cast

from PIL import Image

from reloop.demo.photos.avatars import avatar, initials
from reloop.demo.photos.canvas import Look, tone
from reloop.demo.photos.render import SUBJECTS, Shot, photo, shots


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_every_subject_draws_a_product_photo() -> None:
    look = Look(tone("navy"), tone("mustard"), words="Reloop", variant=1)
    for name in SUBJECTS:
        _assert_photo(photo(name, look, Shot.front, backdrop=1), name)


def test_close_ups_and_labels_are_photos_too() -> None:
    look = Look(tone("white"), tone("red"), variant=0)
    for name in ("tshirt", "trainer", "handbag", "camera", "book"):
        for shot in shots(name, 3)[1:]:
            _assert_photo(photo(name, look, shot, backdrop=0, label=("RELOOP", "M")), name)


def _assert_photo(data: bytes, name: str) -> None:
    image = _open(data)
    assert image.format == "JPEG"
    assert image.size in {(1200, 1200), (1200, 1500)}, name
    # Something was drawn: the photo is not one flat backdrop.
    darkest, lightest = cast(tuple[int, int], image.convert("L").getextrema())
    assert lightest - darkest > 60, name


def test_only_labelled_subjects_get_a_label_shot() -> None:
    assert shots("tshirt", 3) == [Shot.front, Shot.detail, Shot.label]
    assert shots("mug", 3) == [Shot.front, Shot.detail]
    assert shots("mug", 1) == [Shot.front]


def test_photos_are_the_same_for_the_same_listing() -> None:
    look = Look(tone("red"), tone("white"), variant=0)

    assert photo("trainer", look, Shot.front, 2) == photo("trainer", look, Shot.front, 2)


def test_avatars_are_square_monograms() -> None:
    assert initials("Chloé Martin") == "CM"
    assert initials("Mia (moderator)") == "M"
    assert _open(avatar("Chloé Martin", 2)).size == (800, 800)
