"""Uptime background tasks: thin entrypoints that call the runner and the services."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.uptime.checks.runner import run_checks
from belvedere.uptime.services import alerts, handoff, rollups

RUN_SECONDS = 55


@db_periodic_task(crontab(minute="*"))
def run_checks_task() -> int:
    """Each minute: probe monitors as they fall due for the next ~55 s (claims every second)."""
    return run_checks(seconds=RUN_SECONDS).checks


@db_periodic_task(crontab(minute="5"))
def rollup_task() -> int:
    """Each hour: roll raw results up per hour and per day, then prune old raw results."""
    return rollups.roll_up_and_prune()


@db_periodic_task(crontab(minute="*/10"))
def poll_trackers_task() -> int:
    """Every 10 minutes: ask trackers whether handed-off issues were closed."""
    return handoff.poll_open_issues()


@db_task(retries=2, retry_delay=60)
def deliver_alert_task(alert_id: int) -> None:
    alerts.deliver_alert(alert_id)


@db_task(retries=2, retry_delay=60)
def open_incident_issue_task(incident_id: int) -> None:
    handoff.open_incident_issue(incident_id)


@db_task(retries=2, retry_delay=60)
def close_incident_issue_task(incident_id: int) -> None:
    handoff.close_incident_issue(incident_id)


@db_task(retries=2, retry_delay=60)
def tell_reporter_task(report_id: int) -> None:
    handoff.tell_reporter(report_id)
