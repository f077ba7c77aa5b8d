"""Members' reports and suggestions: create, vote, triage."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.core import ratelimit
from belvedere.uptime.models import Report, ReportStatus, Vote

WINDOW = 3600


class TooManyReports(Exception):
    """The member sent too many reports in the last hour."""


def reports_per_hour() -> int:
    return int(getattr(settings, "UPTIME_REPORTS_PER_HOUR", 10))


def create_report(
    *,
    reporter,
    kind: str,
    title: str,
    description: str,
    page_url: str = "",
    user_agent: str = "",
    occurred_at=None,
    screenshot=None,
) -> Report:
    """File a member's report. Page URLs are stored, never fetched."""
    if ratelimit.is_limited(
        "uptime-report", str(reporter.pk), limit=reports_per_hour(), window=WINDOW
    ):
        raise TooManyReports
    with transaction.atomic():
        report = Report.objects.create(
            reporter=reporter,
            kind=kind,
            title=title,
            description=description,
            page_url=page_url[:2048],
            user_agent=user_agent[:400],
            occurred_at=occurred_at or timezone.now(),
            screenshot=screenshot or "",
        )
        record(reporter, f"uptime.{kind}_reported", report)
    ratelimit.hit("uptime-report", str(reporter.pk), window=WINDOW)
    return report


def _recount(report: Report) -> None:
    report.vote_count = Vote.objects.filter(report=report).aggregate(n=Count("id"))["n"]
    report.save(update_fields=["vote_count"])


def vote(report: Report, member, *, on: bool = True) -> Report:
    """Add (or withdraw) the member's one vote on a suggestion."""
    with transaction.atomic():
        if on:
            try:
                with transaction.atomic():
                    Vote.objects.create(report=report, member=member)
            except IntegrityError:
                return report
        elif not Vote.objects.filter(report=report, member=member).delete()[0]:
            return report
        _recount(report)
        record(member, "uptime.voted" if on else "uptime.unvoted", report)
    return report


def _tell_reporter_later(report: Report) -> None:
    if report.reporter_id:
        from belvedere.uptime.tasks import tell_reporter_task

        transaction.on_commit(lambda: tell_reporter_task(report.pk))


TRIAGE_FIELDS = ("status", "severity", "component", "duplicate_of", "staff_note")


@transaction.atomic
def triage_report(report: Report, *, actor, **changes) -> Report:
    """Set component, severity, status, duplicate-of and note; writes an audit row."""
    changed = [n for n in TRIAGE_FIELDS if n in changes and getattr(report, n) != changes[n]]
    for name in changed:
        setattr(report, name, changes[name])
    if "duplicate_of" in changed and report.duplicate_of_id:
        report.status = ReportStatus.DUPLICATE
        changed.append("status")
    if report.status == ReportStatus.NEW and changed:
        report.status = ReportStatus.TRIAGED
        changed.append("status")
    if "status" in changed and report.status == ReportStatus.RESOLVED:
        report.resolved_at = timezone.now()
        changed.append("resolved_at")
        _tell_reporter_later(report)
    if changed:
        report.save(update_fields=sorted(set(changed)))
        record(actor, "uptime.report_triaged", report, staff=True, fields=sorted(set(changed)))
    return report
