"""Forum background tasks: thin, idempotent, taking ids."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.forum.services import emails
from belvedere.forum.services.ledger import handle_entry_id


@db_task(retries=2, retry_delay=30)
def process_entry(entry_id: int) -> list[int]:
    """Index, link mentions and notify after a forum ledger entry; queue immediate e-mails."""
    ids = handle_entry_id(entry_id)
    for notification_id in ids:
        email_notification(notification_id)
    return ids


@db_task(retries=3, retry_delay=60)
def email_notification(notification_id: int) -> bool:
    return emails.send_notification_email(notification_id)


@db_periodic_task(crontab(minute="0", hour="7"))
def send_daily_digests() -> int:
    """Every day at 07:00 UTC."""
    return emails.send_daily_digests()
