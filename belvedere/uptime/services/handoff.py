"""Hand-off to the technical team's tracker, and back when the tracker issue closes."""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.uptime.models import Incident, Report, ReportStatus, Tracker
from belvedere.uptime.trackers import TrackerError, plugin_for

log = logging.getLogger(__name__)
POLL_BATCH = 100


def _report_body(report: Report) -> str:
    link = settings.BASE_URL + reverse("uptime:triage_detail", args=[report.pk])
    lines = [report.description, "", f"- {_('Kind')}: {report.get_kind_display()}"]
    lines += [f"- {_('Severity')}: {report.get_severity_display()}"]
    if report.page_url:
        lines.append(f"- {_('Page')}: {report.page_url}")
    if report.user_agent:
        lines.append(f"- {_('Browser')}: {report.user_agent}")
    lines.append(f"- {_('When')}: {report.occurred_at:%Y-%m-%d %H:%M} UTC")
    if report.kind == "suggestion":
        lines.append(f"- {_('Votes')}: {report.vote_count}")
    return "\n".join([*lines, "", link])


def hand_off_report(report: Report, tracker: Tracker, *, actor) -> Report:
    """Open an issue for `report` in `tracker`; TrackerError (nothing saved) if it fails."""
    issue = plugin_for(tracker).create_issue(
        tracker, title=report.title, body=_report_body(report), reference=f"report-{report.pk}"
    )
    with transaction.atomic():
        report.tracker = tracker
        report.tracker_issue_id = issue.id
        report.tracker_issue_url = issue.url
        report.status = ReportStatus.HANDED_OFF
        report.save(update_fields=["tracker", "tracker_issue_id", "tracker_issue_url", "status"])
        record(actor, "uptime.report_handed_off", report, staff=True, tracker=tracker.name)
    return report


def webhook_secret_ok(tracker: Tracker, body: bytes, headers, query_secret: str = "") -> bool:
    """GitHub's HMAC signature, GitLab's token header, our header, or ?secret=."""
    secret = tracker.webhook_secret.encode()
    signature = headers.get("X-Hub-Signature-256", "")
    if signature:
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(signature, expected)
    given = headers.get("X-Gitlab-Token") or headers.get("X-Belvedere-Secret") or query_secret or ""
    return bool(given) and hmac.compare_digest(given.encode(), secret)


def handle_webhook(tracker: Tracker, payload: dict) -> int:
    """Resolve the reports whose issue the webhook says was closed; returns how many."""
    issue_id = plugin_for(tracker).closed_issue(payload) if isinstance(payload, dict) else None
    return issue_closed(tracker, issue_id) if issue_id else 0


def issue_closed(tracker: Tracker, issue_id: str) -> int:
    """The tracker closed `issue_id`: resolve its reports (and their duplicates), tell reporters."""
    with transaction.atomic():
        reports = list(
            Report.objects.filter(tracker=tracker, tracker_issue_id=issue_id).exclude(
                status=ReportStatus.RESOLVED
            )
        )
        reports += list(
            Report.objects.filter(duplicate_of__in=reports).exclude(status=ReportStatus.RESOLVED)
        )
        for report in reports:
            resolve_report(report, actor=None)
    return len(reports)


def resolve_report(report: Report, *, actor) -> Report:
    report.status = ReportStatus.RESOLVED
    report.resolved_at = timezone.now()
    report.save(update_fields=["status", "resolved_at"])
    record(actor, "uptime.report_resolved", report, staff=actor is not None)
    if report.reporter_id:
        from belvedere.uptime.tasks import tell_reporter_task

        transaction.on_commit(lambda: tell_reporter_task(report.pk))
    return report


def tell_reporter(report_id: int) -> None:
    report = Report.objects.select_related("reporter").filter(pk=report_id).first()
    if report is None or report.reporter is None or not report.reporter.is_active:
        return
    subject = _("[Belvedere] Fixed: %(title)s") % {"title": report.title}
    body = _(
        "Hello %(name)s,\n\nThe problem or suggestion you sent on %(date)s, “%(title)s”, "
        "has been dealt with by the technical team. Thank you for telling us.\n"
    ) % {
        "name": report.reporter.display_name,
        "date": f"{report.created_at:%Y-%m-%d}",
        "title": report.title,
    }
    send_mail(subject, body, None, [report.reporter.email])


def poll_open_issues() -> int:
    """Ask API trackers about handed-off reports; returns how many were resolved."""
    resolved = 0
    rows = Report.objects.filter(status=ReportStatus.HANDED_OFF, tracker__is_active=True)
    rows = rows.exclude(tracker_issue_id="").select_related("tracker")
    for report in rows.order_by("pk")[:POLL_BATCH]:
        try:
            closed = plugin_for(report.tracker).is_closed(report.tracker, report.tracker_issue_id)
        except TrackerError as exc:
            log.warning("Polling %s for report %s failed: %s", report.tracker, report.pk, exc)
            continue
        if closed:
            resolved += issue_closed(report.tracker, report.tracker_issue_id)
    return resolved


def open_incident_issue(incident_id: int) -> None:
    incident = Incident.objects.select_related("tracker", "monitor").filter(pk=incident_id).first()
    if incident is None or incident.tracker is None or incident.tracker_issue_id:
        return
    update = incident.updates.order_by("created_at").first()
    issue = plugin_for(incident.tracker).create_issue(
        incident.tracker,
        title=incident.title,
        body=update.body if update else incident.title,
        reference=f"incident-{incident.pk}",
    )
    incident.tracker_issue_id, incident.tracker_issue_url = issue.id, issue.url
    incident.save(update_fields=["tracker_issue_id", "tracker_issue_url"])


def close_incident_issue(incident_id: int) -> None:
    incident = Incident.objects.select_related("tracker").filter(pk=incident_id).first()
    if incident is None or incident.tracker is None or not incident.tracker_issue_id:
        return
    update = incident.updates.first()
    comment = update.body if update else _("Resolved.")
    plugin_for(incident.tracker).close_issue(
        incident.tracker, incident.tracker_issue_id, comment=comment
    )
