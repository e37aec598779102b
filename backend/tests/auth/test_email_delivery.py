"""Account emails go through the broker, a real worker and a real SMTP server."""

import re
import subprocess

from httpx import AsyncClient

from tests.fixtures.environment import ServiceEnvironment


async def test_the_verification_link_arrives_by_smtp_and_verifies(
    client: AsyncClient,
    celery_worker: subprocess.Popen[bytes],
    test_environment: ServiceEnvironment,
) -> None:
    email = "smtp.journey@example.com"
    response = await client.post(
        "/api/v1/auth/register",
        json={"email": email, "username": "smtp_journey", "password": "a long and unusual phrase"},
    )
    assert response.status_code == 201

    message = test_environment.smtp.wait_for(email, timeout_s=60)
    text = message.get_body(preferencelist=("plain",))
    assert text is not None
    match = re.search(r"/verify-email\?token=([A-Za-z0-9_-]+)", text.get_content())
    assert match is not None
    assert message["Subject"] == "Confirm your email address"

    verified = await client.post("/api/v1/auth/verify-email", json={"token": match.group(1)})
    assert verified.status_code == 200
