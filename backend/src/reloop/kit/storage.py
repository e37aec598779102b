"""Object storage behind one interface: local files (default) or S3-compatible.

Uploads never pass through our processes' memory as a whole request: the client gets a
presigned PUT for one key, with its content type and size fixed. `LocalStorage` signs
with an HMAC and is served by the API (`media/router.py`); `S3Storage` uses S3's own
presigned URLs (tested against a local S3 server). Public URLs for stored files go
through `RELOOP_MEDIA_BASE_URL` when set (a CDN in production).
"""

import asyncio
import hashlib
import hmac
import os
import re
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.-]{0,255}$")
# Public URLs of local files expire at the end of a fixed window, so a URL is the same for
# every request in that window and browsers and CDNs can cache it.
_URL_WINDOW_S = 7 * 86400
# S3 download URLs are presigned for 7 days and reused for one day, so each stays valid
# for at least 6 days after it is handed out.
_S3_URL_TTL_S = 7 * 86400
_S3_URL_WINDOW_S = 86400
# Views kept by `remembered` (an image's is about 1 kB with its placeholder).
_VIEWS_LIMIT = 10_000


class InvalidKey(ValueError):
    pass


def check_key(key: str) -> str:
    if not _KEY.match(key) or ".." in key or "//" in key:
        raise InvalidKey(key)
    return key


@dataclass(frozen=True, slots=True)
class PresignedUpload:
    url: str
    method: str
    headers: dict[str, str]
    expires_at: datetime


class Storage(Protocol):
    async def presign_upload(
        self, key: str, *, content_type: str, size_bytes: int, expires_s: int
    ) -> PresignedUpload: ...

    async def size_of(self, key: str) -> int | None: ...

    async def read(self, key: str) -> bytes: ...

    async def write(self, key: str, data: bytes, content_type: str) -> None: ...

    async def delete(self, *keys: str) -> None: ...

    def public_url(self, key: str) -> str: ...

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, kept while the public URLs it was made from stay the same.

        For views of immutable objects that embed URLs (a processed image's variants).
        """
        ...


class WindowMemo(Generic[K, V]):
    """Values made from download URLs, remembered for the window they were signed in.

    A feed page hands out 144 URLs (24 covers, 3 sizes, 2 formats), and within a window
    each signing gives the same answer, so a dictionary hit replaces an HMAC and a
    `urlencode` (or a SigV4 presign). Emptied when the window turns or the memo is full,
    so memory stays bounded and no expired URL is ever handed out.
    """

    def __init__(self, window_s: int, limit: int = 50_000) -> None:
        self.window_s = window_s
        self.limit = limit
        self._window = -1
        self._values: dict[K, V] = {}

    def get(self, key: K, make: Callable[[K, int], V]) -> V:
        """The value of `key`, from `make(key, window)` once per window."""
        window = int(time.time()) // self.window_s
        if window != self._window or len(self._values) >= self.limit:
            self._values.clear()
            self._window = window
        value = self._values.get(key)
        if value is None:
            value = self._values[key] = make(key, window)
        return value


def _sign(secret: bytes, *parts: str) -> str:
    return hmac.new(secret, "\n".join(parts).encode(), hashlib.sha256).hexdigest()


def _same(expected: str, given: str) -> bool:
    """Constant-time comparison that also takes what a URL may carry (any Unicode)."""
    return hmac.compare_digest(expected.encode(), given.encode())


def _is_count(text: str) -> bool:
    """ASCII digits only: `"²".isdigit()` is true, and `int("²")` raises."""
    return text.isascii() and text.isdigit()


class LocalStorage:
    """Files under a directory; uploads and downloads through HMAC-signed API URLs."""

    def __init__(self, root: Path, secret: str, *, base_url: str = "") -> None:
        self.root = root
        self.secret = hashlib.sha256(f"reloop-storage:{secret}".encode()).digest()
        self.base_url = base_url.rstrip("/")
        self._urls: WindowMemo[str, str] = WindowMemo(_URL_WINDOW_S)
        self._views: WindowMemo[Hashable, Any] = WindowMemo(_URL_WINDOW_S, limit=_VIEWS_LIMIT)

    def path_of(self, key: str) -> Path:
        return self.root / check_key(key)

    # Uploads ---------------------------------------------------------------------------

    async def presign_upload(
        self, key: str, *, content_type: str, size_bytes: int, expires_s: int
    ) -> PresignedUpload:
        expires_at = datetime.now(UTC) + timedelta(seconds=expires_s)
        exp = str(int(expires_at.timestamp()))
        query = {
            "exp": exp,
            "len": str(size_bytes),
            "sig": _sign(self.secret, "PUT", check_key(key), content_type, str(size_bytes), exp),
        }
        return PresignedUpload(
            url=f"{self.base_url}/api/v1/storage/{key}?{urlencode(query)}",
            method="PUT",
            headers={"Content-Type": content_type},
            expires_at=expires_at,
        )

    def verify_upload(
        self, key: str, content_type: str, *, exp: str, length: str, sig: str
    ) -> int | None:
        """The declared size when the signature, type and expiry hold; else `None`."""
        expected = _sign(self.secret, "PUT", check_key(key), content_type, length, exp)
        if not _same(expected, sig) or not _is_count(exp) or not _is_count(length):
            return None
        if int(exp) < datetime.now(UTC).timestamp():
            return None
        return int(length)

    # Downloads -------------------------------------------------------------------------

    def public_url(self, key: str) -> str:
        return self._urls.get(key, self._sign_download)

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        # Made in window W, a view holds URLs signed in W or later: valid to the end of W + 1.
        value: T = self._views.get(key, lambda _key, _window: make())
        return value

    def _sign_download(self, key: str, window: int) -> str:
        # Valid until the end of the next window: at least one whole window after issue.
        exp = str((window + 2) * _URL_WINDOW_S)
        sig = _sign(self.secret, "GET", check_key(key), exp)
        return f"{self.base_url}/media/{key}?{urlencode({'exp': exp, 'sig': sig})}"

    def verify_download(self, key: str, *, exp: str, sig: str) -> bool:
        expected = _sign(self.secret, "GET", check_key(key), exp)
        return _same(expected, sig) and _is_count(exp) and int(exp) >= datetime.now(UTC).timestamp()

    # Objects ---------------------------------------------------------------------------

    async def size_of(self, key: str) -> int | None:
        path = self.path_of(key)
        return await asyncio.to_thread(lambda: path.stat().st_size if path.is_file() else None)

    async def read(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path_of(key).read_bytes)

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        path = self.path_of(key)

        def write_atomically() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
            partial.write_bytes(data)
            partial.replace(path)

        await asyncio.to_thread(write_atomically)

    async def delete(self, *keys: str) -> None:
        def remove() -> None:
            for key in keys:
                self.path_of(key).unlink(missing_ok=True)

        await asyncio.to_thread(remove)


class S3Storage:
    """An S3-compatible bucket through boto3 (run in threads; boto3 is synchronous)."""

    def __init__(self, client: "S3Client", bucket: str, *, public_base_url: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.public_base_url = public_base_url.rstrip("/")
        self._urls: WindowMemo[str, str] = WindowMemo(_S3_URL_WINDOW_S)
        self._views: WindowMemo[Hashable, Any] = WindowMemo(_S3_URL_WINDOW_S, limit=_VIEWS_LIMIT)

    async def presign_upload(
        self, key: str, *, content_type: str, size_bytes: int, expires_s: int
    ) -> PresignedUpload:
        url = await asyncio.to_thread(
            self.client.generate_presigned_url,
            "put_object",
            Params={
                "Bucket": self.bucket,
                "Key": check_key(key),
                "ContentType": content_type,
                "ContentLength": size_bytes,
            },
            ExpiresIn=expires_s,
        )
        return PresignedUpload(
            url=url,
            method="PUT",
            headers={"Content-Type": content_type},
            expires_at=datetime.now(UTC) + timedelta(seconds=expires_s),
        )

    async def size_of(self, key: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            head = await asyncio.to_thread(
                self.client.head_object, Bucket=self.bucket, Key=check_key(key)
            )
        except ClientError:
            return None
        return int(head["ContentLength"])

    async def read(self, key: str) -> bytes:
        response = await asyncio.to_thread(
            self.client.get_object, Bucket=self.bucket, Key=check_key(key)
        )
        body: bytes = await asyncio.to_thread(response["Body"].read)
        return body

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(
            self.client.put_object,
            Bucket=self.bucket,
            Key=check_key(key),
            Body=data,
            ContentType=content_type,
            CacheControl="public, max-age=31536000, immutable",
        )

    async def delete(self, *keys: str) -> None:
        if keys:
            await asyncio.to_thread(
                self.client.delete_objects,
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": check_key(k)} for k in keys], "Quiet": True},
            )

    def public_url(self, key: str) -> str:
        if self.public_base_url:
            return f"{self.public_base_url}/{check_key(key)}"
        return self._urls.get(key, self._presign_download)

    def remembered(self, key: Hashable, make: Callable[[], T]) -> T:
        # Made in window W, a view holds URLs presigned in W or later, each valid 6 more days.
        value: T = self._views.get(key, lambda _key, _window: make())
        return value

    def _presign_download(self, key: str, window: int) -> str:
        url: str = self.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket, "Key": check_key(key)},
            ExpiresIn=_S3_URL_TTL_S,
        )
        return url


def create_storage(url: str | None, *, data_dir: Path, secret: str, media_base_url: str) -> Storage:
    """`file:///path` or nothing (local files under the data dir), or `s3://bucket?...`.

    S3 options in the query: `endpoint` (for MinIO or a local server), `region`; the
    credentials come from the standard AWS environment variables or instance role.
    """
    if not url or url.startswith("file:"):
        root = Path(urlsplit(url).path) if url and urlsplit(url).path else data_dir / "media"
        return LocalStorage(root, secret, base_url=media_base_url)
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError("RELOOP_STORAGE_URL must be file:///path or s3://bucket")
    import boto3
    from botocore.config import Config

    options: dict[str, Any] = {k: v[0] for k, v in parse_qs(parts.query).items()}
    client = boto3.client(
        "s3",
        endpoint_url=options.get("endpoint"),
        region_name=options.get("region", "us-east-1"),
        config=Config(signature_version="s3v4", retries={"max_attempts": 3, "mode": "standard"}),
    )
    return S3Storage(client, parts.netloc, public_base_url=media_base_url)
