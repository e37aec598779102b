"""Uploads, images, and the local-storage endpoints that stand in for S3."""

import uuid
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import FileResponse

from reloop.access.deps import CurrentMember, OptionalMember
from reloop.kit.deps import SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import NotFound, error_responses
from reloop.kit.storage import InvalidKey, LocalStorage
from reloop.media.errors import (
    ImageNotFound,
    QuotaExceeded,
    UnsupportedImageType,
    UploadNotReceived,
    UploadTooLarge,
    UploadUrlInvalid,
)
from reloop.media.schemas import ImageOut, UploadRequest, UploadTicket
from reloop.media.service import complete_upload, create_upload, image_out, visible_image

router = APIRouter(tags=["media"])
files_router = APIRouter(tags=["media"])


@router.post(
    "/uploads",
    status_code=status.HTTP_201_CREATED,
    response_model=UploadTicket,
    summary="Ask where to upload a photo (a presigned PUT with its type and size fixed)",
    responses=error_responses(UnsupportedImageType, UploadTooLarge, QuotaExceeded),
)
async def start_upload(
    body: UploadRequest,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> UploadTicket:
    return await create_upload(session, storage, settings, principal.user.id, body)


@router.post(
    "/uploads/{image_id}/complete",
    response_model=ImageOut,
    summary="Say the upload finished; processing starts",
    responses=error_responses(ImageNotFound, UploadNotReceived, UploadTooLarge),
)
async def finish_upload(
    image_id: uuid.UUID, principal: CurrentMember, session: SessionDep, storage: StorageDep
) -> ImageOut:
    image = await complete_upload(session, storage, principal.user.id, image_id)
    return image_out(image, storage)


@router.get(
    "/images/{image_id}",
    response_model=ImageOut,
    summary="An image: status, size, colour, placeholder and variant URLs",
    responses=error_responses(ImageNotFound),
)
async def get_image(
    image_id: uuid.UUID, principal: OptionalMember, session: SessionDep, storage: StorageDep
) -> ImageOut:
    viewer = principal.user.id if principal else None
    return image_out(await visible_image(session, image_id, viewer), storage)


def _local(storage: StorageDep) -> LocalStorage:
    if not isinstance(storage, LocalStorage):
        raise NotFound()
    return storage


@router.put(
    "/storage/{key:path}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Upload target of local storage (use the URL /uploads returned)",
    responses=error_responses(UploadUrlInvalid, UploadTooLarge),
)
async def put_local_object(
    key: str,
    request: Request,
    storage: StorageDep,
    exp: Annotated[str, Query(max_length=20)] = "",
    len_: Annotated[str, Query(alias="len", max_length=20)] = "",
    sig: Annotated[str, Query(max_length=128)] = "",
) -> None:
    local = _local(storage)
    content_type = request.headers.get("content-type", "")
    try:
        declared = local.verify_upload(key, content_type, exp=exp, length=len_, sig=sig)
    except InvalidKey as exc:
        raise UploadUrlInvalid() from exc
    if declared is None:
        raise UploadUrlInvalid()
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > declared:
            raise UploadTooLarge(details={"declared_bytes": declared})
    await local.write(key, bytes(body), content_type)


@files_router.get("/media/{key:path}", include_in_schema=False)
async def get_local_object(
    key: str,
    storage: StorageDep,
    exp: Annotated[str, Query(max_length=20)] = "",
    sig: Annotated[str, Query(max_length=128)] = "",
) -> Response:
    local = _local(storage)
    try:
        path: Path = local.path_of(key)
        allowed = key.startswith("images/") and local.verify_download(key, exp=exp, sig=sig)
    except InvalidKey as exc:
        raise NotFound() from exc
    if not allowed or not await anyio.to_thread.run_sync(path.is_file):
        raise NotFound()
    media_type = "image/webp" if key.endswith(".webp") else "image/jpeg"
    return FileResponse(
        path,
        media_type=media_type,
        headers={"Cache-Control": "public, max-age=604800, immutable"},
    )
