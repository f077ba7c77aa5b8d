"""Background work: flush the event buffer, roll up, rotate salts, KPIs, periodic reports."""

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from belvedere.analytics.services.flush import flush_events
from belvedere.analytics.services.objectives import snapshot_kpis
from belvedere.analytics.services.reports import periodic_report
from belvedere.analytics.services.rollup import rollup_day
from belvedere.analytics.services.salts import rotate_salts


@db_periodic_task(crontab(minute="*"))
@lock_task("analytics-flush")
def flush() -> int:
    return flush_events()


@db_periodic_task(crontab(minute="*/5"))
@lock_task("analytics-rollup")
def rollup_recent() -> int:
    now = timezone.now()
    days = {now.date(), (now - timedelta(minutes=30)).date()}
    flush_events()
    return sum(rollup_day(day) for day in sorted(days))


@db_periodic_task(crontab(minute="0", hour="0"))
def rotate() -> int:
    return rotate_salts()


@db_periodic_task(crontab(minute="30", hour="0"))
def kpis() -> int:
    return snapshot_kpis()


@db_periodic_task(crontab(minute="0", hour="6", day_of_week="1"))
def weekly_report() -> int | None:
    report = periodic_report("weekly")
    return report.pk if report else None


@db_periodic_task(crontab(minute="0", hour="6", day="1"))
def monthly_report() -> int | None:
    report = periodic_report("monthly")
    return report.pk if report else None


@db_task()
def email_report_task(report_id: int, emails: list[str]) -> int:
    from belvedere.analytics.models import Report
    from belvedere.analytics.services.reports import email_report

    report = Report.objects.filter(pk=report_id).first()
    return email_report(report, emails) if report else 0
