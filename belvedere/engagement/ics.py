"""iCalendar (RFC 5545) for one event and for a feed of events, with the icalendar package.

Each VEVENT has a stable UID (the event's uuid), DTSTAMP in UTC, DTSTART/DTEND in the event's
time zone with a TZID and the matching VTIMEZONE, SEQUENCE bumped on every edit, and STATUS.
"""

import zoneinfo
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from belvedere.engagement.models import Event, EventKind, EventStatus

PRODID = "-//Belvedere//Engagement events//EN"


def _zone(event: Event):
    try:
        return zoneinfo.ZoneInfo(event.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _location(event: Event) -> str:
    if event.kind == EventKind.ONLINE:
        return event.video_url
    return ", ".join(part for part in (event.venue, event.address) if part)


def event_component(event: Event, now=None) -> icalendar.Event:
    zone = _zone(event)
    url = settings.BASE_URL + reverse("engagement:event", args=[event.pk])
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.uid}@belvedere")
    vevent.add("dtstamp", (now or timezone.now()).astimezone(zoneinfo.ZoneInfo("UTC")))
    vevent.add("dtstart", event.starts_at.astimezone(zone))
    vevent.add("dtend", event.ends_at.astimezone(zone))
    vevent.add("summary", event.title)
    vevent.add("description", f"{event.description}\n\n{url}".strip())
    vevent.add("url", url)
    vevent.add("sequence", event.sequence)
    vevent.add("last-modified", event.updated_at.astimezone(zoneinfo.ZoneInfo("UTC")))
    vevent.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    if location := _location(event):
        vevent.add("location", location)
    return vevent


def calendar_bytes(events: Iterable[Event], *, name: str = "", now=None) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()
