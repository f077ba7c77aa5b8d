"""Staff incident pages: open, update, post-mortem."""

from belvedere.activity.models import Entry
from belvedere.uptime.models import Incident
from belvedere.uptime.services import incidents


def test_open_update_and_resolve(login_as, dave):
    client = login_as(dave)
    response = client.post(
        "/uptime/incidents/new/",
        {
            "title": "Login slow",
            "status": "investigating",
            "impact": "minor",
            "body": "Looking.",
            "is_public": "on",
        },
    )
    incident = Incident.objects.get()
    assert response.status_code == 302 and incident.is_public
    assert client.get(f"/uptime/incidents/{incident.pk}/").status_code == 200
    client.post(
        f"/uptime/incidents/{incident.pk}/update/", {"status": "monitoring", "body": "Fix out."}
    )
    incident.refresh_from_db()
    assert incident.status == "monitoring" and incident.monitoring_at
    client.post(f"/uptime/incidents/{incident.pk}/update/", {"status": "resolved", "body": "Done."})
    incident.refresh_from_db()
    assert incident.resolved_at is not None and incident.updates.count() == 3
    client.post(f"/uptime/incidents/{incident.pk}/postmortem/", {"postmortem": "## Why\nA bug."})
    incident.refresh_from_db()
    assert incident.postmortem_at is not None
    verbs = set(Entry.objects.filter(is_staff_action=True).values_list("verb", flat=True))
    assert {
        "uptime.incident_created",
        "uptime.incident_updated",
        "uptime.postmortem_written",
    } <= verbs
    assert client.get("/uptime/incidents/?format=csv").status_code == 200


def test_bad_input(login_as, dave):
    client = login_as(dave)
    assert client.post("/uptime/incidents/new/", {"title": ""}).status_code == 400
    incident = incidents.create_incident(actor=dave, title="x", body="y")
    bad = client.post(f"/uptime/incidents/{incident.pk}/update/", {"status": "nope", "body": ""})
    assert bad.status_code == 400
    assert (
        client.post(
            "/uptime/incidents/999/update/", {"status": "resolved", "body": "x"}
        ).status_code
        == 404
    )


def test_members_cannot_post_updates(login_as, carol, dave):
    incident = incidents.create_incident(actor=dave, title="x", body="y")
    client = login_as(carol)
    assert client.get(f"/uptime/incidents/{incident.pk}/").status_code == 403
    response = client.post(
        f"/uptime/incidents/{incident.pk}/update/", {"status": "resolved", "body": "x"}
    )
    assert response.status_code == 403 and Incident.objects.get().resolved_at is None
