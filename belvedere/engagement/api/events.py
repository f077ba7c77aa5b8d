"""/api/v1/engagement: events, registration, cancellation, calendar, check-in."""

import zoneinfo

from django.http import HttpResponse
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from belvedere.engagement import ics
from belvedere.engagement.api.common import domain_errors, forbid_unless
from belvedere.engagement.forms import InviteMembersForm
from belvedere.engagement.models import EventFormat, EventKind, EventStatus
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries import events as queries
from belvedere.engagement.schemas import (
    CheckInIn,
    EventIn,
    EventInviteIn,
    EventOut,
    RegistrationOut,
)
from belvedere.engagement.services import events as services

router = Router()


def _check(payload: EventIn) -> dict | None:
    if payload.kind not in EventKind.values or payload.format not in EventFormat.values:
        return {"detail": "Unknown kind or format."}
    if payload.status not in EventStatus.values:
        return {"detail": "Unknown status."}
    if payload.ends_at <= payload.starts_at or payload.starts_at.tzinfo is None:
        return {"detail": "Give aware times, the end after the start."}
    if payload.time_zone not in zoneinfo.available_timezones():
        return {"detail": "Unknown time zone."}
    return None


def _out(registration) -> RegistrationOut:
    registration.waitlist_position = queries.waitlist_position(registration)
    return registration


@router.get("/events", response=list[EventOut], summary="Events you may see")
@paginate(PageNumberPagination, page_size=50)
def events(request, when: str = Query("upcoming", pattern="^(upcoming|past|all)$")):
    return queries.list_events(request.auth, when=when)


@router.post("/events", response={201: EventOut, 422: dict}, summary="Create an event")
def create_event(request, payload: EventIn):
    forbid_unless(can_manage_engagement(request.auth))
    if problem := _check(payload):
        return 422, problem
    with domain_errors():
        return 201, services.create_event(actor=request.auth, **payload.dict())


@router.get("/events/{event_id}", response=EventOut, summary="One event")
def event(request, event_id: int):
    return queries.get_event_for_user(request.auth, event_id)


@router.get("/events/{event_id}/figures", response=dict, summary="Seats, attendance, no-shows")
def figures(request, event_id: int):
    found = queries.get_event_for_user(request.auth, event_id)
    forbid_unless(can_manage_engagement(request.auth))
    return queries.event_figures(found)


@router.post("/events/{event_id}/register", response=RegistrationOut, summary="Register")
def register(request, event_id: int):
    found = queries.get_event_for_user(request.auth, event_id)
    with domain_errors():
        registration = services.register(
            found, user=request.auth, invited=queries.is_invited(request.auth, found)
        )
    return _out(registration)


@router.post("/registrations/{registration_id}/cancel", response=RegistrationOut)
def cancel(request, registration_id: int):
    registration = queries.get_registration_for_user(request.auth, registration_id)
    services.cancel_registration(registration, actor=request.auth)
    registration.refresh_from_db()
    return _out(registration)


@router.get("/events/{event_id}/ics", summary="The event as iCalendar (RFC 5545)")
def event_ics(request, event_id: int):
    found = queries.get_event_for_user(request.auth, event_id)
    return HttpResponse(ics.calendar_bytes([found]), content_type="text/calendar; charset=utf-8")


@router.post("/events/{event_id}/checkin", response=RegistrationOut, summary="Check in a code")
def checkin(request, event_id: int, payload: CheckInIn):
    found = queries.get_event_for_user(request.auth, event_id)
    forbid_unless(can_manage_engagement(request.auth))
    with domain_errors():
        return _out(services.check_in(found, payload.code, actor=request.auth))


@router.post("/events/{event_id}/invitations", response=dict, summary="Invite members or leaders")
def invite(request, event_id: int, payload: EventInviteIn):
    found = queries.get_event_for_user(request.auth, event_id)
    forbid_unless(can_manage_engagement(request.auth))
    form = InviteMembersForm({"emails": "\n".join(payload.emails), "leaders": payload.leaders})
    if not form.is_valid():
        raise HttpError(422, " ".join(e for errors in form.errors.values() for e in errors))
    return {
        "invited": services.invite_members(found, form.cleaned_data["emails"], actor=request.auth)
    }
