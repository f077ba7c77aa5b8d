"""Reads and access gateways of the uptime app."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from belvedere.uptime import permissions
from belvedere.uptime.models import (
    Component,
    Incident,
    MaintenanceWindow,
    Monitor,
    Report,
    Vote,
)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def get_monitor_for_user(user, monitor_id: int) -> Monitor:
    _require(permissions.can_manage_monitors(user))
    monitor = Monitor.objects.select_related("component", "tracker").filter(pk=monitor_id).first()
    if monitor is None:
        raise Http404
    return monitor


def get_incident_for_staff(user, incident_id: int) -> Incident:
    _require(permissions.can_manage_incidents(user))
    incident = Incident.objects.select_related("monitor").filter(pk=incident_id).first()
    if incident is None:
        raise Http404
    return incident


def get_public_incident(incident_id: int) -> Incident:
    incident = Incident.objects.filter(pk=incident_id, is_public=True).first()
    if incident is None:
        raise Http404
    return incident


def get_report_for_user(user, report_id: int) -> Report:
    report = Report.objects.select_related("reporter", "component", "tracker").filter(pk=report_id)
    report = report.first()
    if report is None:
        raise Http404
    _require(permissions.can_view_report(user, report))
    return report


def list_monitors(*, q: str = "", status: str = "", kind: str = "") -> QuerySet[Monitor]:
    rows = Monitor.objects.select_related("component")
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(url__icontains=q) | Q(host__icontains=q))
    if status == "paused":
        rows = rows.filter(is_paused=True)
    elif status:
        rows = rows.filter(status=status, is_paused=False)
    if kind:
        rows = rows.filter(kind=kind)
    return rows


def list_incidents(*, public_only: bool = False, open_only: bool = False) -> QuerySet[Incident]:
    rows = Incident.objects.prefetch_related("updates", "components")
    if public_only:
        rows = rows.filter(is_public=True)
    if open_only:
        rows = rows.filter(resolved_at__isnull=True)
    return rows


def list_reports(*, kind: str = "", status: str = "", q: str = "", order: str = "") -> QuerySet:
    rows = Report.objects.select_related("reporter", "component", "tracker", "duplicate_of")
    if kind:
        rows = rows.filter(kind=kind)
    if status:
        rows = rows.filter(status=status)
    if q:
        rows = rows.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if order == "votes":
        rows = rows.order_by("-vote_count", "-created_at")
    return rows


def list_suggestions(user) -> QuerySet[Report]:
    rows = Report.objects.filter(kind="suggestion").exclude(status__in=["declined", "duplicate"])
    rows = rows.select_related("reporter").order_by("-vote_count", "-created_at")
    return rows


def voted_ids(user, reports) -> set[int]:
    if not user.is_authenticated:
        return set()
    ids = [report.pk for report in reports]
    rows = Vote.objects.filter(member=user, report_id__in=ids)
    return set(rows.values_list("report_id", flat=True))


def list_components(*, public_only: bool = True) -> QuerySet[Component]:
    rows = Component.objects.select_related("group").prefetch_related("monitors")
    return rows.filter(is_public=True) if public_only else rows


def window_is_active(window: MaintenanceWindow, now: datetime) -> bool:
    """Whether `window` covers `now`: once between its dates, or weekly on its weekdays."""
    if now < window.starts_at:
        return False
    if window.recurrence != MaintenanceWindow.Recurrence.WEEKLY:
        return now < window.ends_at
    duration = window.ends_at - window.starts_at
    days = _weekdays(window)
    for back in range(duration.days + 2):
        day = (now - timedelta(days=back)).date()
        if day.weekday() not in days:
            continue
        start = datetime.combine(day, window.starts_at.timetz())
        if start >= window.starts_at - timedelta(days=1) and start <= now < start + duration:
            return True
    return False


def _weekdays(window: MaintenanceWindow) -> set[int]:
    days = {int(d) for d in window.weekdays.split(",") if d.strip().isdigit() and int(d) < 7}
    return days or {window.starts_at.weekday()}


def active_windows(now: datetime | None = None) -> list[MaintenanceWindow]:
    now = now or timezone.now()
    rows = MaintenanceWindow.objects.filter(starts_at__lte=now)
    rows = rows.filter(Q(recurrence="weekly") | Q(ends_at__gt=now))
    rows = rows.prefetch_related("monitors", "components")
    return [window for window in rows if window_is_active(window, now)]


def monitors_in_maintenance(ids, now: datetime | None = None) -> set[int]:
    """Which of the monitors `ids` are inside a maintenance window now."""
    windows = active_windows(now)
    if not windows:
        return set()
    monitor_ids = {m.pk for w in windows for m in w.monitors.all()}
    component_ids = {c.pk for w in windows for c in w.components.all()}
    rows = Monitor.objects.filter(pk__in=ids).filter(
        Q(pk__in=monitor_ids) | Q(component_id__in=component_ids)
    )
    return set(rows.values_list("pk", flat=True))


def components_in_maintenance(now: datetime | None = None) -> set[int]:
    windows = active_windows(now)
    ids = {c.pk for w in windows for c in w.components.all()}
    ids |= {m.component_id for w in windows for m in w.monitors.all() if m.component_id}
    return ids
