"""Reads for the status page: component states, 90-day uptime, response times."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import TruncHour
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.uptime import charts
from belvedere.uptime.models import CheckResult, Incident, Rollup
from belvedere.uptime.models.monitors import ComponentStatus
from belvedere.uptime.queries import components_in_maintenance, list_components

DAYS = 90
SEVERITY = [
    "operational",
    "under_maintenance",
    "degraded_performance",
    "partial_outage",
    "major_outage",
]
INDICATORS = {
    "none": _("All Systems Operational"),
    "maintenance": _("Service Under Maintenance"),
    "minor": _("Partially Degraded Service"),
    "major": _("Partial System Outage"),
    "critical": _("Major System Outage"),
}


def component_status(component, maintenance: set[int]) -> str:
    if component.manual_status:
        return component.manual_status
    if component.pk in maintenance:
        return ComponentStatus.MAINTENANCE
    monitors = [m for m in component.monitors.all() if not m.is_paused]
    down = sum(1 for m in monitors if m.status == "down")
    if not down:
        failing = any(m.consecutive_failures for m in monitors)
        return ComponentStatus.DEGRADED if failing else ComponentStatus.OPERATIONAL
    return ComponentStatus.MAJOR if down == len(monitors) else ComponentStatus.PARTIAL


def overall_indicator(statuses: list[str], open_incidents: list[Incident]) -> str:
    """Statuspage's page indicator: none, minor, major or critical (plus maintenance)."""
    worst = max(statuses, key=SEVERITY.index, default="operational")
    impact = {"none": 0, "minor": 1, "major": 2, "critical": 3}
    incident = max((impact.get(i.impact, 0) for i in open_incidents), default=0)
    level = {"major_outage": 3, "partial_outage": 2, "degraded_performance": 1}.get(worst, 0)
    level = max(level, incident)
    if level == 0 and worst == "under_maintenance":
        return "maintenance"
    return ["none", "minor", "major", "critical"][level]


@dataclass
class DayBar:
    day: date
    count: int
    ok: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.ok / self.count, 3) if self.count else None


def daily_uptime(monitor_filter: Q, key: str, days: int = DAYS) -> dict[int, list[DayBar]]:
    """Per `key` (a monitor field path), one DayBar per day over `days` days, today included."""
    today = timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    since = today - timedelta(days=days - 1)
    totals: dict[int, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    rows = Rollup.objects.filter(monitor_filter, period="day", start__gte=since, start__lt=today)
    for row in rows.values(key, "start").annotate(n=Sum("count"), ok=Sum("ok_count")):
        cell = totals[row[key]][row["start"].astimezone(UTC).date()]
        cell[0], cell[1] = cell[0] + row["n"], cell[1] + row["ok"]
    live = CheckResult.objects.filter(monitor_filter, checked_at__gte=today)
    for row in live.values(key).annotate(n=Count("id"), ok=Count("id", filter=Q(ok=True))):
        cell = totals[row[key]][today.date()]
        cell[0], cell[1] = cell[0] + row["n"], cell[1] + row["ok"]
    days_list = [(since + timedelta(days=i)).date() for i in range(days)]
    return {
        ident: [DayBar(d, *per_day.get(d, [0, 0])) for d in days_list]
        for ident, per_day in totals.items()
    }


def uptime_percent(bars: list[DayBar]) -> float | None:
    count = sum(b.count for b in bars)
    return round(100 * sum(b.ok for b in bars) / count, 3) if count else None


def latency_points(monitor_ids, hours: int = 24) -> list[tuple[datetime, float]]:
    since = timezone.now() - timedelta(hours=hours)
    rows = CheckResult.objects.filter(monitor_id__in=monitor_ids, checked_at__gte=since)
    rows = rows.exclude(latency_ms=None).annotate(hour=TruncHour("checked_at"))
    rows = rows.values("hour").annotate(avg=Avg("latency_ms")).order_by("hour")
    points = [(row["hour"], float(row["avg"])) for row in rows]
    if len(points) < 2:
        hourly = Rollup.objects.filter(monitor_id__in=monitor_ids, period="hour", start__gte=since)
        hourly = (
            hourly.exclude(avg_latency_ms=None).values("start").annotate(avg=Avg("avg_latency_ms"))
        )
        points = [(row["start"], float(row["avg"])) for row in hourly.order_by("start")] or points
    return points


def latency_chart(monitor_ids, hours: int = 24) -> str:
    return charts.line_chart(latency_points(monitor_ids, hours), unit="ms")


def headline() -> dict:
    """The page's overall state alone (the home page's panel): no uptime bars."""
    components = list(list_components(public_only=True))
    maintenance = components_in_maintenance()
    statuses = [component_status(c, maintenance) for c in components]
    open_incidents = list(Incident.objects.filter(is_public=True, resolved_at=None))
    indicator = overall_indicator(statuses, open_incidents)
    return {"indicator": indicator, "description": INDICATORS[indicator],
            "open_incidents": open_incidents, "components": len(components)}  # fmt: skip


def status_page() -> dict:
    """Everything the public status page shows, in a fixed number of queries."""
    components = list(list_components(public_only=True))
    maintenance = components_in_maintenance()
    for component in components:
        component.current = component_status(component, maintenance)
    ids = [c.pk for c in components]
    bars = daily_uptime(Q(monitor__component_id__in=ids), "monitor__component_id")
    for component in components:
        component.bars = bars.get(component.pk) or _empty_bars()
        component.uptime = uptime_percent(component.bars)
        component.bars_svg = charts.uptime_bars(component.bars)
    open_incidents = list(Incident.objects.filter(is_public=True, resolved_at=None))
    groups: dict = defaultdict(list)
    for component in components:
        groups[component.group].append(component)
    indicator = overall_indicator([c.current for c in components], open_incidents)
    return {
        "components": components,
        "groups": dict(groups),
        "indicator": indicator,
        "description": INDICATORS[indicator],
        "open_incidents": open_incidents,
        "monitor_ids": [m.pk for c in components for m in c.monitors.all()],
    }


def _empty_bars(days: int = DAYS) -> list[DayBar]:
    today = timezone.now().astimezone(UTC).date()
    return [DayBar(today - timedelta(days=days - 1 - i), 0, 0) for i in range(days)]
