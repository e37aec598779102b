"""Abuse limits for account endpoints, and a progressive delay after failed sign-ins.

After a few failures for one account, every further attempt has to wait twice as long as
the previous one (capped), whatever the IP. Sign-in limits fail closed: without Redis we
cannot count guesses, so sign-in answers 503 rather than allow unlimited ones.
"""

import hashlib
import math
import time

from reloop.auth.errors import TooManyAttempts
from reloop.kit.errors import ServiceUnavailable
from reloop.kit.ratelimit import RateLimit
from reloop.kit.redis import GuardedRedis, RedisUnavailable

SIGN_IN_PER_IP = RateLimit("signin-ip", limit=30, window_s=900, fail_open=False)
SIGN_IN_PER_ACCOUNT = RateLimit("signin-account", limit=20, window_s=900, fail_open=False)
SIGN_UP_PER_IP = RateLimit("signup-ip", limit=10, window_s=3600)
PASSWORD_RESET_PER_IP = RateLimit("reset-ip", limit=5, window_s=3600)
VERIFICATION_RESEND = RateLimit("verify-resend", limit=3, window_s=3600)

FREE_FAILURES = 3
MAX_DELAY_S = 900
_FAILURE_MEMORY_S = 24 * 3600


def account_key(email: str) -> str:
    """Keys never hold the address itself."""
    return hashlib.sha256(email.lower().encode()).hexdigest()[:32]


def required_delay_s(failures: int) -> int:
    """Seconds to wait after the `failures`-th consecutive failure."""
    if failures <= FREE_FAILURES:
        return 0
    return int(min(2 ** (failures - FREE_FAILURES), MAX_DELAY_S))


class FailedSignIns:
    def __init__(self, redis: GuardedRedis) -> None:
        self.redis = redis

    @staticmethod
    def _key(account: str) -> str:
        return f"ratelimit:signin-failures:{account}"

    async def ensure_allowed(self, account: str) -> None:
        """Raise 429 with the time left when this account must still wait."""
        try:
            raw = await self.redis.run(lambda r: r.hmget(self._key(account), "count", "last"))
        except RedisUnavailable as exc:
            raise ServiceUnavailable("Sign-in is briefly unavailable; try again shortly.") from exc
        count = int(raw[0] or 0)
        last = float(raw[1] or 0)
        wait = required_delay_s(count) - (time.time() - last)
        if wait > 0:
            raise TooManyAttempts(retry_after_s=math.ceil(wait))

    async def record_failure(self, account: str) -> None:
        key = self._key(account)

        async def write(r):  # type: ignore[no-untyped-def]
            async with r.pipeline(transaction=True) as pipe:
                pipe.hincrby(key, "count", 1)
                pipe.hset(key, "last", str(time.time()))
                pipe.expire(key, _FAILURE_MEMORY_S)
                await pipe.execute()

        try:
            await self.redis.run(write)
        except RedisUnavailable:
            return

    async def clear(self, account: str) -> None:
        try:
            await self.redis.run(lambda r: r.delete(self._key(account)))
        except RedisUnavailable:
            return
