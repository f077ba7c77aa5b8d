"""Reports: compose the indicators of a period, archive them as HTML, render PDF, email them."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.analytics import charts
from belvedere.analytics.metrics import METRICS
from belvedere.analytics.models import Report, ReportKind, ReportSubscription
from belvedere.analytics.queries import community, levels, traffic
from belvedere.analytics.queries.periods import Period
from belvedere.analytics.recommendations import recommend

log = logging.getLogger(__name__)

REPORT_METRICS = [
    "traffic.visitors", "traffic.pageviews", "traffic.bounce_rate", "traffic.visit_duration",
    "community.active_members", "community.posts", "community.topics", "community.signups",
    "community.logins", "community.searches", "engagement.contributors", "engagement.champions",
    "community.answered_share", "community.first_reply_hours", "satisfaction.nps",
    "satisfaction.csat", "content.post_sentiment", "content.mention_sentiment",
    "content.negative_mentions", "content.complaints", "content.flags",
]  # fmt: skip


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the system libraries it needs) cannot be loaded here."""


def last_week(today: date) -> Period:
    monday = today - timedelta(days=today.weekday())
    return Period(monday - timedelta(days=7), monday - timedelta(days=1))


def last_month(today: date) -> Period:
    last = today.replace(day=1) - timedelta(days=1)
    return Period(last.replace(day=1), last)


def _indicator(key: str, period: Period, previous: Period) -> dict:
    metric = METRICS[key]
    value, before = metric.compute(period), metric.compute(previous)
    return {"key": key, "label": str(metric.label), "unit": metric.unit, "value": value,
            "previous": before, "change": metric.change(value, before),
            "change_unit": metric.change_unit,
            "higher_is_better": metric.higher_is_better, "source": str(metric.source)}  # fmt: skip


def compose(period: Period) -> dict:
    """Every figure a report shows, as JSON-ready data (dates as ISO strings)."""
    previous = period.previous()
    series = traffic.traffic_series(period)
    return {
        "period": [period.first.isoformat(), period.last.isoformat()],
        "previous": [previous.first.isoformat(), previous.last.isoformat()],
        "indicators": {key: _indicator(key, period, previous) for key in REPORT_METRICS},
        "questions": community.questions(period),
        "categories": community.questions_by_category(period),
        "categories_previous": community.questions_by_category(previous),
        "top_pages": traffic.breakdown("page", period, limit=10),
        "sources": traffic.breakdown("source", period, limit=10),
        "contributors": community.top_contributors(period, limit=10),
        "traffic": [{**row, "day": row["day"].isoformat()} for row in series],
        "actions": community.actions_series(period),
        "levels": [{**r, "day": r["day"].isoformat()} for r in levels.engagement_levels(period)],
    }


def render_html(report: Report) -> str:
    figures = report.figures
    days = [row["day"] for row in figures.get("traffic", [])]
    context = {
        "report": report,
        "figures": figures,
        "indicators": list(figures.get("indicators", {}).values()),
        "recommendations": report.recommendations,
        "traffic_chart": charts.traffic_chart(figures.get("traffic", [])),
        "actions_chart": charts.actions_chart(days, figures.get("actions", {})),
        "levels_chart": charts.levels_chart(figures.get("levels", [])),
        "pages_chart": charts.breakdown_chart(figures.get("top_pages", []), _("Top pages")),
    }
    return render_to_string("analytics/report_document.html", context)


def build_report(kind: str, period: Period, *, actor=None) -> Report:
    figures = compose(period)
    title = _("Community report, %(first)s – %(last)s") % {
        "first": period.first.isoformat(), "last": period.last.isoformat()}  # fmt: skip
    report = Report(kind=kind, start=period.first, end=period.last, title=title,
                    figures=figures, recommendations=recommend(figures),
                    created_by=actor)  # fmt: skip
    report.html = render_html(report)
    report.save()
    record(actor, "analytics.report.create", report, staff=actor is not None, kind=kind)
    return report


def pdf_of(report: Report) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(str(exc))
    return HTML(string=report.html, base_url=settings.BASE_URL).write_pdf()


def recipients(kind: str) -> list[str]:
    field = {"weekly": "weekly", "monthly": "monthly"}.get(kind)
    subs = ReportSubscription.objects.filter(user__is_active=True).select_related("user")
    if field:
        subs = subs.filter(**{field: True})
    return sorted({sub.user.email for sub in subs if sub.user.is_moderator})


def email_report(report: Report, emails: list[str]) -> int:
    if not emails:
        return 0
    message = EmailMultiAlternatives(report.title, _("The report is attached."), None, emails)
    message.attach_alternative(report.html, "text/html")
    try:
        message.attach(f"report-{report.start}.pdf", pdf_of(report), "application/pdf")
    except PdfUnavailable as exc:
        log.warning("Report %s sent without PDF: %s", report.pk, exc)
    message.send(fail_silently=False)
    report.emailed_to = sorted(set(report.emailed_to) | set(emails))
    report.save(update_fields=["emailed_to"])
    record(None, "analytics.report.email", report, recipients=len(emails))
    return len(emails)


def periodic_report(kind: str, today: date | None = None) -> Report | None:
    """Build (once) and send the weekly or monthly report that ended before `today`."""
    today = today or timezone.now().date()
    period = last_week(today) if kind == ReportKind.WEEKLY else last_month(today)
    if Report.objects.filter(kind=kind, start=period.first, end=period.last).exists():
        return None
    report = build_report(kind, period)
    email_report(report, recipients(kind))
    return report


def delete_report(report: Report, *, actor) -> None:
    record(actor, "analytics.report.delete", report, staff=True, title=report.title)
    report.delete()


def set_subscription(user, *, weekly: bool, monthly: bool) -> ReportSubscription:
    sub, _created = ReportSubscription.objects.update_or_create(
        user=user, defaults={"weekly": weekly, "monthly": monthly}
    )
    record(user, "analytics.report.subscribe", None, weekly=weekly, monthly=monthly)
    return sub
