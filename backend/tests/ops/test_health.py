from httpx import AsyncClient


async def test_healthz_answers_while_the_process_is_alive(client: AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_reports_each_dependency_with_its_latency(client: AsyncClient) -> None:
    response = await client.get("/readyz")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "redis", "broker"}
    for check in body["checks"].values():
        assert check["ok"] is True
        assert check["latency_ms"] >= 0
        assert check["error"] is None


async def test_metrics_expose_request_latency_by_route_template(client: AsyncClient) -> None:
    await client.get("/api/v1/_probe/database")

    response = await client.get("/metrics")

    assert response.status_code == 200
    text = response.text
    assert (
        "reloop_http_request_duration_seconds_count"
        '{method="GET",route="/api/v1/_probe/database",status="200"} 1.0' in text
    )
    assert "reloop_http_requests_in_flight" in text
    assert 'reloop_db_pool_connections{state="checked_out"}' in text


async def test_openapi_documents_the_operations_endpoints(client: AsyncClient) -> None:
    response = await client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/readyz" in paths
    assert "503" in paths["/readyz"]["get"]["responses"]
