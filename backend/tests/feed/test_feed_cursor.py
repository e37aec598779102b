"""Feed cursors: whatever a client sends, the answer is a page or a clear 400."""

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reloop.feed.service import decode_position
from reloop.kit.cursor import CursorCodec
from reloop.kit.errors import InvalidCursor

CODEC = CursorCodec("secret", "home-feed:someone")

values = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.uuids(),
    st.datetimes(timezones=st.just(UTC)),
)


@given(st.lists(values, min_size=3, max_size=3))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_any_signed_three_part_cursor_decodes_or_is_refused(parts: list[object]) -> None:
    token = CODEC.encode(parts)  # type: ignore[arg-type]
    try:
        position = decode_position(CODEC, token)
    except InvalidCursor:
        return
    assert position.phase in {"following", "popular"}


@given(st.text(max_size=600))
def test_arbitrary_text_is_refused_as_a_cursor(token: str) -> None:
    with pytest.raises(InvalidCursor):
        decode_position(CODEC, token)


def test_a_following_cursor_resumes_after_its_row() -> None:
    moment = datetime(2026, 11, 24, tzinfo=UTC)
    row = uuid.uuid4()
    position = decode_position(CODEC, CODEC.encode(["following", moment, row]))
    assert position.following_after == (moment, row)


def test_a_popular_cursor_keeps_the_exact_score() -> None:
    score = 0.1 + 0.2
    row = uuid.uuid4()
    position = decode_position(CODEC, CODEC.encode(["popular", repr(score), row]))
    assert position.popular_after == (score, row)
