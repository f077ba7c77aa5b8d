"""Fixed-window rate limits kept in the cache (shared by workers when Redis is used)."""

import time

from django.core.cache import cache


def _key(scope: str, ident: str, window: int) -> str:
    return f"rl:{scope}:{ident}:{int(time.time() // window)}"


def count(scope: str, ident: str, *, window: int) -> int:
    return cache.get(_key(scope, ident, window), 0)


def hit(scope: str, ident: str, *, window: int) -> int:
    """Count one more event for `ident` in the current window and return the total."""
    key = _key(scope, ident, window)
    if cache.add(key, 1, timeout=window + 1):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        return 1


def is_limited(scope: str, ident: str, *, limit: int, window: int) -> bool:
    return count(scope, ident, window=window) >= limit


def ip_of(meta) -> str:
    """The client's address from a WSGI environ or a request's META."""
    return meta.get("REMOTE_ADDR", "") or "unknown"


def client_ip(request) -> str:
    return ip_of(request.META)
