"""Every failure answers in the error envelope, with the request id, never a stack trace."""

from collections.abc import AsyncIterator

from httpx import AsyncClient


def assert_envelope(body: dict[str, object], code: str) -> dict[str, object]:
    error = body["error"]
    assert isinstance(error, dict)
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    assert isinstance(error["request_id"], str)
    assert error["request_id"]
    return error


async def test_unknown_route_answers_404_in_the_envelope(client: AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    error = assert_envelope(response.json(), "not_found")
    assert error["request_id"] == response.headers["x-request-id"]


async def test_wrong_method_answers_405_with_allow(client: AsyncClient) -> None:
    response = await client.delete("/healthz")

    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert_envelope(response.json(), "method_not_allowed")


async def test_malformed_json_answers_400(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/_probe/echo",
        content=b'{"name": "Ana", "count": ',
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 400
    assert_envelope(response.json(), "malformed_json")


async def test_a_body_that_is_not_json_answers_415(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/_probe/echo", content=b"name=Ana", headers={"content-type": "text/plain"}
    )

    assert response.status_code == 415
    assert_envelope(response.json(), "unsupported_media_type")


async def test_a_declared_oversized_body_answers_413_before_it_is_read(
    client: AsyncClient,
) -> None:
    response = await client.post(
        "/api/v1/_probe/echo",
        content=b"{" + b" " * 2_000_000 + b"}",
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 413
    assert_envelope(response.json(), "payload_too_large")


async def test_a_streamed_oversized_body_answers_413_when_it_crosses_the_limit(
    client: AsyncClient,
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield b" " * 65_536

    response = await client.post(
        "/api/v1/_probe/echo", content=chunks(), headers={"content-type": "application/json"}
    )

    assert response.status_code == 413
    assert_envelope(response.json(), "payload_too_large")


async def test_invalid_fields_answer_422_naming_each_field(client: AsyncClient) -> None:
    response = await client.post("/api/v1/_probe/echo", json={"name": "", "count": 99})

    assert response.status_code == 422
    error = assert_envelope(response.json(), "validation_failed")
    details = error["details"]
    assert isinstance(details, dict)
    assert {f["field"] for f in details["fields"]} == {"name", "count"}


async def test_unknown_fields_are_refused(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/_probe/echo", json={"name": "Ana", "count": 1, "admin": True}
    )

    assert response.status_code == 422


async def test_an_unhandled_exception_answers_500_without_internals(
    client: AsyncClient,
) -> None:
    response = await client.get("/api/v1/_probe/boom")

    assert response.status_code == 500
    error = assert_envelope(response.json(), "internal_error")
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert error["request_id"] == response.headers["x-request-id"]


async def test_a_well_formed_request_id_is_echoed(client: AsyncClient) -> None:
    response = await client.get("/healthz", headers={"x-request-id": "edge-abc123-xyz"})

    assert response.headers["x-request-id"] == "edge-abc123-xyz"


async def test_a_malformed_request_id_is_replaced(client: AsyncClient) -> None:
    response = await client.get("/healthz", headers={"x-request-id": "bad id\twith spaces"})

    assert response.headers["x-request-id"] != "bad id\twith spaces"
    assert len(response.headers["x-request-id"]) == 32
