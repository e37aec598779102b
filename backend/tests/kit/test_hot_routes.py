"""`HotRoute`: which requests a hot route takes, and which it leaves to FastAPI's router."""

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request
from starlette.responses import Response

from reloop.kit.errors import AppError, NotFound
from reloop.kit.hot_routes import (
    HotRoute,
    _handler_for,
    canonical_uuid,
    text_up_to,
    whole_number,
)


async def _endpoint(*_: object, **__: object) -> Response:
    raise AssertionError("not called in these tests")


ITEM = HotRoute("/items/{item_id}", _endpoint, path_params={"item_id": canonical_uuid})
PAGE = HotRoute(
    "/feed", _endpoint, query_params={"limit": whole_number(1, 100), "cursor": text_up_to(8)}
)
ITEM_ID = uuid.UUID("01a25003-4f7b-73ba-bb91-447867f08371")


def test_a_hyphenated_id_is_read_into_the_endpoints_argument() -> None:
    assert ITEM.arguments(f"/items/{ITEM_ID}", b"") == {"item_id": ITEM_ID}


def test_an_upper_case_id_is_the_same_id() -> None:
    assert ITEM.arguments(f"/items/{str(ITEM_ID).upper()}", b"") == {"item_id": ITEM_ID}


@pytest.mark.parametrize(
    "text",
    [ITEM_ID.hex, f"{{{ITEM_ID}}}", f"urn:uuid:{ITEM_ID}", "not-an-id", f"{ITEM_ID}/comments"],
)
def test_any_other_form_of_id_is_left_to_the_router(text: str) -> None:
    assert ITEM.arguments(f"/items/{text}", b"") is None


def test_another_path_is_not_the_routes() -> None:
    assert ITEM.arguments("/items", b"") is None
    assert PAGE.arguments("/feed/popular", b"") is None


def test_query_values_are_read_and_missing_ones_left_to_the_endpoints_defaults() -> None:
    assert PAGE.arguments("/feed", b"") == {}
    assert PAGE.arguments("/feed", b"limit=24&cursor=abc") == {"limit": 24, "cursor": "abc"}
    assert PAGE.arguments("/feed", b"cursor=a%2Bb") == {"cursor": "a+b"}


def test_parameters_the_route_does_not_know_are_ignored_as_fastapi_ignores_them() -> None:
    assert PAGE.arguments("/feed", b"utm_source=mail&limit=5") == {"limit": 5}


@pytest.mark.parametrize(
    "query",
    [
        b"limit=abc",
        b"limit=0",
        b"limit=101",
        b"limit=024",
        b"limit=+5",
        b"limit=%205",
        b"limit=",
        b"cursor=",
        b"cursor=123456789",
        b"limit=5&limit=6",
    ],
)
def test_a_query_that_is_not_plainly_valid_is_left_to_the_router(query: bytes) -> None:
    assert PAGE.arguments("/feed", query) is None


@given(st.integers(min_value=-1000, max_value=1000))
def test_a_page_size_is_taken_exactly_when_it_is_in_range(size: int) -> None:
    taken = PAGE.arguments("/feed", f"limit={size}".encode())

    assert taken == ({"limit": size} if 1 <= size <= 100 else None)


def test_a_route_needs_a_reader_for_each_path_parameter() -> None:
    with pytest.raises(ValueError, match="reader"):
        HotRoute("/items/{item_id}", _endpoint)


def test_a_route_under_a_prefix_matches_the_prefixed_path() -> None:
    prefixed = ITEM.under("/api/v1")

    assert prefixed.path == "/api/v1/items/{item_id}"
    assert prefixed.arguments(f"/api/v1/items/{ITEM_ID}", b"") == {"item_id": ITEM_ID}
    assert prefixed.arguments(f"/items/{ITEM_ID}", b"") is None


async def _handler(_request: Request, _error: Exception) -> Response:
    raise AssertionError("not called")


def test_an_error_finds_the_handler_of_its_nearest_class() -> None:
    handlers = {AppError: _handler}

    assert _handler_for(handlers, NotFound()) is _handler
    assert _handler_for(handlers, RuntimeError()) is None


def test_a_handler_for_every_exception_is_left_to_the_outer_error_middleware() -> None:
    assert _handler_for({Exception: _handler}, RuntimeError()) is None
