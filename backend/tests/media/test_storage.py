"""Both storage backends through the same interface: local files and a real S3 server."""

from pathlib import Path

import httpx
import pytest

from reloop.kit.storage import InvalidKey, LocalStorage, S3Storage, Storage, create_storage


@pytest.fixture(params=["local", "s3"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    if request.param == "local":
        return create_storage(None, data_dir=tmp_path, secret="s", media_base_url="")
    url: str = request.getfixturevalue("s3_storage_url")
    return create_storage(url, data_dir=tmp_path, secret="s", media_base_url="")


async def test_objects_are_written_sized_read_and_deleted(storage: Storage) -> None:
    await storage.write("images/a/thumb.webp", b"webp-bytes", "image/webp")

    assert await storage.size_of("images/a/thumb.webp") == 10
    assert await storage.read("images/a/thumb.webp") == b"webp-bytes"
    await storage.delete("images/a/thumb.webp")
    assert await storage.size_of("images/a/thumb.webp") is None


async def test_keys_that_escape_their_place_are_refused(storage: Storage) -> None:
    for key in ("../etc/passwd", "/abs", "a//b", "a/../../b"):
        with pytest.raises(InvalidKey):
            await storage.write(key, b"x", "image/jpeg")


async def test_an_s3_presigned_put_uploads_with_its_content_type(
    s3_storage_url: str, tmp_path: Path
) -> None:
    storage = create_storage(s3_storage_url, data_dir=tmp_path, secret="s", media_base_url="")
    assert isinstance(storage, S3Storage)
    ticket = await storage.presign_upload(
        "uploads/one", content_type="image/jpeg", size_bytes=5, expires_s=60
    )

    async with httpx.AsyncClient() as outside:
        response = await outside.put(ticket.url, content=b"12345", headers=ticket.headers)
        assert response.status_code == 200
        assert await storage.size_of("uploads/one") == 5
        downloaded = await outside.get(storage.public_url("uploads/one"))
    assert downloaded.content == b"12345"


async def test_local_download_urls_are_signed(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path, "secret")
    url = storage.public_url("images/x/thumb.webp")
    query = dict(part.split("=") for part in url.split("?")[1].split("&"))

    assert storage.verify_download("images/x/thumb.webp", exp=query["exp"], sig=query["sig"])
    assert not storage.verify_download("images/y/thumb.webp", exp=query["exp"], sig=query["sig"])
    assert not storage.verify_download("images/x/thumb.webp", exp="1", sig=query["sig"])


@pytest.mark.parametrize(
    ("exp", "length", "sig"),
    [("9999999999", "10", "Z[\u00d7\u00f5("), ("²", "10", "abc"), ("9999999999", "¡0", "abc")],
)
async def test_local_upload_urls_with_garbled_parameters_are_refused(
    tmp_path: Path, exp: str, length: str, sig: str
) -> None:
    storage = LocalStorage(tmp_path, "secret")

    assert (
        storage.verify_upload("images/x/original", "image/jpeg", exp=exp, length=length, sig=sig)
        is None
    )
    assert not storage.verify_download("images/x/thumb.webp", exp=exp, sig=sig)
