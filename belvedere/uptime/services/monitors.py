"""Writes on monitors, components and maintenance windows (staff), and heartbeat pings."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.uptime.checks.loop import Finished
from belvedere.uptime.checks.probes import Outcome
from belvedere.uptime.models import Component, ComponentGroup, MaintenanceWindow, Monitor
from belvedere.uptime.services.checks import heartbeat_deadline, process_results, to_target

MONITOR_FIELDS = [
    "name",
    "kind",
    "component",
    "url",
    "host",
    "port",
    "expected_statuses",
    "keyword",
    "keyword_mode",
    "max_response_ms",
    "warn_days",
    "grace_seconds",
    "interval_seconds",
    "timeout_seconds",
    "failures_before_down",
    "successes_before_up",
    "realert_minutes",
    "notify_emails",
    "apprise_urls",
    "tracker",
]


@transaction.atomic
def create_monitor(*, actor, **fields) -> Monitor:
    """Create a monitor from validated fields; its first check is due now."""
    values = {name: value for name, value in fields.items() if name in MONITOR_FIELDS}
    monitor = Monitor(created_by=actor, next_check_at=timezone.now(), **values)
    if monitor.kind == "heartbeat":
        monitor.next_check_at = heartbeat_deadline(monitor)
    monitor.save()
    record(actor, "uptime.monitor_created", monitor, staff=True, kind=monitor.kind)
    return monitor


@transaction.atomic
def update_monitor(monitor: Monitor, *, actor, **fields) -> Monitor:
    changed = [
        name
        for name, value in fields.items()
        if name in MONITOR_FIELDS and getattr(monitor, name) != value
    ]
    for name in changed:
        setattr(monitor, name, fields[name])
    if changed:
        monitor.next_check_at = timezone.now()
        monitor.save(update_fields=[*changed, "next_check_at"])
        record(actor, "uptime.monitor_updated", monitor, staff=True, fields=changed)
    return monitor


@transaction.atomic
def set_paused(monitor: Monitor, paused: bool, *, actor) -> Monitor:
    monitor.is_paused = paused
    fields = ["is_paused"]
    if not paused:
        monitor.next_check_at = timezone.now()
        monitor.status = "pending"
        monitor.consecutive_failures = monitor.consecutive_successes = 0
        fields += ["next_check_at", "status", "consecutive_failures", "consecutive_successes"]
    monitor.save(update_fields=fields)
    record(
        actor, "uptime.monitor_paused" if paused else "uptime.monitor_resumed", monitor, staff=True
    )
    return monitor


@transaction.atomic
def delete_monitor(monitor: Monitor, *, actor) -> None:
    record(actor, "uptime.monitor_deleted", monitor, staff=True)
    monitor.delete()


def record_ping(monitor: Monitor, *, ok: bool = True) -> Monitor:
    """A heartbeat from the monitored job: pushes the deadline on and records the result."""
    now = timezone.now()
    if monitor.is_paused:
        return monitor
    with transaction.atomic():
        monitor.last_ping_at = now
        if ok:
            period = monitor.interval_seconds + monitor.grace_seconds
            monitor.next_check_at = now + timedelta(seconds=period)
        monitor.save(update_fields=["last_ping_at", "next_check_at"])
        error = "" if ok else _("the job reported a failure")
        process_results([Finished(to_target(monitor, now), Outcome(ok, error=error), now)])
    monitor.refresh_from_db()
    return monitor


@transaction.atomic
def save_component(component: Component, *, actor) -> Component:
    created = component.pk is None
    component.updated_at = timezone.now()
    component.save()
    verb = "uptime.component_created" if created else "uptime.component_updated"
    record(actor, verb, component, staff=True)
    return component


@transaction.atomic
def save_group(group: ComponentGroup, *, actor) -> ComponentGroup:
    group.save()
    record(actor, "uptime.group_saved", group, staff=True)
    return group


@transaction.atomic
def create_window(*, actor, monitors=(), components=(), **fields) -> MaintenanceWindow:
    window = MaintenanceWindow.objects.create(created_by=actor, **fields)
    window.monitors.set(monitors)
    window.components.set(components)
    record(actor, "uptime.maintenance_scheduled", window, staff=True)
    return window


@transaction.atomic
def delete_window(window: MaintenanceWindow, *, actor) -> None:
    record(actor, "uptime.maintenance_deleted", window, staff=True)
    window.delete()
