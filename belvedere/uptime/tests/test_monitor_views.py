"""Staff pages for monitors, components and maintenance windows."""

import pytest

from belvedere.activity.models import Entry
from belvedere.core.models import AllowedHost
from belvedere.uptime.models import Component, MaintenanceWindow, Monitor

FORM = {
    "name": "Home page",
    "kind": "http",
    "url": "http://127.0.0.1:9/",
    "expected_statuses": "200-299",
    "warn_days": 14,
    "grace_seconds": 60,
    "interval_seconds": 60,
    "timeout_seconds": 10,
    "failures_before_down": 2,
    "successes_before_up": 1,
    "realert_minutes": 60,
}


def test_monitor_list_for_managers(login_as, dave, make_monitor, django_assert_max_num_queries):
    for n in range(5):
        make_monitor(name=f"m{n}", url="https://example.com/")
    client = login_as(dave)
    with django_assert_max_num_queries(8):
        response = client.get("/uptime/")
    assert response.status_code == 200 and b"m4" in response.content
    csv = client.get("/uptime/?format=csv")
    assert csv.status_code == 200 and b"m3" in b"".join(csv.streaming_content)


def test_monitor_list_refuses_members_and_asks_visitors_to_log_in(login_as, carol, client, db):
    assert client.get("/uptime/").status_code == 302
    assert login_as(carol).get("/uptime/").status_code == 403


def test_create_monitor_to_loopback_refused_for_a_manager(login_as, dave):
    response = login_as(dave).post("/uptime/monitors/new/", FORM)
    assert response.status_code == 400
    assert b"cannot be fetched" in response.content and not Monitor.objects.exists()


def test_create_monitor_allowed_by_an_allow_list_row(login_as, dave, alice):
    AllowedHost.objects.create(host="127.0.0.1", created_by=alice)
    response = login_as(dave).post("/uptime/monitors/new/", FORM)
    monitor = Monitor.objects.get()
    assert response.status_code == 302 and response.url == f"/uptime/monitors/{monitor.pk}/"
    assert Entry.objects.filter(verb="uptime.monitor_created", is_staff_action=True).exists()


def test_create_monitor_bad_input(login_as, dave, private_ok):
    data = {**FORM, "interval_seconds": 10, "expected_statuses": "2xx", "notify_emails": "nope"}
    response = login_as(dave).post("/uptime/monitors/new/", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"interval_seconds", "expected_statuses", "notify_emails"} <= set(errors)


def test_create_tcp_monitor_needs_host_and_port(login_as, dave):
    response = login_as(dave).post("/uptime/monitors/new/", {**FORM, "kind": "tcp", "url": ""})
    assert response.status_code == 400 and "host" in response.context["form"].errors


def test_edit_pause_resume_delete(login_as, dave, make_monitor, private_ok):
    monitor = make_monitor(url="http://127.0.0.1:9/")
    client = login_as(dave)
    assert client.get(f"/uptime/monitors/{monitor.pk}/").status_code == 200
    response = client.post(f"/uptime/monitors/{monitor.pk}/edit/", {**FORM, "name": "Renamed"})
    assert response.status_code == 302
    monitor.refresh_from_db()
    assert monitor.name == "Renamed"
    client.post(f"/uptime/monitors/{monitor.pk}/action/", {"action": "pause"})
    assert Monitor.objects.get().is_paused
    client.post(f"/uptime/monitors/{monitor.pk}/action/", {"action": "resume"})
    assert not Monitor.objects.get().is_paused
    client.post(f"/uptime/monitors/{monitor.pk}/action/", {"action": "delete"})
    assert not Monitor.objects.exists()


def test_monitor_detail_refuses_members(login_as, carol, make_monitor):
    monitor = make_monitor(url="https://example.com/")
    assert login_as(carol).get(f"/uptime/monitors/{monitor.pk}/").status_code == 403
    assert (
        login_as(carol)
        .post(f"/uptime/monitors/{monitor.pk}/action/", {"action": "delete"})
        .status_code
        == 403
    )


def test_unknown_monitor_is_404(login_as, dave):
    assert login_as(dave).get("/uptime/monitors/999/").status_code == 404


def test_components_page(login_as, dave, carol):
    client = login_as(dave)
    response = client.post(
        "/uptime/components/",
        {"what": "component", "c-name": "API", "c-position": 1, "c-is_public": "on"},
    )
    assert response.status_code == 302 and Component.objects.get().name == "API"
    bad = client.post("/uptime/components/", {"what": "component", "c-name": ""})
    assert bad.status_code == 400
    assert login_as(carol).get("/uptime/components/").status_code == 403


def test_maintenance_page(login_as, dave, carol, make_monitor):
    monitor = make_monitor(url="https://example.com/")
    client = login_as(dave)
    data = {
        "title": "Upgrade",
        "recurrence": "once",
        "starts_at": "2030-01-01T10:00",
        "ends_at": "2030-01-01T12:00",
        "monitors": [monitor.pk],
    }
    assert client.post("/uptime/maintenance/", data).status_code == 302
    assert MaintenanceWindow.objects.get().monitors.get() == monitor
    bad = client.post("/uptime/maintenance/", {**data, "ends_at": "2029-01-01T10:00"})
    assert bad.status_code == 400
    assert login_as(carol).get("/uptime/maintenance/").status_code == 403


@pytest.mark.parametrize("url", ["/uptime/incidents/", "/uptime/incidents/new/", "/uptime/triage/"])
def test_staff_pages_refuse_outsiders(login_as, mallory, url):
    assert login_as(mallory).get(url).status_code == 403
