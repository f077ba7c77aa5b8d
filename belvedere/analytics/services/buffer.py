"""The ingestion buffer: a Redis list when REDIS_URL is set, else the PendingEvent table.

The endpoint appends one small JSON payload per event; the flush task takes batches and
stores them with bulk inserts, so requests never wait on visit bookkeeping.
"""

import functools
import json

from django.conf import settings
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


def push(payload: dict) -> None:
    client = _client()
    if client is not None:
        client.rpush(KEY, json.dumps(payload, separators=(",", ":")))
    else:
        PendingEvent.objects.create(payload=payload)


def push_many(payloads: list[dict]) -> None:
    client = _client()
    if client is not None:
        client.rpush(KEY, *[json.dumps(p, separators=(",", ":")) for p in payloads])
    else:
        PendingEvent.objects.bulk_create([PendingEvent(payload=p) for p in payloads])


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
