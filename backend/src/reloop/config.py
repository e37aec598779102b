"""Settings, read once from `RELOOP_*` environment variables (and `.env`).

Every knob the app has lives here and is documented in `.env.example`. Service URLs are
optional: when one is missing outside production, `reloop run` starts the embedded server
for it and exports its URL to the processes it supervises.
"""

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "dev-insecure-change-me"  # noqa: S105 (refused in production)


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RELOOP_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    env: Environment = Environment.development
    secret_key: SecretStr = SecretStr(DEFAULT_SECRET)

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    data_dir: Path = Path("var")
    public_url: str = ""

    database_url: str | None = None
    # Connections above the pool's size are closed when handed back to a full pool, so a
    # load that keeps more requests in flight than `db_pool_size` opened and closed a
    # PostgreSQL backend (a fork, authentication, type codecs) per request: the home feed
    # at 32 connections lost a fifth of its throughput to that. A pool big enough for one
    # event loop, and no overflow: a request beyond it waits for a connection instead.
    db_pool_size: int = Field(default=20, ge=1)
    db_max_overflow: int = Field(default=0, ge=0)
    # The hottest reads' own asyncpg pool (`kit.hot_reads`), opened as it is needed.
    db_read_pool_size: int = Field(default=20, ge=1)
    db_pool_timeout_s: float = Field(default=5.0, gt=0)
    db_statement_timeout_ms: int = Field(default=15_000, ge=0)

    redis_url: str | None = None
    broker_url: str | None = None

    smtp_url: str | None = None
    mail_from: str = "Reloop <no-reply@reloop.local>"

    jwt_keys_dir: Path | None = None
    jwt_issuer: str = "reloop"
    access_token_ttl_s: int = Field(default=900, ge=60, le=3600)
    refresh_idle_ttl_s: int = Field(default=14 * 86400, ge=3600)
    session_absolute_ttl_s: int = Field(default=60 * 86400, ge=3600)
    refresh_reuse_grace_s: int = Field(default=10, ge=0, le=120)
    verify_email_ttl_s: int = Field(default=24 * 3600, ge=600)
    reset_password_ttl_s: int = Field(default=3600, ge=300)

    storage_url: str | None = None
    media_base_url: str = ""
    media_max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    media_quota_bytes: int = Field(default=2 * 1024**3, ge=1024 * 1024)
    media_max_pixels: int = Field(default=50_000_000, ge=1_000_000)
    upload_url_ttl_s: int = Field(default=900, ge=60, le=3600)

    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    readiness_timeout_s: float = Field(default=2.0, gt=0)
    # How long one Redis call may take before it counts as a failure (the breaker's input).
    redis_timeout_s: float = Field(default=0.5, gt=0)
    cache_default_ttl_s: int = Field(default=60, ge=1)

    log_level: str = "INFO"
    log_json: bool = True
    otlp_endpoint: str | None = None
    service_name: str = "reloop"

    api_workers: int = Field(default=1, ge=1)
    worker_concurrency: int = Field(default=2, ge=1)
    # `reloop run` puts the worker, beat and the development SMTP sink this much below the
    # API in CPU priority (`nice`): on one machine a burst of orders should not wait behind
    # its own mail and notifications, which can follow a moment later. 0 runs them alike.
    background_nice: int = Field(default=10, ge=0, le=19)
    # Move what exists after startup out of the garbage collector's sight (`gc.freeze`),
    # so its full collections stop pausing requests for 100 ms and more. Off in tests,
    # which start hundreds of apps in one process.
    gc_freeze: bool = True
    # Searches per minute per member (or address, for visitors). Typing, filtering and
    # infinite scroll each fire one; a scraper fires thousands.
    search_rate_limit_per_minute: int = Field(default=600, ge=1)

    # Commerce (docs/COMMERCE.md). Fees and shipping are minor units of the order's currency.
    buyer_fee_fixed: int = Field(default=70, ge=0)
    buyer_fee_percent: int = Field(default=5, ge=0, le=50)
    shipping_flat: int = Field(default=399, ge=0)
    reservation_minutes: int = Field(default=15, ge=1, le=24 * 60)
    stock_locking: Literal["pessimistic", "optimistic"] = "pessimistic"
    idempotency_ttl_s: int = Field(default=24 * 3600, ge=60)
    ship_within_days: int = Field(default=5, ge=1)
    dispute_window_days: int = Field(default=2, ge=1)
    complete_after_days: int = Field(default=2, ge=1)
    # `simulated` (test cards, the default) or `stripe` (PaymentIntents and webhooks).
    payment_provider: Literal["simulated", "stripe"] = "simulated"
    payment_timeout_s: float = Field(default=1.0, gt=0)
    payment_max_attempts: int = Field(default=6, ge=1, le=20)
    stripe_api_key: SecretStr | None = None
    stripe_webhook_secret: SecretStr | None = None
    stripe_api_base: str = "https://api.stripe.com"
    frontend_dist: Path | None = None

    @property
    def is_production(self) -> bool:
        return self.env is Environment.production

    @property
    def signing_keys_dir(self) -> Path:
        return self.jwt_keys_dir or self.data_dir / "keys"

    @property
    def effective_broker_url(self) -> str | None:
        """The Celery broker: RabbitMQ or Redis by URL, Redis by default."""
        return self.broker_url or self.redis_url

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        if not self.is_production:
            return self
        problems = []
        if (
            self.secret_key.get_secret_value() == DEFAULT_SECRET
            or len(self.secret_key.get_secret_value()) < 32
        ):
            problems.append("RELOOP_SECRET_KEY must be set to a random value of 32+ characters")
        for name in ("database_url", "redis_url", "smtp_url", "public_url"):
            if not getattr(self, name):
                problems.append(f"RELOOP_{name.upper()} must be set (no embedded services)")
        if problems:
            raise ValueError("refusing to start in production: " + "; ".join(problems))
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
