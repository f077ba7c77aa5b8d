"""A cache of the rendered post stream of topic pages, for visitors without an account.

What a visitor sees of a topic's posts depends only on the topic, the page and the language,
so the rendered fragment is kept (STREAM_TTL) under a per-topic version stamp. Any forum ledger
entry about a topic or one of its posts (new post, edit, reaction, hiding, approval, move…)
changes the stamp as soon as it commits (handlers.py), so visitors never see a stale stream.
Members always get a fresh render (their buttons, unread marks and held posts differ).
"""

import time

from django.core.cache import cache
from django.utils.safestring import mark_safe

from belvedere.moderation.policy import VERSION_KEY as POLICY_KEY

STREAM_TTL = 300
MAX_CACHED_PAGE = 50
# Bumped when something shown beside every author changes (a badge, a name): all streams.
EPOCH_KEY = "forum:stream-epoch"


def _keys(topic_id: int, page: int, language: str) -> tuple[str, str]:
    return f"forum:topic-v:{topic_id}", f"forum:stream:{topic_id}:{page}:{language}"


def cacheable_page(request) -> int | None:
    """The page number of a visitor's request when its stream may come from the cache."""
    if request.user.is_authenticated:
        return None
    raw = request.GET.get("page", "1")
    if set(request.GET) - {"page"} or not raw.isdigit() or not 1 <= int(raw) <= MAX_CACHED_PAGE:
        return None
    return int(raw)


def get_stream(topic_id: int, page: int, language: str) -> str | None:
    version_key, stream_key = _keys(topic_id, page, language)
    found = cache.get_many([version_key, POLICY_KEY, EPOCH_KEY, stream_key])
    stored = found.get(stream_key)
    # Posts are shown masked by moderation's watched words: a new word changes them too.
    stamp = (found.get(version_key), found.get(POLICY_KEY), found.get(EPOCH_KEY))
    if stored and stamp[0] is not None and stored[0] == stamp:
        return mark_safe(stored[1])  # noqa: S308 (our own rendered template)
    return None


def set_stream(topic_id: int, page: int, language: str, html: str) -> None:
    version_key, stream_key = _keys(topic_id, page, language)
    version = cache.get(version_key)
    if version is None:
        version = time.time_ns()
        cache.add(version_key, version, timeout=None)
        version = cache.get(version_key, version)
    found = cache.get_many([POLICY_KEY, EPOCH_KEY])
    stamp = (version, found.get(POLICY_KEY), found.get(EPOCH_KEY))
    cache.set(stream_key, (stamp, html), timeout=STREAM_TTL)


def invalidate_streams() -> None:
    """Every topic's cached stream is stale (an author's badge or name changed)."""
    cache.set(EPOCH_KEY, time.time_ns(), timeout=None)


def invalidate_topic(topic_id: int) -> None:
    cache.set(_keys(topic_id, 0, "")[0], time.time_ns(), timeout=None)
