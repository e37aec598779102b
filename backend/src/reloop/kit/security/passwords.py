"""Argon2id password hashing, run in worker threads so the event loop never stalls.

Parameters are OWASP's minimum for Argon2id (19 MiB, 2 iterations, 1 lane). A hash made
with older parameters verifies and reports `needs_rehash`, so logins upgrade it.

Hashing is CPU-bound: a burst of sign-ins given every thread would take every core from
the event loop. A limiter keeps at most `cpu_count - 1` hashes running at once (one at a
minimum), so other requests keep a core; extra sign-ins queue instead.
"""

import asyncio
import os
import weakref
from dataclasses import dataclass
from functools import lru_cache

import anyio
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, hash_len=32, salt_len=16)


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    needs_rehash: bool = False


_CONCURRENCY = max((os.cpu_count() or 2) - 1, 1)
_limiters: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter]" = (
    weakref.WeakKeyDictionary()
)


def _limiter() -> anyio.CapacityLimiter:
    """One limiter per event loop (a limiter belongs to the loop that created it)."""
    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(_CONCURRENCY)
    return limiter


async def hash_password(password: str) -> str:
    return await anyio.to_thread.run_sync(_HASHER.hash, password, limiter=_limiter())


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _HASHER.hash("reloop-timing-equaliser")


def _verify(password_hash: str | None, password: str) -> Verification:
    try:
        _HASHER.verify(password_hash or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return Verification(ok=False)
    if password_hash is None:
        return Verification(ok=False)
    return Verification(ok=True, needs_rehash=_HASHER.check_needs_rehash(password_hash))


async def verify_password(password_hash: str | None, password: str) -> Verification:
    """Check `password`; with no hash (unknown account) do the same work and fail.

    Hashing a dummy keeps the time of a failed sign-in the same whether the account
    exists or not, so response times do not reveal which emails are registered.
    """
    return await anyio.to_thread.run_sync(_verify, password_hash, password, limiter=_limiter())


def unusable_password_hash() -> str:
    """A value that no password verifies against (for deleted accounts)."""
    return "!unusable"
