"""Background tasks of the kernel. Tasks are thin: they call plain functions."""

from django.core.mail import send_mail
from huey import crontab
from huey.contrib.djhuey import periodic_task, task

from belvedere.core.worker import record_heartbeat


@task()
def ping(value: str = "pong") -> str:
    """Echo `value` back: proves that a worker takes tasks and returns results."""
    return value


@task(retries=3, retry_delay=60)
def send_mail_task(subject: str, body: str, recipients: list[str]) -> int:
    """Send one plain-text email from DEFAULT_FROM_EMAIL; retried when the server fails."""
    return send_mail(subject, body, None, recipients)


@periodic_task(crontab(minute="*"))
def heartbeat() -> float:
    """Every minute: shows that a worker is running periodic tasks."""
    return record_heartbeat()
