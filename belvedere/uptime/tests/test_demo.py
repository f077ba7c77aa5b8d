"""The uptime demo data builds and the status page reads it."""

from belvedere.uptime import demo
from belvedere.uptime.models import Incident, Monitor, Report, Rollup


def test_demo_builds_history_incidents_and_reports(client, alice, dave, carol, mallory):
    summary = demo.build()
    assert "monitors" in summary
    assert Monitor.objects.filter(is_paused=True).count() == Monitor.objects.count() == 5
    assert Rollup.objects.filter(period="day").count() == 5 * 89
    assert Incident.objects.filter(status="resolved").count() == 2
    assert Report.objects.filter(kind="suggestion").count() == 4
    page = client.get("/status/").content.decode()
    assert "All Systems Operational" in page and "99.9" in page
    data = client.get("/api/v2/summary.json").json()
    assert data["status"]["indicator"] == "none" and len(data["scheduled_maintenances"]) == 1
