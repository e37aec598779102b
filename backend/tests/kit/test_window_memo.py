"""Signed download URLs are signed once per window and never outlive it."""

import pytest

from reloop.kit.storage import WindowMemo

WINDOW = 100


class Signer:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def __call__(self, key: str, window: int) -> str:
        self.calls.append((key, window))
        return f"/media/{key}?w={window}"


def _at(monkeypatch: pytest.MonkeyPatch, now: float) -> None:
    monkeypatch.setattr("reloop.kit.storage.time.time", lambda: now)


def test_a_url_is_signed_once_within_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    memo, sign = WindowMemo[str, str](WINDOW), Signer()
    _at(monkeypatch, 1_000)
    first = memo.get("a.webp", sign)
    _at(monkeypatch, 1_099)
    assert memo.get("a.webp", sign) == first
    assert sign.calls == [("a.webp", 10)]


def test_a_new_window_signs_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    memo, sign = WindowMemo[str, str](WINDOW), Signer()
    _at(monkeypatch, 1_099)
    memo.get("a.webp", sign)
    _at(monkeypatch, 1_100)
    assert memo.get("a.webp", sign) == "/media/a.webp?w=11"


def test_a_full_memo_starts_over_rather_than_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    memo, sign = WindowMemo[str, str](WINDOW, limit=2), Signer()
    _at(monkeypatch, 1_000)
    for key in ("a", "b", "c", "a"):
        memo.get(key, sign)
    assert [key for key, _ in sign.calls] == ["a", "b", "c", "a"]
