"""Rate limits through the real app and a real Redis."""

from httpx import AsyncClient


async def test_requests_within_the_limit_carry_ratelimit_headers(client: AsyncClient) -> None:
    response = await client.get("/api/v1/_probe/limited")

    assert response.status_code == 200
    assert response.headers["ratelimit-limit"] == "3"
    assert response.headers["ratelimit-remaining"] == "2"
    assert 0 < int(response.headers["ratelimit-reset"]) <= 60


async def test_going_over_the_limit_answers_429_with_retry_after(client: AsyncClient) -> None:
    for _ in range(3):
        assert (await client.get("/api/v1/_probe/limited")).status_code == 200

    response = await client.get("/api/v1/_probe/limited")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 0 < int(response.headers["retry-after"]) <= 60
    assert response.headers["ratelimit-remaining"] == "0"
