"""Small helpers shared by the accounts tests."""

import io
import re

from django.conf import settings
from django.core import mail
from PIL import Image


def link_in_last_email(to: str | None = None) -> str:
    """The path of the first link in the last email sent (to `to`, when given)."""
    messages = [m for m in mail.outbox if to is None or to in m.to]
    assert messages, "no email was sent"
    url = re.search(r"https?://\S+", messages[-1].body).group(0)
    assert url.startswith(settings.BASE_URL)
    return url[len(settings.BASE_URL) :]


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (32, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()
