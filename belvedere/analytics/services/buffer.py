"""The ingestion buffer: a Redis list when REDIS_URL is set, else the PendingEvent table.

Web processes append small JSON payloads (staged in memory first: `intake.py`); the flush task
takes batches and stores them with bulk inserts, so requests never wait on visit bookkeeping.
The per-IP, per-minute request counters of /api/event live beside it (Redis or the cache).
"""

import functools
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from belvedere.analytics.models import PendingEvent

KEY = "belvedere:analytics:buffer"


@functools.lru_cache(maxsize=1)
def _redis(url: str):
    import redis

    return redis.Redis.from_url(url)


def _client():
    url = getattr(settings, "REDIS_URL", "")
    return _redis(url) if url else None


def _ip_hash(ip: str) -> str:
    """Counters keep the address only as a keyed hash."""
    key = settings.SECRET_KEY.encode()[:64]
    return hashlib.blake2b(ip.encode(), key=key, digest_size=12).hexdigest()


def push_many(payloads: list[dict], hits: dict[str, int] | None = None, minute: int = 0) -> dict:
    """Append payloads; add `hits` (IP -> requests) to the counters of `minute` and return the
    counters' new totals (IP -> requests from every process). One round trip with Redis."""
    hits = hits or {}
    fields = {ip: _ip_hash(ip) for ip in hits}
    counters = f"belvedere:analytics:hits:{minute}"
    client = _client()
    if client is None:
        if payloads:
            PendingEvent.objects.bulk_create([PendingEvent(payload=p) for p in payloads])
        return {ip: _cache_add(f"{counters}:{fields[ip]}", n) for ip, n in hits.items()}
    pipe = client.pipeline(transaction=False)
    if payloads:
        pipe.rpush(KEY, *[json.dumps(p, separators=(",", ":")) for p in payloads])
    for ip, count in hits.items():
        pipe.hincrby(counters, fields[ip], count)
    if hits:
        pipe.expire(counters, 120)
    results = pipe.execute()[1:] if payloads else pipe.execute()
    return {ip: int(total) for ip, total in zip(hits, results[: len(hits)], strict=True)}


def _cache_add(key: str, count: int) -> int:
    cache.add(key, 0, timeout=120)
    try:
        return cache.incr(key, count)
    except ValueError:  # expired between add and incr
        cache.set(key, count, timeout=120)
        return count


def take(limit: int) -> list[dict]:
    """Remove and return up to `limit` payloads, oldest first (call inside a transaction)."""
    client = _client()
    if client is not None:
        pipe = client.pipeline()
        pipe.lrange(KEY, 0, limit - 1)
        pipe.ltrim(KEY, limit, -1)
        items, _ = pipe.execute()
        return [json.loads(item) for item in items]
    assert transaction.get_connection().in_atomic_block, "take() needs a transaction"
    rows = list(PendingEvent.objects.order_by("id").values_list("id", "payload")[:limit])
    if rows:
        PendingEvent.objects.filter(id__in=[row_id for row_id, _payload in rows]).delete()
    return [payload for _id, payload in rows]


def size() -> int:
    client = _client()
    return client.llen(KEY) if client is not None else PendingEvent.objects.count()
