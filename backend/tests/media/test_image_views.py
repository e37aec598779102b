"""A ready image's client view is built once per URL window and shared; others are not."""

import uuid
from pathlib import Path

import orjson
import pytest

from reloop.kit.storage import LocalStorage
from reloop.media.repository import Cover
from reloop.media.service import image_json, image_out
from reloop.models.media import ImageStatus

SIZES = {"thumb": {"width": 320, "height": 240}, "medium": {"width": 800, "height": 600}}


def _cover(status: ImageStatus, image_id: uuid.UUID | None = None) -> Cover:
    ready = status is ImageStatus.ready
    return Cover(
        id=image_id or uuid.uuid4(),
        item_id=uuid.uuid4(),
        status=status,
        failure_reason=None,
        width=1600 if ready else None,
        height=1200 if ready else None,
        dominant_color="#aabbcc" if ready else None,
        placeholder="data:image/webp;base64,AAAA" if ready else None,
        variants_json=orjson.dumps(SIZES if ready else {}).decode(),
    )


def _at(monkeypatch: pytest.MonkeyPatch, now: float) -> None:
    monkeypatch.setattr("reloop.kit.storage.time.time", lambda: now)


def test_a_ready_image_is_rendered_once_and_shared(tmp_path: Path) -> None:
    storage, cover = LocalStorage(tmp_path, "secret"), _cover(ImageStatus.ready)
    first = image_out(cover, storage)
    assert image_out(cover, storage) is first
    assert set(first.variants) == {"thumb", "medium"}
    assert first.variants["thumb"].webp == storage.public_url(f"images/{cover.id}/thumb.webp")


def test_a_ready_covers_json_is_kept_once_and_is_what_its_view_renders(tmp_path: Path) -> None:
    storage, cover = LocalStorage(tmp_path, "secret"), _cover(ImageStatus.ready)

    first = image_json(cover, storage)

    assert image_json(cover, storage) is first
    assert len(storage._views._values) == 1  # the JSON only, not the view model beside it
    assert orjson.dumps(first) == image_out(cover, storage).model_dump_json().encode()


def test_an_image_still_processing_is_rendered_each_time(tmp_path: Path) -> None:
    storage, cover = LocalStorage(tmp_path, "secret"), _cover(ImageStatus.processing)
    first = image_out(cover, storage)
    assert image_out(cover, storage) is not first
    assert first.variants == {}


def test_the_view_of_a_processing_image_does_not_outlive_its_becoming_ready(
    tmp_path: Path,
) -> None:
    storage, image_id = LocalStorage(tmp_path, "secret"), uuid.uuid4()
    image_out(_cover(ImageStatus.processing, image_id), storage)
    ready = image_out(_cover(ImageStatus.ready, image_id), storage)
    assert ready.status is ImageStatus.ready
    assert set(ready.variants) == {"thumb", "medium"}


def test_a_new_url_window_renders_the_view_again_with_fresh_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage, cover = LocalStorage(tmp_path, "secret"), _cover(ImageStatus.ready)
    _at(monkeypatch, 1_000_000_000)
    first = image_out(cover, storage)
    _at(monkeypatch, 1_000_000_000 + 8 * 86400)
    later = image_out(cover, storage)
    assert later is not first
    assert later.variants["thumb"].jpeg != first.variants["thumb"].jpeg


def test_two_storages_never_share_a_view(tmp_path: Path) -> None:
    cover = _cover(ImageStatus.ready)
    here = image_out(cover, LocalStorage(tmp_path, "secret", base_url="https://a.example"))
    there = image_out(cover, LocalStorage(tmp_path, "secret", base_url="https://b.example"))
    assert here.variants["thumb"].webp.startswith("https://a.example/")
    assert there.variants["thumb"].webp.startswith("https://b.example/")
