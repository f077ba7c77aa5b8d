"""The calendar output parsed back with icalendar and checked against RFC 5545 rules."""

import datetime as dt

import icalendar
import pytest

from belvedere.engagement import ics


def _parse(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


def _check_rfc5545(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    assert calendar["VERSION"] == "2.0"  # RFC 5545 3.7.4
    assert str(calendar["PRODID"]).startswith("-//Belvedere//")  # 3.7.3
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    events = calendar.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)  # 3.8.4.7: globally unique
    for event in events:
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"]  # 3.6.1 required
        stamp = event["DTSTAMP"]
        assert stamp.to_ical().endswith(b"Z")  # 3.8.7.2: DTSTAMP in UTC
        start = event["DTSTART"]
        tzid = start.params.get("TZID")
        if tzid:  # 3.2.19: a TZID names a VTIMEZONE of the same calendar
            assert tzid in zones
        else:
            assert start.to_ical().endswith(b"Z")
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    return events


@pytest.mark.django_db
def test_ics_event_round_trips_with_timezone(make_event):
    start = dt.datetime(2030, 6, 15, 17, 0, tzinfo=dt.UTC)  # 19:00 in Paris (CEST)
    event = make_event(title="Apéro communauté", starts_at=start, capacity=20)
    calendar = _parse(ics.calendar_bytes([event]))
    (vevent,) = _check_rfc5545(calendar)
    assert str(vevent["UID"]) == f"{event.uid}@belvedere"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    local = vevent.decoded("DTSTART")
    assert (local.hour, local.minute) == (19, 0)
    assert local.astimezone(dt.UTC) == start
    assert str(vevent["SUMMARY"]) == "Apéro communauté"
    assert "La Cordée" in str(vevent["LOCATION"])
    assert str(vevent["STATUS"]) == "CONFIRMED"


@pytest.mark.django_db
def test_ics_feed_has_one_vtimezone_per_zone_and_online_location(make_event):
    online = make_event(
        title="AMA",
        kind="online",
        video_url="https://meet.example/ama",
        venue="",
        time_zone="America/Montreal",
    )
    physical = make_event(title="Meetup")
    utc = make_event(title="UTC talk", time_zone="UTC")
    calendar = _parse(ics.calendar_bytes([online, physical, utc], name="Belvedere"))
    events = _check_rfc5545(calendar)
    assert len(events) == 3
    zones = sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE"))
    assert zones == ["America/Montreal", "Europe/Paris"]
    by_title = {str(e["SUMMARY"]): e for e in events}
    assert str(by_title["AMA"]["LOCATION"]) == "https://meet.example/ama"


@pytest.mark.django_db
def test_ics_sequence_grows_on_edit_and_cancel(make_event, dave):
    from belvedere.engagement.services import events as services

    event = make_event()
    services.update_event(event, actor=dave, title="Meetup Lyon #2")
    services.cancel_event(event, actor=dave)
    (vevent,) = _check_rfc5545(_parse(ics.calendar_bytes([event])))
    assert vevent["SEQUENCE"] == 2
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_ics_views_serve_text_calendar(client, make_event, carol):
    event = make_event(invitation_only=False)
    response = client.get(f"/engagement/events/{event.pk}/event.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    _check_rfc5545(_parse(response.content))
    feed = client.get("/engagement/events/calendar.ics")
    assert feed.status_code == 200
    _check_rfc5545(_parse(feed.content))


def test_ics_hides_invitation_only_events(client, make_event):
    secret = make_event(title="Secret", invitation_only=True)
    assert client.get(f"/engagement/events/{secret.pk}/event.ics").status_code == 404
    assert b"Secret" not in client.get("/engagement/events/calendar.ics").content
