"""Background fetching: every minute, each due source is claimed and fetched in its own task,
and the newest mentions scored by the fast text path are re-read by the accurate one."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.listening.services.alert_checks import evaluate_alerts
from belvedere.listening.services.ingest import refine
from belvedere.listening.services.sources import claim_due_sources, run_source_by_id


@db_task()
def fetch_source(source_id: int) -> bool | None:
    """Fetch one source (idempotent: mentions already stored are skipped)."""
    outcome = run_source_by_id(source_id)
    if outcome and outcome.created:
        check_alerts()
    return outcome.ok if outcome else None


@db_periodic_task(crontab(minute="*"))
def fetch_due_sources() -> list[int]:
    ids = claim_due_sources()
    for source_id in ids:
        fetch_source(source_id)
    return ids


@db_task()
def check_alerts() -> list[int]:
    """Evaluate every enabled alert (idempotent: a period or a mention is reported once)."""
    return [event.pk for event in evaluate_alerts()]


@db_periodic_task(crontab(minute="*/5"))
def check_alerts_periodically() -> list[int]:
    return [event.pk for event in evaluate_alerts()]


@db_periodic_task(crontab(minute="*"))
def refine_analysis() -> int:
    """Up to ``REFINE_BATCH`` mentions a minute get the accurate sentiment and toxicity."""
    return refine()
