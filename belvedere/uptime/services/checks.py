"""Claiming due monitors and storing what their checks found (the state machine)."""

from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.uptime.checks.loop import Finished
from belvedere.uptime.checks.probes import Outcome, Target, parse_statuses
from belvedere.uptime.models import CheckResult, Incident, Monitor, MonitorKind, MonitorStatus
from belvedere.uptime.queries import monitors_in_maintenance
from belvedere.uptime.services import alerts, incidents

CLAIM_LIMIT = 5000
STATE_FIELDS = [
    "status",
    "consecutive_failures",
    "consecutive_successes",
    "last_checked_at",
    "last_latency_ms",
    "last_status_code",
    "last_error",
    "status_changed_at",
    "last_alert_at",
    "cert_expires_at",
    "cert_warned_at",
]


def to_target(monitor: Monitor, due: datetime) -> Target:
    try:
        expected = parse_statuses(monitor.expected_statuses)
    except ValueError:
        expected = ((200, 299),)
    return Target(
        monitor_id=monitor.pk,
        kind=monitor.kind,
        due=due,
        url=monitor.url,
        host=monitor.host,
        port=monitor.port or 0,
        expected=expected,
        keyword=monitor.keyword,
        keyword_mode=monitor.keyword_mode,
        max_response_ms=monitor.max_response_ms,
        timeout=float(monitor.timeout_seconds),
    )


def heartbeat_deadline(monitor: Monitor) -> datetime:
    last = monitor.last_ping_at or monitor.created_at
    return last + timedelta(seconds=monitor.interval_seconds + monitor.grace_seconds)


def claim_due(horizon: datetime) -> tuple[list[Target], list[Finished]]:
    """Take the monitors due before `horizon` and move their next check on.

    Returns the network targets to probe and the heartbeat checks already decided. Rows
    are locked with SKIP LOCKED where the database has it, so several workers share the work.
    """
    now = timezone.now()
    targets, decided = [], []
    with transaction.atomic():
        rows = Monitor.objects.filter(is_paused=False, next_check_at__lte=horizon)
        rows = rows.order_by("next_check_at")[:CLAIM_LIMIT]
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        monitors = list(rows)
        for monitor in monitors:
            interval = timedelta(seconds=monitor.interval_seconds)
            due = monitor.next_check_at if monitor.next_check_at > now - interval else now
            if monitor.kind == MonitorKind.HEARTBEAT:
                _claim_heartbeat(monitor, now, decided)
                continue
            monitor.next_check_at = due + interval
            targets.append(to_target(monitor, due))
        Monitor.objects.bulk_update(monitors, ["next_check_at"])
    return targets, decided


def _claim_heartbeat(monitor: Monitor, now: datetime, decided: list[Finished]) -> None:
    deadline = heartbeat_deadline(monitor)
    if now <= deadline:
        monitor.next_check_at = deadline
        return
    monitor.next_check_at = now + timedelta(seconds=monitor.interval_seconds)
    late = int((now - deadline).total_seconds())
    outcome = Outcome(False, error=_("no ping received (%(late)s s late)") % {"late": late})
    decided.append(Finished(to_target(monitor, deadline), outcome, now))


def process_results(finished: list[Finished]) -> None:
    """Store the results, move each monitor's state on, and react to the changes."""
    if not finished:
        return
    now = timezone.now()
    finished = sorted(finished, key=lambda item: item.started_at)
    with transaction.atomic():
        CheckResult.objects.bulk_create([_result_row(item) for item in finished])
        ids = {item.target.monitor_id for item in finished}
        monitors = Monitor.objects.select_related("component").in_bulk(ids)
        quiet = monitors_in_maintenance(ids, now)
        open_incidents = {
            incident.monitor_id: incident
            for incident in Incident.objects.filter(monitor_id__in=ids, resolved_at=None)
        }
        for item in finished:
            monitor = monitors.get(item.target.monitor_id)
            if monitor is None:
                continue
            transition = apply_outcome(monitor, item.outcome, item.started_at)
            _react(monitor, transition, item.outcome, monitor.pk in quiet, open_incidents, now)
        Monitor.objects.bulk_update(list(monitors.values()), STATE_FIELDS)


def _result_row(item: Finished) -> CheckResult:
    outcome = item.outcome
    return CheckResult(
        monitor_id=item.target.monitor_id,
        checked_at=item.started_at,
        ok=outcome.ok,
        latency_ms=outcome.latency_ms,
        status_code=outcome.status_code,
        error=outcome.error[:200],
    )


def apply_outcome(monitor: Monitor, outcome: Outcome, at: datetime) -> str | None:
    """Move counters and status on; returns "down" or "up" when the status flips."""
    monitor.last_checked_at = at
    monitor.last_latency_ms = outcome.latency_ms
    monitor.last_status_code = outcome.status_code
    monitor.last_error = outcome.error[:200]
    if outcome.cert_expires_at is not None:
        monitor.cert_expires_at = outcome.cert_expires_at
    if outcome.ok:
        monitor.consecutive_successes += 1
        monitor.consecutive_failures = 0
    else:
        monitor.consecutive_failures += 1
        monitor.consecutive_successes = 0
    if monitor.status != MonitorStatus.DOWN:
        if monitor.consecutive_failures >= monitor.failures_before_down:
            return _flip(monitor, MonitorStatus.DOWN, at)
        if outcome.ok and monitor.status == MonitorStatus.PENDING:
            _flip(monitor, MonitorStatus.UP, at)
        return None
    if monitor.consecutive_successes >= monitor.successes_before_up:
        return _flip(monitor, MonitorStatus.UP, at)
    return None


def _flip(monitor: Monitor, status: str, at: datetime) -> str:
    monitor.status = status
    monitor.status_changed_at = at
    return status


def _react(monitor, transition, outcome, quiet, open_incidents, now) -> None:
    incident = open_incidents.get(monitor.pk)
    if transition == MonitorStatus.UP:
        if incident is not None:
            incidents.resolve_monitor_incident(incident, monitor, at=now)
            open_incidents.pop(monitor.pk, None)
            alerts.queue_alert(monitor, "up")
        return
    if outcome.ok or monitor.status != MonitorStatus.DOWN:
        _maybe_warn_certificate(monitor, quiet, now)
        return
    if quiet:
        return
    if incident is None:
        open_incidents[monitor.pk] = incidents.open_monitor_incident(monitor, outcome, at=now)
        alerts.queue_alert(monitor, "down", detail=outcome.error)
        monitor.last_alert_at = now
    elif monitor.realert_minutes and (
        monitor.last_alert_at is None
        or now - monitor.last_alert_at >= timedelta(minutes=monitor.realert_minutes)
    ):
        alerts.queue_alert(monitor, "still_down", detail=outcome.error)
        monitor.last_alert_at = now


def _maybe_warn_certificate(monitor: Monitor, quiet: bool, now: datetime) -> None:
    expires = monitor.cert_expires_at
    if monitor.kind != MonitorKind.TLS or expires is None or quiet:
        return
    if expires - now > timedelta(days=monitor.warn_days):
        return
    if monitor.cert_warned_at and now - monitor.cert_warned_at < timedelta(days=1):
        return
    days = max(0, (expires - now).days)
    alerts.queue_alert(monitor, "cert", detail=_("expires in %(days)s days") % {"days": days})
    monitor.cert_warned_at = now
