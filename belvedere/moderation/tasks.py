"""Moderation's background tasks: thin entrypoints that call the services."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.moderation.services.intake import review_entry_id
from belvedere.moderation.services.submissions import prune_submissions
from belvedere.moderation.services.trust import recompute_trust_levels


@db_task(retries=2, retry_delay=30)
def review_entry_task(entry_id: int) -> None:
    review_entry_id(entry_id)


@db_periodic_task(crontab(hour="3", minute="17"))
def recompute_trust_task() -> int:
    """Each night: recompute members' trust levels from the ledger."""
    return recompute_trust_levels()


@db_periodic_task(crontab(hour="4", minute="7"))
def prune_submissions_task() -> int:
    return prune_submissions()
