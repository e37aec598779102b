"""Listing photos: which drawer draws each kind of object, and the three shots of it.

`front` shows the whole object centred on the backdrop, `detail` a close-up of the part a
buyer looks at (a collar, laces, a lens), `label` the sewn-in label or tag with the brand
and size. Everything is deterministic: the same listing always gets the same photos.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image

from reloop.demo.photos import (
    accessories,
    bags,
    devices,
    footwear,
    garments,
    interiors,
    kitchen,
    media,
    optics,
    sports,
    tops,
    toys,
)
from reloop.demo.photos.canvas import Box, Look, Point, contrast_ink, darker
from reloop.demo.photos.sketch import FABRIC, KNIT, Sketch, soften
from reloop.demo.photos.studio import PORTRAIT, SQUARE, jpeg, photograph

Drawer = Callable[[Sketch, Box, Look], None]
_ZOOM = 1.8  # how much closer the detail shot is than the front shot


class Shot(StrEnum):
    """The photos a listing can have, in the order a seller takes them."""

    front = "front"
    detail = "detail"
    label = "label"


@dataclass(frozen=True, slots=True)
class Subject:
    """How one kind of object is photographed."""

    draw: Drawer
    size: tuple[float, float]  # the object's width and height, as fractions of the photo
    standing: bool = True  # stands on the table (contact shadow) or lies flat
    portrait: bool = False  # 4:5 photo, as clothes are shot; otherwise square
    focus: Point = (0.5, 0.5)  # what the detail shot centres on, as fractions of the object
    tagged: bool = False  # carries a brand label worth its own close-up
    # The variants in which the accent colour is plain to see (a trainer's stripe, a
    # vase's band): then it is one of the listing's colours, not just a detail.
    accented: frozenset[int] = frozenset()


_BOTH = frozenset({0, 1})
_ODD = frozenset({1})


def _flat(
    draw: Drawer,
    w: float,
    h: float,
    focus: Point = (0.5, 0.3),
    accented: frozenset[int] = frozenset(),
) -> Subject:
    """Clothes: laid flat in a portrait photo, with a label inside."""
    return Subject(
        draw, (w, h), standing=False, portrait=True, focus=focus, tagged=True, accented=accented
    )


SUBJECTS: dict[str, Subject] = {
    "tshirt": _flat(tops.tshirt, 0.8, 0.62),
    "shirt": _flat(tops.shirt, 0.8, 0.66, (0.5, 0.12)),
    "jumper": _flat(tops.jumper, 0.8, 0.66, (0.5, 0.85)),
    "hoodie": _flat(tops.hoodie, 0.8, 0.66, (0.5, 0.7)),
    "jacket": _flat(garments.jacket, 0.8, 0.72, (0.5, 0.4)),
    "dress": _flat(garments.dress, 0.72, 0.82, accented=_ODD),
    "skirt": _flat(garments.skirt, 0.62, 0.55, (0.6, 0.1)),
    "trousers": _flat(garments.trousers, 0.56, 0.84, (0.3, 0.12)),
    "shorts": _flat(garments.shorts, 0.66, 0.5, (0.5, 0.2)),
    "bodysuit": _flat(tops.bodysuit, 0.6, 0.6, (0.5, 0.9)),
    "trainer": Subject(
        footwear.trainer, (0.8, 0.4), focus=(0.55, 0.3), tagged=True, accented=_BOTH
    ),
    "boot": Subject(footwear.boot, (0.7, 0.6), focus=(0.3, 0.4), tagged=True),
    "heel": Subject(footwear.heel, (0.75, 0.5), focus=(0.8, 0.8)),
    "flat": Subject(footwear.flat, (0.75, 0.32), focus=(0.62, 0.5), tagged=True),
    "sandal": Subject(footwear.sandal, (0.42, 0.78), standing=False, focus=(0.76, 0.5)),
    "handbag": Subject(bags.handbag, (0.66, 0.66), focus=(0.5, 0.68), tagged=True),
    "tote": Subject(bags.tote, (0.62, 0.72), focus=(0.5, 0.4), tagged=True),
    "backpack": Subject(bags.backpack, (0.56, 0.72), focus=(0.6, 0.66), tagged=True),
    "holdall": Subject(bags.holdall, (0.78, 0.5), focus=(0.3, 0.35)),
    "crossbody": Subject(bags.crossbody, (0.5, 0.66), focus=(0.5, 0.76)),
    "clutch": Subject(bags.clutch, (0.62, 0.4), standing=False, focus=(0.5, 0.66)),
    "wallet": Subject(bags.wallet, (0.5, 0.38), standing=False, focus=(0.5, 0.6)),
    "scarf": Subject(
        accessories.scarf, (0.6, 0.7), standing=False, focus=(0.5, 0.9), accented=_BOTH
    ),
    "beanie": Subject(accessories.beanie, (0.55, 0.6), standing=False, focus=(0.5, 0.8)),
    "cap": Subject(accessories.hat, (0.6, 0.46), focus=(0.4, 0.5)),
    "sunglasses": Subject(accessories.sunglasses, (0.72, 0.3), standing=False),
    "watch": Subject(accessories.watch, (0.36, 0.76), standing=False),
    "belt": Subject(accessories.belt, (0.8, 0.22), standing=False, focus=(0.1, 0.5)),
    "necklace": Subject(accessories.jewellery, (0.5, 0.6), standing=False, focus=(0.5, 0.86)),
    "mug": Subject(kitchen.mug, (0.5, 0.44), focus=(0.4, 0.2), accented=_ODD),
    "casserole": Subject(kitchen.casserole, (0.72, 0.5), focus=(0.5, 0.2)),
    "pan": Subject(kitchen.pan, (0.76, 0.4), focus=(0.35, 0.4)),
    "tableware": Subject(kitchen.tableware, (0.6, 0.5), focus=(0.5, 0.4), accented=_BOTH),
    "kettle": Subject(kitchen.kettle, (0.5, 0.56), focus=(0.3, 0.5)),
    "appliance": Subject(kitchen.appliance, (0.46, 0.64), focus=(0.5, 0.2)),
    "watering_can": Subject(kitchen.watering_can, (0.64, 0.56), focus=(0.9, 0.2)),
    "vase": Subject(interiors.vase, (0.4, 0.7), focus=(0.5, 0.3), accented=_ODD),
    "lamp": Subject(interiors.lamp, (0.46, 0.76), focus=(0.5, 0.7), accented=_BOTH),
    "chair": Subject(interiors.chair, (0.46, 0.78), focus=(0.5, 0.3)),
    "sofa": Subject(interiors.sofa, (0.78, 0.56), focus=(0.5, 0.6)),
    "table": Subject(interiors.table, (0.76, 0.56), focus=(0.2, 0.3)),
    "shelf": Subject(interiors.shelf, (0.5, 0.8), focus=(0.5, 0.4)),
    "frame": Subject(interiors.frame, (0.56, 0.72), standing=False, focus=(0.1, 0.1)),
    "cushion": Subject(interiors.cushion, (0.6, 0.6), standing=False, accented=_ODD),
    "rug": Subject(interiors.rug, (0.7, 0.6), standing=False, focus=(0.5, 0.9), accented=_BOTH),
    "linens": Subject(interiors.linens, (0.66, 0.5), focus=(0.5, 0.3), accented=_ODD),
    "candle": Subject(interiors.candle, (0.5, 0.5), focus=(0.4, 0.6)),
    "phone": Subject(devices.phone, (0.36, 0.74), standing=False, focus=(0.5, 0.2)),
    "tablet": Subject(devices.tablet, (0.56, 0.74), standing=False, focus=(0.5, 0.2)),
    "laptop": Subject(devices.laptop, (0.76, 0.56), focus=(0.5, 0.8)),
    "handheld": Subject(devices.handheld, (0.76, 0.36), standing=False, focus=(0.15, 0.5)),
    "controller": Subject(devices.controller, (0.6, 0.4), standing=False, focus=(0.75, 0.3)),
    "monitor": Subject(devices.monitor, (0.76, 0.56), focus=(0.5, 0.9)),
    "speaker": Subject(devices.speaker, (0.44, 0.64), focus=(0.5, 0.1)),
    "turntable": Subject(devices.turntable, (0.76, 0.5), focus=(0.75, 0.4)),
    "camera": Subject(optics.camera, (0.66, 0.44), focus=(0.56, 0.52)),
    "lens": Subject(optics.lens, (0.36, 0.5), focus=(0.5, 0.3)),
    "headphones": Subject(optics.headphones, (0.56, 0.6), standing=False, focus=(0.1, 0.7)),
    "book": Subject(media.book, (0.46, 0.68), focus=(0.5, 0.55)),
    "record": Subject(media.record, (0.7, 0.66), standing=False, focus=(0.65, 0.4)),
    "case": Subject(media.case, (0.46, 0.62), standing=False, focus=(0.5, 0.3)),
    "boxed_game": Subject(media.boxed_game, (0.72, 0.56), focus=(0.5, 0.2)),
    "cards": Subject(media.cards, (0.7, 0.6), standing=False, focus=(0.5, 0.3)),
    "football": Subject(sports.football, (0.5, 0.5), focus=(0.5, 0.4)),
    "racket": Subject(sports.racket, (0.4, 0.8), standing=False, focus=(0.5, 0.3)),
    "bike": Subject(sports.bike, (0.8, 0.56), focus=(0.35, 0.4)),
    "helmet": Subject(sports.helmet, (0.56, 0.4), focus=(0.4, 0.4)),
    "kettlebell": Subject(sports.kettlebell, (0.4, 0.5), focus=(0.5, 0.6)),
    "skis": Subject(sports.skis, (0.6, 0.86), focus=(0.5, 0.3)),
    "yoga_mat": Subject(sports.yoga_mat, (0.66, 0.36), focus=(0.2, 0.5)),
    "guitar": Subject(sports.guitar, (0.36, 0.86), focus=(0.5, 0.66)),
    "bricks": Subject(toys.bricks, (0.56, 0.56), focus=(0.5, 0.4)),
    "teddy": Subject(toys.teddy, (0.5, 0.66), focus=(0.5, 0.3)),
    "toy_car": Subject(toys.toy_car, (0.6, 0.36), focus=(0.3, 0.5)),
    "rings": Subject(toys.rings, (0.4, 0.6), focus=(0.5, 0.5)),
    "pushchair": Subject(toys.pushchair, (0.6, 0.7), focus=(0.3, 0.5)),
    "bottle": Subject(toys.bottle, (0.34, 0.6), focus=(0.5, 0.5)),
    "compact": Subject(toys.compact, (0.5, 0.6), standing=False, focus=(0.5, 0.75)),
    "hairdryer": Subject(toys.hairdryer, (0.56, 0.5), focus=(0.3, 0.3)),
}


def shots(subject: str, count: int) -> list[Shot]:
    """The first `count` shots that suit the subject (front first; a label if it has one)."""
    ordered = [Shot.front, Shot.detail]
    if SUBJECTS[subject].tagged:
        ordered.append(Shot.label)
    return ordered[: max(1, count)]


def photo(subject: str, look: Look, shot: Shot, backdrop: int, label: Sequence[str] = ()) -> bytes:
    """One listing photo as JPEG bytes: the subject drawn, lit and photographed."""
    spec = SUBJECTS[subject]
    size = PORTRAIT if spec.portrait else SQUARE
    if shot is Shot.label:
        return jpeg(_label(size, look, label))
    width, height = size[0] * spec.size[0], size[1] * spec.size[1]
    # Standing objects sit a little low, as on a table seen from slightly above.
    box = Box((size[0] - width) / 2, (size[1] - height) / 2 + size[1] * 0.04, width, height)
    if shot is Shot.detail:
        fx, fy = spec.focus
        box = Box(
            size[0] / 2 - fx * width * _ZOOM,
            size[1] / 2 - fy * height * _ZOOM,
            width * _ZOOM,
            height * _ZOOM,
        )
    sketch = Sketch(size)
    spec.draw(sketch, box, look)
    return jpeg(photograph(sketch, standing=spec.standing, backdrop_index=backdrop))


def _label(size: tuple[int, int], look: Look, lines: Sequence[str]) -> Image.Image:
    """A close-up of the fabric filling the frame, the woven label on it: brand, size."""
    sketch = Sketch(size)
    fabric = sketch.mask(lambda d: d.rectangle((0, 0, *size), fill=255))
    sketch.paint(fabric, look.main, KNIT if look.variant % 2 else FABRIC)
    w, h = size[0] * 0.5, size[1] * 0.34
    box = Box((size[0] - w) / 2, (size[1] - h) / 2, w, h)
    shadow = sketch.mask(lambda d: d.rectangle(box.rect(0.02, 0.06, 1.03, 1.08), fill=90))
    sketch.layer.paste((0, 0, 0, 255), (0, 0), soften(shadow, 14))
    ground = (246, 243, 235) if sum(look.main) < 540 else (40, 40, 44)
    sketch.rounded(box.rect(0.0, 0.0, 1.0, 1.0), box.len(0.02), ground, FABRIC)
    ink = contrast_ink(ground)
    for edge in (0.05, 0.95):
        sketch.stitches(box.pts((0.03, edge), (0.97, edge)), darker(ground, 0.3), 3, 12)
    for i, text in enumerate(lines[:3]):
        size_px = round(box.len(0.13 if i == 0 else 0.08))
        sketch.text(box.p(0.5, 0.3 + i * 0.22), text, size_px, ink, width=box.len(0.86))
    return sketch.layer.convert("RGB")
