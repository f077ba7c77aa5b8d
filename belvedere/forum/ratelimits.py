"""Posting rate limits, per member and per IP address, shared by the views and the API.

Limits come from settings (`FORUM_POSTS_PER_MINUTE`, `FORUM_POSTS_PER_MINUTE_PER_IP`);
staff are not limited.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from belvedere.core import ratelimit
from belvedere.forum.permissions import is_staff

WINDOW = 60


def limits() -> tuple[int, int]:
    return (
        getattr(settings, "FORUM_POSTS_PER_MINUTE", 6),
        getattr(settings, "FORUM_POSTS_PER_MINUTE_PER_IP", 30),
    )


def posting_is_limited(user, ip: str) -> bool:
    if is_staff(user):
        return False
    per_member, per_ip = limits()
    return ratelimit.is_limited(
        "forum-post", str(user.pk), limit=per_member, window=WINDOW
    ) or ratelimit.is_limited("forum-post-ip", ip, limit=per_ip, window=WINDOW)


def count_post(user, ip: str) -> None:
    ratelimit.hit("forum-post", str(user.pk), window=WINDOW)
    ratelimit.hit("forum-post-ip", ip, window=WINDOW)


def limited_message() -> str:
    return _("You are posting too fast. Wait a minute and send it again: your text is kept below.")
