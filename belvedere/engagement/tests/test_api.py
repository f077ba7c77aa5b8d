"""/api/v1/engagement: success, denied and bad input for every endpoint."""

import json

import icalendar
import pytest

from belvedere.engagement.models import Application, MergeRecord, MergeSuggestion, Registration
from belvedere.engagement.services import ambassadors, merges

API = "/api/v1/engagement"


@pytest.fixture
def as_(client, token_for):
    def call(user, method, path, body=None, **params):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"} if user else {}
        send = getattr(client, method)
        if body is not None:
            return send(API + path, json.dumps(body), content_type="application/json", **headers)
        return send(API + path, params or None, **headers)

    return call


@pytest.fixture
def pair(make_person):
    a = make_person("Zoé", ("mastodon", "zoe@m.social", "zoe@example.com"))
    b = make_person("Zoe", ("reddit", "zoe_r", "zoe@example.com"))
    merges.suggest_merges()
    return a, b


def test_api_people(as_, dave, carol, pair):
    assert as_(carol, "get", "/persons").status_code == 403
    assert as_(None, "get", "/persons").status_code == 401
    listed = as_(dave, "get", "/persons", q="zo").json()
    assert listed["count"] == 2
    assert as_(dave, "get", "/persons", level="bogus").status_code == 422
    detail = as_(dave, "get", f"/persons/{pair[0].pk}").json()
    assert detail["identities"][0]["handle"] == "zoe@m.social" and detail["timeline"] == []
    assert as_(carol, "get", f"/persons/{pair[0].pk}").status_code == 403
    assert as_(dave, "get", "/persons/99999").status_code == 404
    assert as_(dave, "post", "/persons/sync").json()["members"] == 2


def test_api_merges(as_, dave, carol, pair):
    suggestion = MergeSuggestion.objects.get()
    assert as_(carol, "get", "/merges/suggestions").status_code == 403
    assert as_(dave, "get", "/merges/suggestions").json()["items"][0]["reason"] == "email"
    assert as_(carol, "post", f"/merges/suggestions/{suggestion.pk}/accept").status_code == 403
    merged = as_(dave, "post", f"/merges/suggestions/{suggestion.pk}/accept")
    assert merged.status_code == 200
    assert as_(dave, "post", f"/merges/suggestions/{suggestion.pk}/accept").status_code == 422
    assert (
        as_(dave, "post", f"/merges/suggestions/{suggestion.pk}/reject").json()["status"]
        == "accepted"
    )
    merge = MergeRecord.objects.get()
    assert as_(dave, "get", "/merges").json()["count"] == 1
    assert as_(carol, "post", f"/merges/{merge.pk}/unmerge").status_code == 403
    assert as_(dave, "post", f"/merges/{merge.pk}/unmerge").status_code == 200
    assert as_(dave, "post", f"/merges/{merge.pk}/unmerge").status_code == 422


def test_api_levels(as_, dave, carol):
    rules = as_(dave, "get", "/levels").json()
    assert rules["half_life_days"] == 30
    assert as_(carol, "get", "/levels").status_code == 403
    assert as_(carol, "put", "/levels", rules).status_code == 403
    assert as_(dave, "put", "/levels", {**rules, "half_life_days": 0}).status_code == 422
    assert as_(dave, "put", "/levels", {**rules, "champion_at": 1}).status_code == 422
    assert as_(dave, "put", "/levels", {**rules, "half_life_days": 7}).json()["half_life_days"] == 7
    assert as_(dave, "post", "/levels/recompute").json() == {"scored": 0}


def test_api_ambassadors(as_, dave, carol, mallory, bob):
    assert as_(carol, "post", "/ambassadors", {"user_id": mallory.pk}).status_code == 403
    assert (
        as_(dave, "post", "/ambassadors", {"user_id": mallory.pk, "tier": "x"}).status_code == 422
    )
    assert as_(dave, "post", "/ambassadors", {"user_id": bob.pk}).status_code == 422  # team
    assert as_(dave, "post", "/ambassadors", {"user_id": 99999}).status_code == 404
    made = as_(dave, "post", "/ambassadors", {"user_id": carol.pk, "tier": "gold"})
    assert made.status_code == 201
    token = ambassadors.Ambassador.objects.get().token
    assert (
        as_(mallory, "post", f"/ambassadors/invitation/{token}", {"accept": True}).status_code
        == 404
    )
    assert (
        as_(carol, "post", f"/ambassadors/invitation/{token}", {"accept": True}).json()["status"]
        == "active"
    )
    assert (
        as_(carol, "post", f"/ambassadors/invitation/{token}", {"accept": True}).status_code == 422
    )
    assert as_(dave, "get", "/ambassadors").json()[0]["display_name"] == "Carol"
    assert as_(carol, "get", "/ambassadors").status_code == 403
    assert as_(dave, "get", "/ambassadors/candidates").json() == []
    amb_id = made.json()["id"]
    assert as_(dave, "get", f"/ambassadors/{amb_id}/impact").json() == []
    assert as_(carol, "get", f"/ambassadors/{amb_id}/impact").status_code == 403
    badges = as_(mallory, "get", "/badges", user_ids=[carol.pk, mallory.pk]).json()
    assert badges == {str(carol.pk): "Ambassador · Gold"}
    assert as_(mallory, "get", "/badges", user_ids="x").status_code == 422


def test_api_events(as_, dave, carol, mallory, make_event):
    body = {
        "title": "AMA",
        "kind": "online",
        "format": "ama",
        "capacity": 1,
        "starts_at": "2031-05-01T18:00:00+02:00",
        "ends_at": "2031-05-01T19:00:00+02:00",
        "video_url": "https://meet.example/x",
    }
    assert as_(carol, "post", "/events", body).status_code == 403
    assert as_(dave, "post", "/events", {**body, "kind": "bogus"}).status_code == 422
    assert (
        as_(dave, "post", "/events", {**body, "ends_at": "2031-05-01T10:00:00+02:00"}).status_code
        == 422
    )
    assert as_(dave, "post", "/events", {**body, "time_zone": "Mars/Olympus"}).status_code == 422
    assert as_(dave, "post", "/events", {**body, "capacity": 0}).status_code == 422
    event_id = as_(dave, "post", "/events", body).json()["id"]
    assert as_(carol, "get", "/events").json()["count"] == 1
    assert as_(carol, "get", "/events", when="bogus").status_code == 422
    assert as_(carol, "get", f"/events/{event_id}").json()["title"] == "AMA"
    first = as_(carol, "post", f"/events/{event_id}/register").json()
    second = as_(mallory, "post", f"/events/{event_id}/register").json()
    assert (first["status"], second["status"], second["waitlist_position"]) == (
        "confirmed",
        "waitlisted",
        1,
    )
    assert as_(mallory, "post", f"/registrations/{first['id']}/cancel").status_code == 404
    assert (
        as_(carol, "post", f"/registrations/{first['id']}/cancel").json()["status"] == "cancelled"
    )
    assert Registration.objects.get(pk=second["id"]).status == "confirmed"
    calendar = icalendar.Calendar.from_ical(as_(carol, "get", f"/events/{event_id}/ics").content)
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "AMA"
    code = Registration.objects.get(pk=second["id"]).checkin_code
    assert as_(carol, "post", f"/events/{event_id}/checkin", {"code": code}).status_code == 403
    assert as_(dave, "post", f"/events/{event_id}/checkin", {"code": "NOPE"}).status_code == 422
    assert as_(dave, "post", f"/events/{event_id}/checkin", {"code": code}).json()["checked_in_at"]
    assert as_(dave, "get", f"/events/{event_id}/figures").json()["attended"] == 1
    assert as_(carol, "get", f"/events/{event_id}/figures").status_code == 403
    secret = make_event(invitation_only=True)
    assert as_(carol, "get", f"/events/{secret.pk}").status_code == 404
    assert as_(carol, "post", f"/events/{secret.pk}/register").status_code == 404


def test_api_programmes(as_, dave, carol, mallory):
    body = {"title": "Beta", "description": "Try it", "terms": "Secret", "seats": 2}
    assert as_(carol, "post", "/programmes", body).status_code == 403
    assert as_(dave, "post", "/programmes", {**body, "min_level": "god"}).status_code == 422
    assert as_(dave, "post", "/programmes", {**body, "title": ""}).status_code == 422
    pid = as_(dave, "post", "/programmes", body).json()["id"]
    assert as_(carol, "get", "/programmes").json()[0]["id"] == pid
    assert as_(carol, "get", f"/programmes/{pid}").status_code == 200
    assert (
        as_(carol, "post", f"/programmes/{pid}/apply", {"accept_terms": False}).status_code == 422
    )
    applied = as_(
        carol, "post", f"/programmes/{pid}/apply", {"accept_terms": True, "motivation": "me"}
    )
    assert applied.json()["status"] == "applied"
    aid = Application.objects.get().pk
    assert as_(carol, "get", f"/programmes/{pid}/applications").status_code == 403
    assert as_(dave, "get", f"/programmes/{pid}/applications").json()[0]["id"] == aid
    assert (
        as_(carol, "post", f"/programmes/{pid}/applications/{aid}", {"select": True}).status_code
        == 403
    )
    assert (
        as_(dave, "post", f"/programmes/{pid}/applications/{aid}", {"select": "x"}).status_code
        == 422
    )
    assert (
        as_(dave, "post", f"/programmes/{pid}/applications/{aid}", {"select": True}).json()[
            "status"
        ]
        == "selected"
    )
    assert as_(dave, "get", f"/programmes/{pid}/results").json()["selected"] == 1
    assert as_(mallory, "get", f"/programmes/{pid}/results").status_code == 403
