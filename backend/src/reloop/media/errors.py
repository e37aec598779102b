"""Error codes of uploads and images."""

from reloop.kit.errors import AppError, Conflict, Forbidden, NotFound


class UnsupportedImageType(AppError):
    status_code = 415
    code = "unsupported_media_type"
    message = "Upload a JPEG, PNG, WebP or HEIC photo."


class UploadTooLarge(AppError):
    status_code = 413
    code = "upload_too_large"
    message = "This file is larger than the upload limit."


class QuotaExceeded(Conflict):
    code = "storage_quota_exceeded"
    message = "Your photo storage is full; delete old drafts or photos first."


class ImageNotFound(NotFound):
    code = "image_not_found"
    message = "No such image."


class UploadNotReceived(Conflict):
    code = "upload_not_received"
    message = "The file has not been uploaded yet (or not completely)."


class UploadUrlInvalid(Forbidden):
    code = "upload_url_invalid"
    message = "This upload address is invalid or has expired; ask for a new one."
