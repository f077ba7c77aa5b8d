"""Roll raw check results up per hour and per day; prune raw results after N days."""

import math
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from belvedere.uptime.models import CheckResult, Rollup

PERIODS = {Rollup.Period.HOUR: timedelta(hours=1), Rollup.Period.DAY: timedelta(days=1)}
MAX_BUCKETS_PER_RUN = 24 * 14


def retention_days() -> int:
    return max(2, int(getattr(settings, "UPTIME_RESULT_RETENTION_DAYS", 14)))


def bucket_start(moment: datetime, period: str) -> datetime:
    moment = moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    return moment.replace(hour=0) if period == Rollup.Period.DAY else moment


def summarize(rows: list[tuple[bool, int | None]]) -> dict:
    """count, ok count, mean and 95th percentile (nearest rank) of the latencies."""
    latencies = sorted(latency for _ok, latency in rows if latency is not None)
    p95 = latencies[max(0, math.ceil(0.95 * len(latencies)) - 1)] if latencies else None
    return {
        "count": len(rows),
        "ok_count": sum(1 for ok, _latency in rows if ok),
        "avg_latency_ms": round(sum(latencies) / len(latencies)) if latencies else None,
        "p95_latency_ms": p95,
    }


def roll_up_bucket(period: str, start: datetime) -> int:
    """(Re)compute every monitor's rollup for one hour or day from the raw results."""
    end = start + PERIODS[period]
    grouped: dict[int, list] = defaultdict(list)
    rows = CheckResult.objects.filter(checked_at__gte=start, checked_at__lt=end)
    for monitor_id, ok, latency in rows.values_list("monitor_id", "ok", "latency_ms").iterator():
        grouped[monitor_id].append((ok, latency))
    rollups = [
        Rollup(monitor_id=monitor_id, period=period, start=start, **summarize(values))
        for monitor_id, values in grouped.items()
    ]
    Rollup.objects.bulk_create(
        rollups,
        update_conflicts=True,
        unique_fields=["monitor", "period", "start"],
        update_fields=["count", "ok_count", "avg_latency_ms", "p95_latency_ms"],
        batch_size=500,
    )
    return len(rollups)


def roll_up(period: str, now: datetime | None = None) -> int:
    """Roll up each complete bucket since the last one rolled up (or the oldest result)."""
    now = now or timezone.now()
    step = PERIODS[period]
    last = Rollup.objects.filter(period=period).aggregate(last=Max("start"))["last"]
    if last is not None:
        start = last + step
    else:
        first = CheckResult.objects.aggregate(first=Min("checked_at"))["first"]
        if first is None:
            return 0
        start = bucket_start(first, period)
    current = bucket_start(now, period)
    written = 0
    for _n in range(MAX_BUCKETS_PER_RUN):
        if start >= current:
            break
        with transaction.atomic():
            written += roll_up_bucket(period, start)
        start += step
    return written


def prune(now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    deleted, _ = CheckResult.objects.filter(checked_at__lt=cutoff).delete()
    return deleted


def roll_up_and_prune(now: datetime | None = None) -> int:
    written = roll_up(Rollup.Period.HOUR, now) + roll_up(Rollup.Period.DAY, now)
    prune(now)
    return written
