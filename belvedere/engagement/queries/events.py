"""Reads on events: what a member may see, the gateway, registrations, rates."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.models import Role
from belvedere.engagement.models import (
    AmbassadorStatus,
    Event,
    EventInvitation,
    EventStatus,
    Level,
    Registration,
    RegistrationStatus,
)
from belvedere.engagement.permissions import can_manage_engagement, can_see_event
from belvedere.engagement.queries.feedback import summarize

CONFIRMED = Q(registrations__status=RegistrationStatus.CONFIRMED)
WAITLISTED = Q(registrations__status=RegistrationStatus.WAITLISTED)


def is_invited(user, event: Event) -> bool:
    if not user.is_authenticated:
        return False
    return EventInvitation.objects.filter(event=event, user=user).exists()


def visible_events(user) -> QuerySet[Event]:
    events = Event.objects.all()
    if can_manage_engagement(user):
        return events
    events = events.exclude(status=EventStatus.DRAFT)
    if not user.is_authenticated:
        return events.filter(invitation_only=False)
    invited = EventInvitation.objects.filter(event=OuterRef("pk"), user=user)
    return events.filter(Q(invitation_only=False) | Exists(invited))


def list_events(user, *, when: str = "upcoming", kind: str = "") -> QuerySet[Event]:
    now = timezone.now()
    events = visible_events(user).annotate(
        confirmed=Count("registrations", filter=CONFIRMED),
        waitlisted=Count("registrations", filter=WAITLISTED),
    )
    if when == "past":
        events = events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    elif when == "upcoming":
        events = events.filter(ends_at__gt=now)
    if kind:
        events = events.filter(kind=kind)
    return events


def get_event_for_user(user, event_id: int) -> Event:
    event = Event.objects.select_related("topic").filter(pk=event_id).first()
    if event is None or not can_see_event(user, event, invited=is_invited(user, event)):
        raise Http404("No such event")
    return event


def my_registration(user, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITLISTED
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def list_registrations(event: Event, status: str = "") -> QuerySet[Registration]:
    rows = event.registrations.select_related("user")
    return rows.filter(status=status) if status else rows


def get_registration_for_user(user, registration_id: int) -> Registration:
    """The member's own registration, or any for managers."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "user"), pk=registration_id
    )
    if registration.user_id != getattr(user, "pk", None) and not can_manage_engagement(user):
        raise Http404("No such registration")
    return registration


def event_figures(event: Event) -> dict:
    """Seats, waiting list, and for past events the attendance and no-show rates."""
    counts = dict(event.registrations.values_list("status").annotate(n=Count("pk")).order_by())
    confirmed = counts.get(RegistrationStatus.CONFIRMED, 0)
    attended = event.registrations.filter(checked_in_at__isnull=False).count()
    figures = {
        "confirmed": confirmed,
        "waitlisted": counts.get(RegistrationStatus.WAITLISTED, 0),
        "cancelled": counts.get(RegistrationStatus.CANCELLED, 0),
        "seats_left": None if event.capacity is None else max(event.capacity - confirmed, 0),
        "attended": attended,
        "attendance_rate": None,
        "no_show_rate": None,
    }
    if event.is_past and confirmed:
        figures["attendance_rate"] = round(attended / confirmed, 3)
        figures["no_show_rate"] = round(1 - attended / confirmed, 3)
    feedback = event.feedback.all()
    ratings = [f.rating for f in feedback]
    figures["feedback_count"] = len(ratings)
    figures["average_rating"] = round(sum(ratings) / len(ratings), 2) if ratings else None
    figures["questions"] = summarize(event.questions.all(), feedback)
    return figures


LEADER_GROUPS = {
    "ambassadors": _("Active ambassadors"),
    "champions": _("Champions"),
    "contributors": _("Contributors and champions"),
}


def list_leaders(group: str) -> QuerySet:
    """Active members of a group of leaders (team members are never counted as leaders)."""
    users = get_user_model().objects.filter(is_active=True, role=Role.MEMBER)
    if group == "ambassadors":
        return users.filter(ambassador__status=AmbassadorStatus.ACTIVE)
    levels = [Level.CHAMPION] if group == "champions" else [Level.CONTRIBUTOR, Level.CHAMPION]
    return users.filter(engagement_person__level__in=levels)
