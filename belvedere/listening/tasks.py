"""Background fetching: every minute, each due source is claimed and fetched in its own task."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.listening.services.sources import claim_due_sources, run_source_by_id


@db_task()
def fetch_source(source_id: int) -> bool | None:
    """Fetch one source (idempotent: mentions already stored are skipped)."""
    outcome = run_source_by_id(source_id)
    return outcome.ok if outcome else None


@db_periodic_task(crontab(minute="*"))
def fetch_due_sources() -> list[int]:
    ids = claim_due_sources()
    for source_id in ids:
        fetch_source(source_id)
    return ids
