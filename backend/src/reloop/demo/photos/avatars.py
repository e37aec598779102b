"""Member avatars: the initials on a soft two-tone ground, like a tidy monogram badge."""

from reloop.demo.photos.canvas import RGB, lighter, mix
from reloop.demo.photos.sketch import FLAT, Sketch
from reloop.demo.photos.studio import jpeg

_SIZE = (800, 800)
_GROUNDS: tuple[tuple[RGB, RGB], ...] = (
    ((226, 122, 92), (186, 78, 64)),  # terracotta
    ((92, 142, 126), (56, 104, 92)),  # sage
    ((96, 124, 186), (60, 84, 148)),  # cornflower
    ((214, 168, 72), (176, 126, 44)),  # ochre
    ((150, 108, 170), (110, 72, 134)),  # plum
    ((88, 150, 176), (52, 110, 140)),  # teal
)


def initials(display_name: str) -> str:
    """`Chloé Martin` -> `CM`; staff suffixes in brackets are left out."""
    words = [w for w in display_name.split("(", maxsplit=1)[0].split() if w[:1].isalpha()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def avatar(display_name: str, index: int) -> bytes:
    """A square JPEG avatar for `display_name`; `index` picks its colours."""
    light, deep = _GROUNDS[index % len(_GROUNDS)]
    sketch = Sketch(_SIZE)
    w, h = _SIZE
    sketch.rounded((0, 0, w, h), 0, light, FLAT)
    sketch.ellipse((w * 0.3, h * 0.38, w * 1.4, h * 1.48), mix(light, deep, 0.6), FLAT)
    sketch.ellipse((-w * 0.4, -h * 0.5, w * 0.5, h * 0.4), lighter(light, 0.12), FLAT)
    sketch.text((w / 2, h / 2), initials(display_name), round(h * 0.32), (252, 250, 246))
    return jpeg(sketch.layer.convert("RGB"))
