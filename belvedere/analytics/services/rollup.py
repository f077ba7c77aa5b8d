"""Roll raw visits and events up into per-day (and per-hour) figures that dashboards read.

A day's rollup is recomputed from scratch (delete, then insert), so running it twice is safe.
Visits count on the day they start; page views and events on the day they happen.
"""

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncHour

from belvedere.analytics.models import Event, Rollup, Visit

VISIT_DIMENSIONS = ("entry_page", "exit_page", "source", "referrer", "utm_source", "utm_medium",
                    "utm_campaign", "country", "device", "browser", "os", "language")  # fmt: skip
EVENT_DIMENSIONS = ("page", "event")
DIMENSIONS = VISIT_DIMENSIONS + EVENT_DIMENSIONS
NOT_CUSTOM = (Event.PAGEVIEW, Event.ENGAGEMENT)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def _visit_rows(start: datetime, end: datetime) -> dict[tuple[str, str], dict]:
    acc = defaultdict(lambda: {"visitors": set(), "visits": 0, "bounces": 0, "duration": 0})
    columns = ("visitor_id", "started_at", "ended_at", "pageviews", "interactions")
    visits = Visit.objects.filter(started_at__gte=start, started_at__lt=end)
    for row in visits.values_list(*columns, *VISIT_DIMENSIONS).iterator(chunk_size=5000):
        visitor, started, ended, pageviews, interactions = row[:5]
        bounce = int(pageviews <= 1 and interactions == 0)
        seconds = int((ended - started).total_seconds())
        for key in [("", ""), *zip(VISIT_DIMENSIONS, row[5:], strict=True)]:
            if key[0] and not key[1]:
                continue
            slot = acc[key]
            slot["visitors"].add(visitor)
            slot["visits"] += 1
            slot["bounces"] += bounce
            slot["duration"] += seconds
    return {key: {**slot, "visitors": len(slot["visitors"])} for key, slot in acc.items()}


def _event_rows(start: datetime, end: datetime, rows: dict) -> None:
    events = Event.objects.filter(timestamp__gte=start, timestamp__lt=end).order_by()
    count = {"visitors": Count("visitor_id", distinct=True), "n": Count("id")}
    for row in events.filter(name=Event.PAGEVIEW).values("pathname").annotate(**count):
        rows[("page", row["pathname"])] = {"visitors": row["visitors"], "pageviews": row["n"]}
    custom = events.exclude(name__in=NOT_CUSTOM)
    for row in custom.values("name").annotate(**count):
        rows[("event", row["name"])] = {"visitors": row["visitors"], "events": row["n"]}
    total = rows.setdefault(("", ""), {"visitors": 0})
    total["pageviews"] = sum(v.get("pageviews", 0) for k, v in rows.items() if k[0] == "page")
    total["events"] = sum(v.get("events", 0) for k, v in rows.items() if k[0] == "event")


def _hour_rows(start: datetime, end: datetime) -> list[Rollup]:
    events = Event.objects.filter(timestamp__gte=start, timestamp__lt=end, name=Event.PAGEVIEW)
    hours = (
        events.annotate(hour=TruncHour("timestamp", tzinfo=UTC))
        .values("hour")
        .annotate(visitors=Count("visitor_id", distinct=True), pageviews=Count("id"))
        .order_by()
    )
    return [
        Rollup(
            granularity=Rollup.HOUR,
            bucket=row["hour"],
            visitors=row["visitors"],
            pageviews=row["pageviews"],
        )  # fmt: skip
        for row in hours
    ]


def rollup_day(day: date) -> int:
    """Recompute the rollups of one UTC day; returns the number of rows written."""
    start, end = day_bounds(day)
    rows = _visit_rows(start, end)
    _event_rows(start, end, rows)
    objects = [
        Rollup(granularity=Rollup.DAY, bucket=start, dimension=dim, value=value[:500], **figures)
        for (dim, value), figures in rows.items()
    ]
    objects += _hour_rows(start, end)
    with transaction.atomic():
        Rollup.objects.filter(bucket__gte=start, bucket__lt=end).delete()
        Rollup.objects.bulk_create(objects, batch_size=2000)
    return len(objects)
