"""Events: create, edit, cancel, invite; registration with a waiting list; check-in; feedback.

Registrations and cancellations lock the event row (`select_for_update`, a row lock on
PostgreSQL; SQLite runs one writer at a time) before counting seats, so concurrent requests
cannot overbook, and a cancellation promotes the first person of the waiting list in the
same transaction.
"""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.engagement.models import (
    Event,
    EventFeedback,
    EventInvitation,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from belvedere.engagement.permissions import can_register

EDITABLE = (
    "title",
    "description",
    "kind",
    "format",
    "status",
    "starts_at",
    "ends_at",
    "time_zone",
    "video_url",
    "venue",
    "address",
    "capacity",
    "invitation_only",
)


def _check_times(values: dict) -> None:
    if values["ends_at"] <= values["starts_at"]:
        raise ValidationError({"ends_at": _("An event ends after it starts.")})


@transaction.atomic
def create_event(*, actor, **values) -> Event:
    _check_times(values)
    event = Event.objects.create(
        created_by=actor, **{k: values[k] for k in values if k in EDITABLE}
    )
    record(actor, "engagement.event.create", event, staff=True)
    return event


@transaction.atomic
def update_event(event: Event, *, actor, **values) -> list[str]:
    _check_times({**{k: getattr(event, k) for k in ("starts_at", "ends_at")}, **values})
    changed = [k for k in EDITABLE if k in values and getattr(event, k) != values[k]]
    for name in changed:
        setattr(event, name, values[name])
    if changed:
        event.sequence += 1
        event.updated_at = timezone.now()
        event.save(update_fields=[*changed, "sequence", "updated_at"])
        record(actor, "engagement.event.update", event, staff=True, fields=changed)
    if "capacity" in changed:
        _promote(event)
    return changed


@transaction.atomic
def link_thread(event: Event, topic, *, actor) -> None:
    event.topic = topic
    event.save(update_fields=["topic"])
    record(actor, "engagement.event.thread", event, staff=True, topic=topic.pk if topic else None)


def _seats_left(event: Event) -> int | None:
    if event.capacity is None:
        return None
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    return max(event.capacity - confirmed, 0)


def _promote(event: Event) -> list[Registration]:
    """Move people up from the waiting list while seats are free (caller holds the lock)."""
    left = _seats_left(event)
    waiting = event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "queued_at", "pk"
    )
    promoted = list(waiting if left is None else waiting[:left])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        record(None, "engagement.event.promote", event, user=registration.user_id)
    return promoted


def _new_code() -> str:
    return secrets.token_hex(4).upper()


@transaction.atomic
def register(event: Event, *, user, invited: bool = False) -> Registration:
    """A seat if one is free, else a place at the end of the waiting list."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not can_register(user, event, invited=invited):
        raise PermissionDenied(_("Registration for this event is not open to you."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration and registration.status != RegistrationStatus.CANCELLED:
        return registration
    left = _seats_left(event)
    status = RegistrationStatus.CONFIRMED if left is None or left > 0 else "waitlisted"
    now = timezone.now()
    if registration is None:
        registration = Registration(event=event, user=user, checkin_code=_new_code())
    registration.status, registration.queued_at, registration.cancelled_at = status, now, None
    registration.save()
    record(user, "engagement.event.register", event, status=status)
    return registration


@transaction.atomic
def cancel_registration(registration: Registration, *, actor) -> list[Registration]:
    """Cancel; returns the registrations promoted from the waiting list into the freed seat."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return []
    registration.status, registration.cancelled_at = "cancelled", timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    staff = actor.pk != registration.user_id
    record(
        actor, "engagement.event.cancel_registration", event, staff=staff, user=registration.user_id
    )
    return _promote(event)


@transaction.atomic
def cancel_event(event: Event, *, actor, reason: str = "") -> bool:
    if event.status == EventStatus.CANCELLED:
        return False
    event.status, event.sequence = EventStatus.CANCELLED, event.sequence + 1
    event.save(update_fields=["status", "sequence"])
    record(actor, "engagement.event.cancel", event, reason=reason, staff=True)
    return True


@transaction.atomic
def invite_members(event: Event, users, *, actor) -> int:
    existing = set(event.invitations.values_list("user_id", flat=True))
    new = [
        EventInvitation(event=event, user=u, invited_by=actor)
        for u in users
        if u.pk not in existing
    ]
    EventInvitation.objects.bulk_create(new)
    if new:
        ids = [i.user_id for i in new]
        record(actor, "engagement.event.invite", event, staff=True, users=ids)
        transaction.on_commit(lambda: _queue_invitation_emails(event.pk, ids))
    return len(new)


def _queue_invitation_emails(event_id: int, user_ids: list[int]) -> None:
    from belvedere.engagement.tasks import send_event_invitations  # tasks import services

    send_event_invitations(event_id, user_ids)


@transaction.atomic
def check_in(event: Event, code: str, *, actor) -> Registration:
    registration = (
        Registration.objects.select_for_update()
        .select_related("user")
        .filter(event=event, checkin_code=code.strip().upper())
        .first()
    )
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(_("No confirmed registration has this code."), code="bad_code")
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
        record(actor, "engagement.event.check_in", event, staff=True, user=registration.user_id)
    return registration


@transaction.atomic
def submit_feedback(
    event: Event, *, user, rating: int, comment: str = "", answers: dict | None = None
) -> EventFeedback:
    attended = event.registrations.filter(user=user, status=RegistrationStatus.CONFIRMED)
    if not event.is_past or not attended.exists():
        raise PermissionDenied(_("Feedback opens to attendees once the event is over."))
    feedback, _created = EventFeedback.objects.update_or_create(
        event=event,
        user=user,
        defaults={"rating": rating, "comment": comment, "answers": answers or {}},
    )
    record(user, "engagement.event.feedback", event, rating=rating)
    return feedback
