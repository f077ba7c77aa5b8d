"""Background work: scores every night, reminders every hour, invitations, referrals."""

from django.contrib.auth import get_user_model
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from belvedere.engagement.services import ambassadors, programmes, reminders, scoring


@db_periodic_task(crontab(minute="17", hour="3"))
def recompute_scores() -> int:
    return scoring.recompute_scores()


@db_periodic_task(crontab(minute="5"))
def send_reminders() -> dict[int, int]:
    return reminders.send_due_reminders()


@db_task()
def attribute_referral(user_id: int, code: str) -> bool:
    user = get_user_model().objects.filter(pk=user_id).first()
    return user is not None and ambassadors.attribute_signup(user, code) is not None


@db_task(retries=2, retry_delay=60)
def send_event_invitations(event_id: int, user_ids: list[int]) -> int:
    return reminders.send_event_invitations(event_id, user_ids)


@db_task(retries=2, retry_delay=60)
def send_programme_call(programme_id: int) -> int:
    return programmes.email_call(programme_id)
