"""The breaker stops calls to a failing Redis and lets a probe through after a pause."""

import pytest

from reloop.kit.redis import CircuitBreaker, GuardedRedis, RedisUnavailable, create_redis
from reloop.runtime.embedded import free_port


async def test_the_breaker_opens_after_repeated_failures() -> None:
    guarded = GuardedRedis(
        create_redis(f"redis://127.0.0.1:{free_port()}/0", timeout_s=0.2),
        CircuitBreaker(failure_threshold=2, reset_after_s=60),
    )
    for _ in range(2):
        with pytest.raises(RedisUnavailable):
            await guarded.run(lambda r: r.ping())

    assert guarded.breaker.is_open
    with pytest.raises(RedisUnavailable, match="circuit open"):
        await guarded.run(lambda r: r.ping())
    await guarded.close()


def test_the_breaker_half_opens_after_its_pause() -> None:
    breaker = CircuitBreaker(failure_threshold=1, reset_after_s=0)
    breaker.record_failure()

    assert not breaker.is_open
    breaker.record_success()
    assert not breaker.is_open
