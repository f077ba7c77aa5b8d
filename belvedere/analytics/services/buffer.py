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
        totals = _cache_add(counters, {fields[ip]: n for ip, n in hits.items()}) if hits else {}
        return {ip: totals[fields[ip]] for ip in hits}
    pipe = client.pipeline(transaction=False)
    if payloads:
        pipe.rpush(KEY, *[json.dumps(p, separators=(",", ":")) for p in payloads])
    for ip, count in hits.items():
        pipe.hincrby(counters, fields[ip], count)
    if hits:
        pipe.expire(counters, 120)
    results = pipe.execute()[1:] if payloads else pipe.execute()
    return {ip: int(total) for ip, total in zip(hits, results[: len(hits)], strict=True)}


def _cache_add(key: str, hits: dict[str, int]) -> dict[str, int]:
    """Without Redis: one cache entry per minute (read, add, write: two processes flushing at
    the same instant may lose each other's counts, which only makes the limit a bit looser)."""
    counts = cache.get(key) or {}
    for field, n in hits.items():
        counts[field] = counts.get(field, 0) + n
    cache.set(key, counts, timeout=120)
    return counts


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
