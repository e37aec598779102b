"""Strong ETags for JSON reads, and `If-None-Match` answered with 304."""

import hashlib

from fastapi import Request, Response
from pydantic import BaseModel


def etag_for(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def conditional_json(request: Request, model: BaseModel, *, max_age_s: int = 0) -> Response:
    """`model` as JSON with its ETag, or an empty 304 when the client has it already."""
    body = model.model_dump_json().encode()
    tag = etag_for(body)
    headers = {"ETag": tag, "Cache-Control": f"private, max-age={max_age_s}, must-revalidate"}
    presented = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if tag in presented or "*" in presented:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
