"""The public status page, its feed, badges and the Statuspage-shaped JSON."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.uptime.models import CheckResult, Component, ComponentGroup, Monitor, Rollup
from belvedere.uptime.services import incidents
from belvedere.uptime.services.monitors import create_window

COMPONENT_KEYS = {
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "position",
    "description",
    "showcase",
    "start_date",
    "group_id",
    "page_id",
    "group",
    "only_show_if_degraded",
}
INCIDENT_KEYS = {
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "monitoring_at",
    "resolved_at",
    "impact",
    "shortlink",
    "started_at",
    "page_id",
    "incident_updates",
    "components",
}


@pytest.fixture
def platform(dave):
    group = ComponentGroup.objects.create(name="Community")
    forum = Component.objects.create(name="Forum", group=group, position=1)
    api = Component.objects.create(name="API", position=2)
    Component.objects.create(name="Hidden", is_public=False)
    up = Monitor.objects.create(
        name="forum", kind="http", url="https://x.example", component=forum, status="up"
    )
    Monitor.objects.create(
        name="api", kind="http", url="https://y.example", component=api, status="down"
    )
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    Rollup.objects.bulk_create(
        Rollup(
            monitor=up,
            period="day",
            start=today - timedelta(days=d),
            count=1440,
            ok_count=1440 if d != 3 else 1300,
            avg_latency_ms=120,
            p95_latency_ms=300,
        )
        for d in range(1, 90)
    )
    CheckResult.objects.create(monitor=up, ok=True, latency_ms=100)
    incident = incidents.create_incident(
        actor=dave, title="API errors", body="Investigating.", impact="major", components=[api]
    )
    return {"forum": forum, "api": api, "incident": incident, "group": group}


def test_status_page_without_login(client, platform, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get("/status/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Forum" in body and "API" in body and "Hidden" not in body
    assert "Major outage" in body and "API errors" in body
    assert body.count('class="uptime-bars"') == 2 and "<rect" in body
    assert "99.8" in body or "99.9" in body  # one bad day out of 89


def test_status_page_post_only_views_refuse_other_methods(client, db):
    assert client.post("/status/").status_code == 405


def test_public_incident_page_renders_sanitised_postmortem(client, platform, dave):
    incident = platform["incident"]
    incidents.post_update(incident, actor=dave, status="resolved", body="Fixed.")
    incidents.set_postmortem(incident, actor=dave, text="# Cause\n<script>x()</script>**disk**")
    body = client.get(f"/status/incidents/{incident.pk}/").content.decode()
    assert "<strong>disk</strong>" in body and "<script>x()" not in body


def test_private_incident_is_404(client, platform, dave):
    hidden = incidents.create_incident(actor=dave, title="Internal", body="x", is_public=False)
    assert client.get(f"/status/incidents/{hidden.pk}/").status_code == 404
    assert client.get("/status/incidents/9999/").status_code == 404


def test_atom_feed(client, platform):
    response = client.get("/status/feed.atom")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/atom+xml"
    )
    assert b"API errors" in response.content


def test_badge(client, platform):
    response = client.get(f"/status/badge/{platform['api'].pk}.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert b"major outage" in response.content and b"<svg" in response.content
    assert client.get("/status/badge/999.svg").status_code == 404


def test_statuspage_summary_shape(client, platform):
    data = client.get("/api/v2/summary.json").json()
    assert set(data) == {"page", "status", "components", "incidents", "scheduled_maintenances"}
    assert set(data["page"]) == {"id", "name", "url", "time_zone", "updated_at"}
    assert data["status"] == {"indicator": "critical", "description": "Major System Outage"}
    components = {c["name"]: c for c in data["components"]}
    assert set(components) == {"Forum", "API", "Community"}
    assert set(components["Forum"]) >= COMPONENT_KEYS
    assert components["Forum"]["status"] == "operational"
    assert components["Forum"]["group_id"] == components["Community"]["id"]
    assert components["Community"]["group"] is True
    assert components["Community"]["components"] == [components["Forum"]["id"]]
    assert components["API"]["status"] == "major_outage"
    incident = data["incidents"][0]
    assert set(incident) >= INCIDENT_KEYS and incident["impact"] == "major"
    assert incident["incident_updates"][0]["body"] == "Investigating."
    assert incident["components"][0]["name"] == "API"


def test_statuspage_other_endpoints(client, platform, dave):
    assert client.get("/api/v2/status.json").json()["status"]["indicator"] == "critical"
    assert len(client.get("/api/v2/components.json").json()["components"]) == 3
    assert len(client.get("/api/v2/incidents.json").json()["incidents"]) == 1
    incidents.post_update(platform["incident"], actor=dave, status="resolved", body="ok")
    assert client.get("/api/v2/incidents/unresolved.json").json()["incidents"] == []
    now = timezone.now()
    create_window(
        actor=dave,
        title="DB upgrade",
        starts_at=now + timedelta(days=1),
        ends_at=now + timedelta(days=1, hours=2),
        components=[platform["forum"]],
    )
    rows = client.get("/api/v2/scheduled-maintenances.json").json()["scheduled_maintenances"]
    assert rows[0]["status"] == "scheduled" and rows[0]["scheduled_for"]
    assert rows[0]["components"][0]["name"] == "Forum"
    response = client.get("/api/v2/summary.json")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_maintenance_shows_components_under_maintenance(client, platform, dave):
    now = timezone.now()
    create_window(
        actor=dave,
        title="Upgrade",
        starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(hours=1),
        components=[platform["forum"]],
    )
    data = client.get("/api/v2/components.json").json()
    forum = next(c for c in data["components"] if c["name"] == "Forum")
    assert forum["status"] == "under_maintenance"


def test_all_operational(client, db):
    Component.objects.create(name="Forum")
    data = client.get("/api/v2/status.json").json()
    assert data["status"] == {"indicator": "none", "description": "All Systems Operational"}


def test_home_page_shows_the_platform_state_once_components_exist(client, db):
    assert "Platform status" not in client.get("/").content.decode()
    Component.objects.create(name="Forum", position=1)
    page = client.get("/").content.decode()
    assert "Platform status" in page and "All Systems Operational" in page
