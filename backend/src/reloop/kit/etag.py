"""Strong ETags for JSON reads, and `If-None-Match` answered with 304."""

import hashlib

from fastapi import Request, Response
from pydantic import BaseModel


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def conditional_json(
    request: Request,
    model: BaseModel,
    *,
    max_age_s: int = 0,
    public: bool = False,
    etag: str | None = None,
) -> Response:
    """`model` as JSON with its ETag, or an empty 304 when the client has it already.

    The ETag is a hash of the body unless the caller supplies one (e.g. from a version).
    """
    body = model.model_dump_json().encode()
    tag = etag or etag_for(body)
    scope = "public" if public else "private"
    headers = {"ETag": tag, "Cache-Control": f"{scope}, max-age={max_age_s}, must-revalidate"}
    presented = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if tag in presented or "*" in presented:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def conditional_bytes(
    request: Request, body: bytes, *, etag: str, status_code: int = 200
) -> Response:
    """Pre-serialised JSON with a caller-supplied ETag (e.g. a content version)."""
    headers = {"ETag": etag, "Cache-Control": "private, max-age=0, must-revalidate"}
    presented = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if status_code == 200 and (etag in presented or "*" in presented):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status_code, media_type="application/json", headers=headers)
