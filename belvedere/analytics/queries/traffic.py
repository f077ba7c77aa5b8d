"""Traffic figures, read from the rollups (and raw events for realtime). See docs/analytics.md."""

import fnmatch
from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone

from belvedere.analytics.models import Event, Goal, GoalKind, Rollup
from belvedere.analytics.queries.periods import Period
from belvedere.analytics.services.rollup import DIMENSIONS

FIGURES = ("visitors", "visits", "pageviews", "bounces", "duration", "events")
REALTIME_WINDOW = timedelta(minutes=5)


def _days(period: Period):
    return Rollup.objects.filter(
        granularity=Rollup.DAY, bucket__gte=period.start, bucket__lt=period.end
    )


def _derived(row: dict) -> dict:
    visits = row.get("visits") or 0
    row["bounce_rate"] = round(100 * row.get("bounces", 0) / visits, 1) if visits else None
    row["visit_duration"] = round(row.get("duration", 0) / visits) if visits else None
    row["views_per_visit"] = round(row.get("pageviews", 0) / visits, 2) if visits else None
    return row


def traffic_summary(period: Period) -> dict:
    sums = _days(period).filter(dimension="").aggregate(**{f: Sum(f) for f in FIGURES})
    return _derived({key: value or 0 for key, value in sums.items()})


def traffic_series(period: Period) -> list[dict]:
    rows = _days(period).filter(dimension="").values("bucket", *FIGURES)
    by_day = {row.pop("bucket").date(): row for row in rows}
    empty = dict.fromkeys(FIGURES, 0)
    return [_derived({"day": day, **(by_day.get(day) or empty)}) for day in period.each_day()]


def breakdown(dimension: str, period: Period, limit: int = 20) -> list[dict]:
    """Top values of one dimension by visitors (pages: by page views as well)."""
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    rows = (
        _days(period)
        .filter(dimension=dimension)
        .values("value")
        .annotate(**{f: Sum(f) for f in FIGURES})
        .order_by("-visitors", "-pageviews", "value")[:limit]
    )
    return [_derived(dict(row)) for row in rows]


def realtime_visitors(now=None) -> int:
    """Distinct visitors with an event in the last five minutes (raw events, not rollups)."""
    now = now or timezone.now()
    recent = Event.objects.filter(timestamp__gte=now - REALTIME_WINDOW, timestamp__lte=now)
    return recent.aggregate(n=Count("visitor_id", distinct=True))["n"]


def hourly(day_start, day_end) -> list[dict]:
    rows = Rollup.objects.filter(
        granularity=Rollup.HOUR, bucket__gte=day_start, bucket__lt=day_end
    ).values("bucket", "visitors", "pageviews")
    return list(rows.order_by("bucket"))


def goal_conversions(period: Period) -> list[dict]:
    """Per goal: converted visitors, events, and conversion rate over all visitors."""
    total = traffic_summary(period)["visitors"]
    goals = list(Goal.objects.all())
    events = {r["value"]: r for r in breakdown("event", period, limit=500)} if goals else {}
    pages = breakdown("page", period, limit=5000) if goals else []
    rows = []
    for goal in goals:
        if goal.kind == GoalKind.EVENT:
            hit = events.get(goal.target, {})
            visitors, count = hit.get("visitors", 0), hit.get("events", 0)
        else:
            hits = [r for r in pages if fnmatch.fnmatchcase(r["value"], goal.target)]
            visitors = sum(r["visitors"] for r in hits)
            count = sum(r["pageviews"] for r in hits)
        rate = round(100 * visitors / total, 1) if total else None
        rows.append({"goal": goal.name, "kind": goal.kind, "target": goal.target,
                     "visitors": visitors, "events": count, "conversion_rate": rate})  # fmt: skip
    return rows
