"""Incidents: opened by failing monitors or by staff, updated, resolved, explained."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.uptime.models import Component, Incident, IncidentStatus, IncidentUpdate, Monitor


def _after_commit(task_name: str, incident_id: int) -> None:
    from belvedere.uptime import tasks

    transaction.on_commit(lambda: getattr(tasks, task_name)(incident_id))


@transaction.atomic
def open_monitor_incident(monitor: Monitor, outcome, *, at: datetime) -> Incident:
    incident = Incident.objects.create(
        title=_("%(name)s is down") % {"name": monitor.name},
        monitor=monitor,
        impact="major",
        started_at=monitor.status_changed_at or at,
        tracker=monitor.tracker,
    )
    if monitor.component_id:
        incident.components.add(monitor.component_id)
    body = _("%(count)s checks failed in a row. Last error: %(error)s") % {
        "count": monitor.consecutive_failures,
        "error": outcome.error or _("none given"),
    }
    IncidentUpdate.objects.create(
        incident=incident, status="investigating", body=body, created_at=at
    )
    record(None, "uptime.incident_opened", incident, monitor=monitor.pk)
    if incident.tracker_id:
        _after_commit("open_incident_issue_task", incident.pk)
    return incident


@transaction.atomic
def resolve_monitor_incident(incident: Incident, monitor: Monitor, *, at: datetime) -> Incident:
    minutes = int((at - incident.started_at).total_seconds() // 60)
    body = _("%(name)s is back up after %(minutes)s minutes.") % {
        "name": monitor.name,
        "minutes": minutes,
    }
    return _resolve(incident, body=body, at=at, actor=None)


def _resolve(incident: Incident, *, body: str, at: datetime, actor) -> Incident:
    incident.status = IncidentStatus.RESOLVED
    incident.resolved_at = at
    incident.updated_at = at
    incident.save(update_fields=["status", "resolved_at", "updated_at"])
    IncidentUpdate.objects.create(
        incident=incident, status="resolved", body=body, author=actor, created_at=at
    )
    record(actor, "uptime.incident_resolved", incident, staff=actor is not None)
    if incident.tracker_id and incident.tracker_issue_id:
        _after_commit("close_incident_issue_task", incident.pk)
    return incident


@transaction.atomic
def create_incident(
    *,
    actor,
    title: str,
    body: str,
    status: str = IncidentStatus.INVESTIGATING,
    impact: str = "minor",
    components: list[Component] | None = None,
    is_public: bool = True,
) -> Incident:
    now = timezone.now()
    incident = Incident.objects.create(
        title=title, status=status, impact=impact, is_public=is_public, created_by=actor
    )
    if components:
        incident.components.set(components)
    IncidentUpdate.objects.create(incident=incident, status=status, body=body, author=actor)
    if status == IncidentStatus.RESOLVED:
        incident.resolved_at = now
        incident.save(update_fields=["resolved_at"])
    record(actor, "uptime.incident_created", incident, staff=True)
    return incident


@transaction.atomic
def post_update(incident: Incident, *, actor, status: str, body: str) -> IncidentUpdate:
    """A staff update; "resolved" closes the incident, a later update reopens it."""
    now = timezone.now()
    if status == IncidentStatus.RESOLVED and incident.resolved_at is None:
        _resolve(incident, body=body, at=now, actor=actor)
        return incident.updates.first()
    update = IncidentUpdate.objects.create(
        incident=incident, status=status, body=body, author=actor, created_at=now
    )
    incident.status = status
    incident.updated_at = now
    fields = ["status", "updated_at"]
    if status == IncidentStatus.MONITORING and incident.monitoring_at is None:
        incident.monitoring_at = now
        fields.append("monitoring_at")
    if status != IncidentStatus.RESOLVED and incident.resolved_at is not None:
        incident.resolved_at = None
        fields.append("resolved_at")
    incident.save(update_fields=fields)
    record(actor, "uptime.incident_updated", incident, staff=True, status=status)
    return update


@transaction.atomic
def set_postmortem(incident: Incident, *, actor, text: str) -> Incident:
    incident.postmortem = text
    incident.postmortem_at = timezone.now() if text.strip() else None
    incident.updated_at = timezone.now()
    incident.save(update_fields=["postmortem", "postmortem_at", "updated_at"])
    record(actor, "uptime.postmortem_written", incident, staff=True)
    return incident
