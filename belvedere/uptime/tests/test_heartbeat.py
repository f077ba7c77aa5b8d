"""Heartbeat monitors: a job calls a secret URL; a missed period plus grace is a failure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.uptime.checks.runner import run_checks
from belvedere.uptime.models import Incident, Monitor


@pytest.fixture
def heartbeat(make_monitor):
    return make_monitor(
        name="Nightly backup",
        kind="heartbeat",
        interval_seconds=60,
        grace_seconds=30,
        failures_before_down=1,
    )


def test_ping_marks_the_monitor_up(client, heartbeat):
    response = client.get(f"/uptime/ping/{heartbeat.ping_token}")
    assert response.status_code == 200 and response.content == b"OK\n"
    heartbeat.refresh_from_db()
    assert heartbeat.status == "up" and heartbeat.last_ping_at is not None
    assert heartbeat.next_check_at > timezone.now() + timedelta(seconds=80)


def test_late_heartbeat_goes_down_and_ping_recovers(client, heartbeat):
    client.post(f"/uptime/ping/{heartbeat.ping_token}")
    run_checks()
    assert Monitor.objects.get().status == "up"  # not due yet
    Monitor.objects.update(
        last_ping_at=timezone.now() - timedelta(seconds=95), next_check_at=timezone.now()
    )
    run_checks()
    heartbeat.refresh_from_db()
    assert heartbeat.status == "down" and "no ping" in heartbeat.last_error
    assert Incident.objects.get(monitor=heartbeat).is_open
    client.get(f"/uptime/ping/{heartbeat.ping_token}")
    heartbeat.refresh_from_db()
    assert heartbeat.status == "up"
    assert not Incident.objects.get(monitor=heartbeat).is_open


def test_fail_signal_is_a_failure(client, heartbeat):
    client.get(f"/uptime/ping/{heartbeat.ping_token}/fail")
    heartbeat.refresh_from_db()
    assert heartbeat.status == "down"


def test_unknown_token_is_404(client, db):
    assert client.get("/uptime/ping/6f1e7c1e-0000-4000-8000-000000000000").status_code == 404


def test_bad_token_is_404(client, db):
    assert client.get("/uptime/ping/not-a-uuid").status_code == 404


def test_paused_heartbeat_ignores_pings(client, heartbeat, dave):
    from belvedere.uptime.services.monitors import set_paused

    set_paused(heartbeat, True, actor=dave)
    client.get(f"/uptime/ping/{heartbeat.ping_token}")
    heartbeat.refresh_from_db()
    assert heartbeat.status == "pending"
