"""Rate limits in Redis with the IETF `RateLimit-*` headers and 429 + `Retry-After`.

A fixed window per key, counted atomically by a Lua script (INCR and PEXPIRE together, so
a crash between them can never leave a key without expiry). When Redis is unavailable a
limit fails open (reads, ordinary writes) or closed (sign-in), chosen per limit.
"""

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request, Response

from reloop.kit.errors import RateLimited, ServiceUnavailable
from reloop.kit.redis import GuardedRedis, RedisUnavailable

_WINDOW_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""


@dataclass(frozen=True, slots=True)
class RateLimitState:
    limit: int
    remaining: int
    reset_s: int
    allowed: bool

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_s),
        }


@dataclass(frozen=True, slots=True)
class RateLimit:
    """`limit` hits per `window_s` seconds for each key."""

    name: str
    limit: int
    window_s: int
    fail_open: bool = True


class RateLimiter:
    def __init__(self, redis: GuardedRedis, *, prefix: str = "ratelimit:") -> None:
        self.redis = redis
        self.prefix = prefix

    async def hit(self, rule: RateLimit, key: str) -> RateLimitState | None:
        """Count one hit; `None` means Redis is unavailable and the rule failed open."""
        redis_key = f"{self.prefix}{rule.name}:{key}"
        try:
            count, ttl_ms = await self.redis.run(
                lambda r: r.eval(_WINDOW_SCRIPT, 1, redis_key, str(rule.window_s * 1000))
            )
        except RedisUnavailable as exc:
            if rule.fail_open:
                return None
            raise ServiceUnavailable("Rate limiting is unavailable; try again shortly.") from exc
        count, ttl_ms = int(count), int(ttl_ms)
        return RateLimitState(
            limit=rule.limit,
            remaining=max(rule.limit - count, 0),
            reset_s=max(math.ceil(ttl_ms / 1000), 1),
            allowed=count <= rule.limit,
        )

    async def enforce(self, rule: RateLimit, key: str, response: Response | None = None) -> None:
        """Count a hit and raise 429 when over; put the headers on `response` when given."""
        state = await self.hit(rule, key)
        if state is None:
            return
        if not state.allowed:
            raise RateLimited(retry_after_s=state.reset_s, headers=state.headers())
        if response is not None:
            response.headers.update(state.headers())


def client_ip(request: Request) -> str:
    """The peer address (uvicorn resolves `X-Forwarded-For` from trusted proxies only)."""
    return request.client.host if request.client else "unknown"


def rate_limit(
    rule: RateLimit, key: Callable[[Request], str] = client_ip
) -> Callable[[Request, Response], Awaitable[None]]:
    """A FastAPI dependency applying `rule` to the key `key(request)` derives."""

    async def dependency(request: Request, response: Response) -> None:
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.enforce(rule, key(request), response)

    return dependency
