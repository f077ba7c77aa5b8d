"""Emails about events: reminders the day before (a periodic task) and invitations."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from belvedere.engagement.models import Event, EventStatus, RegistrationStatus

REMINDER_AHEAD = timedelta(hours=24)


def _claim_due(now) -> list[int]:
    """Mark due events as reminded and return their ids (an update: two workers never both send)."""
    due = Event.objects.filter(
        status=EventStatus.PUBLISHED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMINDER_AHEAD,
    )
    ids = list(due.values_list("pk", flat=True))
    claimed = []
    for pk in ids:
        if Event.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now):
            claimed.append(pk)
    return claimed


def send_event_reminders(event_id: int) -> int:
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    url = settings.BASE_URL + reverse("engagement:event", args=[event.pk])
    registrations = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    sent = 0
    for registration in registrations.select_related("user"):
        user = registration.user
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {"user": user, "event": event, "url": url, "registration": registration}
            subject = render_to_string("engagement/email/reminder_subject.txt", context).strip()
            body = render_to_string("engagement/email/reminder.txt", context)
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent


def send_due_reminders(now=None) -> dict[int, int]:
    now = now or timezone.now()
    return {pk: send_event_reminders(pk) for pk in _claim_due(now)}


def send_event_invitations(event_id: int, user_ids: list[int]) -> int:
    """Email the members just invited to an invitation-only (or any) event, each in their
    language, with the event's address."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    url = settings.BASE_URL + reverse("engagement:event", args=[event.pk])
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    for user in users:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {"user": user, "event": event, "url": url}
            subject = render_to_string("engagement/email/event_invitation_subject.txt", context)
            body = render_to_string("engagement/email/event_invitation.txt", context)
        send_mail(subject.strip(), body, None, [user.email])
    return len(users)
