"""Production refuses unsafe settings; development works with none."""

import os

import pytest
from pydantic import ValidationError

from reloop.config import Environment, Settings


@pytest.fixture(autouse=True)
def _no_reloop_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("RELOOP_"):
            monkeypatch.delenv(name)


def test_development_needs_no_configuration() -> None:
    settings = Settings(_env_file=None)

    assert settings.env is Environment.development
    assert settings.effective_broker_url is None


def test_production_refuses_the_default_secret_and_embedded_services() -> None:
    with pytest.raises(ValidationError) as error:
        Settings(env=Environment.production, database_url=None, redis_url=None)

    message = str(error.value)
    assert "RELOOP_SECRET_KEY" in message
    assert "RELOOP_DATABASE_URL" in message
    assert "RELOOP_SMTP_URL" in message


def test_production_starts_with_real_settings() -> None:
    settings = Settings(
        env=Environment.production,
        secret_key="x" * 40,
        database_url="postgresql://db/reloop",
        redis_url="redis://cache:6379/0",
        smtp_url="smtp://mail:587",
        public_url="https://reloop.example",
    )

    assert settings.is_production
    assert settings.effective_broker_url == "redis://cache:6379/0"


def test_a_broker_url_overrides_redis_as_the_broker() -> None:
    settings = Settings(redis_url="redis://cache/0", broker_url="amqp://guest@mq//")

    assert settings.effective_broker_url == "amqp://guest@mq//"
