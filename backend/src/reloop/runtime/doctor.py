"""`reloop doctor`: what this install talks to, and whether each service answers."""

import time
from collections.abc import Callable

import aiosmtplib
from sqlalchemy.engine import make_url

from reloop.config import Settings
from reloop.kit.db import Database, create_engine
from reloop.kit.mail.transport import SmtpConfig
from reloop.kit.redis import GuardedRedis, create_redis
from reloop.ops.service import check_readiness


def _safe(url: str | None) -> str:
    if not url:
        return "(not configured)"
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1]


async def _check_smtp(url: str) -> str | None:
    config = SmtpConfig.from_url(url)
    client = aiosmtplib.SMTP(
        hostname=config.host, port=config.port, use_tls=config.use_tls, timeout=3
    )
    try:
        await client.connect()
        await client.noop()
        await client.quit()
    except (aiosmtplib.SMTPException, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


async def diagnose(settings: Settings, say: Callable[[str], None]) -> bool:
    """Print each connection and its health; `True` when everything answers."""
    say(f"environment   {settings.env.value}")
    say(f"data dir      {settings.data_dir.resolve()}")
    say(f"database      {_safe(settings.database_url)}")
    say(f"redis         {_safe(settings.redis_url)}")
    say(f"broker        {_safe(settings.effective_broker_url)}")
    say(f"smtp          {_safe(settings.smtp_url) if settings.smtp_url else '(none: /dev/mail)'}")
    if not settings.database_url or not settings.redis_url:
        say("\nNo database or Redis configured: use `reloop run` or `reloop services up`.")
        return False
    db = Database(create_engine(settings.database_url))
    redis = GuardedRedis(create_redis(settings.redis_url, timeout_s=settings.redis_timeout_s))
    try:
        readiness = await check_readiness(db, redis, settings.effective_broker_url, 3.0)
    finally:
        await db.dispose()
        await redis.close()
    healthy = readiness.status == "ok"
    say("")
    for name, check in readiness.checks.items():
        state = "ok" if check.ok else f"DOWN ({check.error})"
        say(f"{name:<13} {state}  {check.latency_ms:.1f} ms")
    if settings.smtp_url:
        start = time.perf_counter()
        error = await _check_smtp(settings.smtp_url)
        elapsed = (time.perf_counter() - start) * 1000
        say(f"{'smtp':<13} {'ok' if error is None else f'DOWN ({error})'}  {elapsed:.1f} ms")
        healthy = healthy and error is None
    return healthy
