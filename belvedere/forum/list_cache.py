"""Caches of the forum's lists: the per-category figures of the index (for everyone) and the
rendered topic lists and category table (for visitors without an account).

All sit under one forum-wide stamp that changes as soon as a forum ledger entry commits (a new
topic or post, an edit, a move, a moderator's action…) or a category is saved or deleted
(handlers.py), so lists are never stale; LIST_TTL only bounds memory. Members get their unread
and new counts fresh, on top of the cached figures.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils.safestring import mark_safe

from belvedere.moderation.policy import VERSION_KEY as POLICY_KEY

LIST_TTL = 300
MAX_CACHED_PAGE = 20
VERSION_KEY = "forum:lists-v"
T = TypeVar("T")


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return version


def cached(name: str, build: Callable[[], T]) -> T:
    """`build()`, kept under the lists stamp as `name`."""
    key = f"forum:list:{name}"
    found = cache.get_many([VERSION_KEY, POLICY_KEY, key])
    stored = found.get(key)
    # Lists show titles masked by moderation's watched words: a new word changes them too.
    if stored is not None and (found.get(VERSION_KEY), found.get(POLICY_KEY)) == stored[0]:
        return stored[1]
    version = found.get(VERSION_KEY) or _version()
    value = build()  # may stamp the policy's first version: read it after
    cache.set(key, ((version, cache.get(POLICY_KEY)), value), timeout=LIST_TTL)
    return value


def cached_html(name: str, render: Callable[[], str]) -> str:
    return mark_safe(cached(f"html:{name}", lambda: str(render())))  # noqa: S308 (our template)


def visitor_list_name(request, scope: str, language: str) -> str | None:
    """The cache name of a visitor's list page (`?page=` and `?sort=` only), else None."""
    if request.user.is_authenticated:
        return None
    page, sort = request.GET.get("page", "1"), request.GET.get("sort", "latest")
    if set(request.GET) - {"page", "sort"} or not page.isdigit():
        return None
    if not 1 <= int(page) <= MAX_CACHED_PAGE or not sort.isalpha():
        return None
    return f"{scope}:{sort}:{page}:{language}"


def invalidate_lists() -> None:
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
