"""Images uploaded for posts: checked with Pillow (real PNG/JPEG/GIF/WebP, size and pixel caps)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from belvedere.activity.services import record
from belvedere.forum.models import Upload

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 40_000_000


def max_upload_bytes() -> int:
    return getattr(settings, "FORUM_UPLOAD_MAX_BYTES", 4 * 1024 * 1024)


def check_image(file: UploadedFile) -> tuple[str, int, int]:
    """(format, width, height) of a genuine image, else ValidationError."""
    if file.size > max_upload_bytes():
        limit = max_upload_bytes() // 1024
        raise ValidationError(_("Images are limited to %(kb)d kB.") % {"kb": limit}, code="size")
    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
            fmt, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image we can read."), code="invalid")
    finally:
        file.seek(0)
    if fmt not in IMAGE_FORMATS:
        raise ValidationError(_("Use a PNG, JPEG, GIF or WebP image."), code="format")
    if width * height > MAX_PIXELS:
        raise ValidationError(_("This image has too many pixels."), code="pixels")
    return fmt, width, height


@transaction.atomic
def save_upload(file: UploadedFile, *, owner) -> Upload:
    fmt, width, height = check_image(file)
    file.name = f"{uuid.uuid4().hex}.{IMAGE_FORMATS[fmt]}"
    upload = Upload.objects.create(
        owner=owner,
        file=file,
        content_type=f"image/{fmt.lower()}",
        size=file.size,
        width=width,
        height=height,
    )
    record(owner, "forum.upload.create", upload, size=file.size)
    return upload


def image_markdown(upload: Upload, alt: str = "image") -> str:
    return f"![{alt}]({upload.file.url})"
