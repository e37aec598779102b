"""Across the broker: a request queues an email and a real Celery worker delivers it."""

import subprocess

from httpx import AsyncClient

from tests.fixtures.environment import ServiceEnvironment


async def test_a_real_worker_delivers_the_email_a_request_queued(
    client: AsyncClient,
    celery_worker: subprocess.Popen[bytes],
    test_environment: ServiceEnvironment,
) -> None:
    response = await client.post("/api/v1/_probe/emails", json={"to": "gus@example.com"})

    assert response.status_code == 202
    message = test_environment.smtp.wait_for("gus@example.com", timeout_s=60)
    assert message["Subject"] == "Welcome to Reloop, Ana"
