"""Hourly and daily rollups of raw results, and pruning."""

from datetime import UTC, datetime, timedelta

from belvedere.uptime.models import CheckResult, Monitor, Rollup
from belvedere.uptime.services import rollups


def test_rollups_count_uptime_and_latency(db):
    monitor = Monitor.objects.create(name="m", kind="http", url="https://x.example")
    day = datetime(2026, 3, 2, tzinfo=UTC)
    rows = [
        CheckResult(
            monitor=monitor, checked_at=day + timedelta(minutes=m), ok=m != 30, latency_ms=100 + m
        )
        for m in range(0, 120)
    ]
    CheckResult.objects.bulk_create(rows)
    now = day + timedelta(days=1, hours=1)
    assert rollups.roll_up_and_prune(now) == 3  # two hours and one day
    first = Rollup.objects.get(period="hour", start=day)
    assert (first.count, first.ok_count) == (60, 59)
    assert first.avg_latency_ms == 130 and first.p95_latency_ms == 156
    daily = Rollup.objects.get(period="day", start=day)
    assert (daily.count, daily.ok_count) == (120, 119)
    assert rollups.roll_up_and_prune(now) == 0  # nothing new


def test_prune_keeps_recent_results(db, settings):
    settings.UPTIME_RESULT_RETENTION_DAYS = 3
    monitor = Monitor.objects.create(name="m", kind="http", url="https://x.example")
    now = datetime(2026, 3, 10, tzinfo=UTC)
    CheckResult.objects.create(monitor=monitor, checked_at=now - timedelta(days=4), ok=True)
    CheckResult.objects.create(monitor=monitor, checked_at=now - timedelta(days=1), ok=True)
    assert rollups.prune(now) == 1 and CheckResult.objects.count() == 1
