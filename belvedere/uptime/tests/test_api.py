"""The uptime API: monitors, incidents, reports."""

import pytest

from belvedere.core.models import AllowedHost
from belvedere.uptime.models import Incident, Monitor, Report

MONITOR = {
    "name": "API",
    "kind": "http",
    "url": "https://93.184.216.34/health",
    "interval_seconds": 30,
    "timeout_seconds": 5,
}


@pytest.fixture
def api(client, token_for):
    def call(user, method, path, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}
        return getattr(client, method)(
            f"/api/v1/uptime{path}", body, content_type="application/json", **headers
        )

    return call


def test_create_and_manage_a_monitor(api, dave):
    response = api(dave, "post", "/monitors", MONITOR)
    assert response.status_code == 201, response.content
    monitor_id = response.json()["id"]
    assert api(dave, "get", "/monitors").json()["count"] == 1
    assert (
        api(dave, "patch", f"/monitors/{monitor_id}", {"name": "Health"}).json()["name"] == "Health"
    )
    assert api(dave, "post", f"/monitors/{monitor_id}/pause").json()["is_paused"] is True
    assert api(dave, "post", f"/monitors/{monitor_id}/resume").json()["is_paused"] is False
    assert api(dave, "get", f"/monitors/{monitor_id}/results").json()["items"] == []
    assert api(dave, "delete", f"/monitors/{monitor_id}").status_code == 204
    assert not Monitor.objects.exists()


def test_members_cannot_touch_monitors(api, carol, make_monitor):
    monitor = make_monitor(url="https://example.com/")
    assert api(carol, "get", "/monitors").status_code == 403
    assert api(carol, "post", "/monitors", MONITOR).status_code == 403
    assert api(carol, "get", f"/monitors/{monitor.pk}").status_code == 403
    assert api(carol, "delete", f"/monitors/{monitor.pk}").status_code == 403


def test_monitor_bad_input(api, dave):
    response = api(dave, "post", "/monitors", {**MONITOR, "interval_seconds": 5, "url": "ftp://x"})
    assert response.status_code == 422
    fields = {error["loc"][-1] for error in response.json()["detail"]}
    assert {"interval_seconds", "url"} <= fields
    assert api(dave, "post", "/monitors", {"name": "x", "kind": "smtp"}).status_code == 422
    assert api(dave, "get", "/monitors/999").status_code == 404


def test_non_admin_cannot_point_a_monitor_at_loopback_unless_allowed(api, dave, alice):
    body = {**MONITOR, "url": "http://127.0.0.1:8000/"}
    refused = api(dave, "post", "/monitors", body)
    assert refused.status_code == 422 and "cannot be fetched" in refused.content.decode()
    body_tcp = {**MONITOR, "kind": "tcp", "url": "", "host": "10.0.0.5", "port": 22}
    assert api(dave, "post", "/monitors", body_tcp).status_code == 422
    AllowedHost.objects.create(host="127.0.0.1", created_by=alice)
    assert api(dave, "post", "/monitors", body).status_code == 201


def test_incidents_api(api, dave, carol):
    response = api(dave, "post", "/incidents", {"title": "Slow search", "body": "Looking into it."})
    assert response.status_code == 201
    incident_id = response.json()["id"]
    update = api(
        dave, "post", f"/incidents/{incident_id}/updates", {"status": "resolved", "body": "Fixed."}
    )
    assert update.status_code == 201 and update.json()["status"] == "resolved"
    assert Incident.objects.get().resolved_at is not None
    assert len(api(dave, "get", "/incidents").json()["items"][0]["updates"]) == 2
    assert api(carol, "get", "/incidents").status_code == 403
    assert (
        api(
            carol, "post", f"/incidents/{incident_id}/updates", {"status": "resolved", "body": "x"}
        ).status_code
        == 403
    )
    assert (
        api(
            dave, "post", f"/incidents/{incident_id}/updates", {"status": "bogus", "body": "x"}
        ).status_code
        == 422
    )
    assert api(dave, "post", "/incidents", {"title": "", "body": ""}).status_code == 422


def test_reports_api(api, carol, mallory, bob):
    body = {
        "title": "Login broken",
        "description": "The button does nothing.",
        "page_url": "https://forum.example/login",
    }
    response = api(carol, "post", "/reports", body)
    assert response.status_code == 201 and response.json()["status"] == "new"
    report_id = response.json()["id"]
    assert api(carol, "get", "/reports").json()["count"] == 1
    assert api(mallory, "get", "/reports").json()["count"] == 0  # only their own
    assert api(mallory, "patch", f"/reports/{report_id}", {"severity": "high"}).status_code == 403
    triaged = api(bob, "patch", f"/reports/{report_id}", {"severity": "high"})
    assert triaged.status_code == 200 and triaged.json()["status"] == "triaged"
    assert api(bob, "patch", f"/reports/{report_id}", {"severity": "huge"}).status_code == 422
    assert (
        api(
            carol, "post", "/reports", {"title": "x", "description": "y", "page_url": "nope"}
        ).status_code
        == 422
    )


def test_vote_api_one_vote_per_member(api, carol, mallory):
    report = Report.objects.create(
        kind="suggestion", title="Dark mode", description="Please", reporter=carol
    )
    for _ in range(2):
        assert api(mallory, "post", f"/reports/{report.pk}/vote").json()["vote_count"] == 1
    assert api(carol, "post", f"/reports/{report.pk}/vote").json()["vote_count"] == 2
    assert api(carol, "post", f"/reports/{report.pk}/vote?on=false").json()["vote_count"] == 1


def test_anonymous_api_is_401(client, db):
    assert client.get("/api/v1/uptime/monitors").status_code == 401


def test_trackers_through_the_api_never_give_the_token_back(api, dave, carol):
    github = {"name": "Bugs", "kind": "github", "project": "helios/app", "token": "ghp_s3cret"}
    assert api(carol, "post", "/trackers", github).status_code == 403
    response = api(dave, "post", "/trackers", github)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["has_token"] and "ghp_s3cret" not in response.content.decode()
    assert created["webhook_secret"] and created["webhook_url"].endswith(
        f"/trackers/{created['id']}/webhook"
    )
    tracker_id = created["id"]
    listed = api(dave, "get", "/trackers")
    assert "webhook_secret" not in listed.json()[0] and "ghp_s3cret" not in listed.content.decode()
    renamed = api(dave, "patch", f"/trackers/{tracker_id}", {"name": "Anomalies"}).json()
    assert renamed["name"] == "Anomalies" and renamed["has_token"]  # the token is kept
    cleared = api(dave, "patch", f"/trackers/{tracker_id}", {"clear_token": True})
    assert cleared.status_code == 422  # GitHub cannot work without one
    renewed = api(dave, "post", f"/trackers/{tracker_id}/secret").json()
    assert renewed["webhook_secret"] != created["webhook_secret"]
    assert api(carol, "get", f"/trackers/{tracker_id}").status_code == 403
    assert api(dave, "delete", f"/trackers/{tracker_id}").status_code == 204


def test_tracker_api_refuses_private_addresses_and_missing_fields(api, dave):
    jira = {"name": "Jira", "kind": "jira", "base_url": "http://127.0.0.1:8080", "project": "OPS",
            "token": "t"}  # fmt: skip
    response = api(dave, "post", "/trackers", jira)
    assert response.status_code == 422 and "base_url" in response.content.decode()
    response = api(dave, "post", "/trackers", {"name": "Mail", "kind": "email"})
    assert response.status_code == 422 and "email_to" in response.content.decode()
