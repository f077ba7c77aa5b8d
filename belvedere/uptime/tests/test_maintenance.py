"""Maintenance windows suppress incidents and alerts; weekly windows recur."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from belvedere.uptime.models import Alert, Incident, MaintenanceWindow
from belvedere.uptime.queries import window_is_active
from belvedere.uptime.services.monitors import create_window

pytestmark = pytest.mark.usefixtures("private_ok")


def test_failure_during_maintenance_opens_no_incident(site, make_monitor, run_due, dave):
    monitor = make_monitor(url=site.url(), failures_before_down=1, notify_emails="o@example.com")
    now = timezone.now()
    create_window(
        actor=dave,
        title="Upgrade",
        starts_at=now - timedelta(minutes=1),
        ends_at=now + timedelta(hours=1),
        monitors=[monitor],
    )
    site.stop()
    run_due()
    monitor.refresh_from_db()
    assert monitor.status == "down"
    assert not Incident.objects.exists() and not Alert.objects.exists()


def test_incident_opens_when_maintenance_ends_and_still_down(site, make_monitor, run_due, dave):
    monitor = make_monitor(url=site.url(), failures_before_down=1)
    now = timezone.now()
    window = create_window(
        actor=dave,
        title="Upgrade",
        starts_at=now - timedelta(minutes=1),
        ends_at=now + timedelta(hours=1),
        monitors=[monitor],
    )
    site.stop()
    run_due()
    MaintenanceWindow.objects.filter(pk=window.pk).update(ends_at=timezone.now())
    run_due()
    assert Incident.objects.get(monitor=monitor).is_open


def test_weekly_window_recurs_on_its_weekdays():
    first = datetime(2026, 1, 5, 22, 0, tzinfo=UTC)  # a Monday
    window = MaintenanceWindow(
        recurrence="weekly", starts_at=first, ends_at=first + timedelta(hours=3), weekdays="0,3"
    )
    assert window_is_active(window, datetime(2026, 1, 12, 23, 0, tzinfo=UTC))  # Monday
    assert window_is_active(window, datetime(2026, 1, 15, 22, 30, tzinfo=UTC))  # Thursday
    assert window_is_active(window, datetime(2026, 1, 16, 0, 30, tzinfo=UTC))  # past midnight
    assert not window_is_active(window, datetime(2026, 1, 13, 23, 0, tzinfo=UTC))  # Tuesday
    assert not window_is_active(window, datetime(2026, 1, 12, 21, 59, tzinfo=UTC))
    assert not window_is_active(window, datetime(2026, 1, 1, 23, 0, tzinfo=UTC))  # before start


def test_status_page_shows_upcoming_maintenance_in_readable_time(client, dave):
    starts = datetime(2030, 11, 29, 5, 0, tzinfo=UTC)
    create_window(actor=dave, title="Database upgrade", starts_at=starts,
                  ends_at=starts + timedelta(hours=1))  # fmt: skip
    page = client.get("/status/").content.decode()
    assert "Database upgrade" in page and "Nov. 29, 2030, 5 a.m. → 6 a.m. UTC" in page
    assert "2030-11-29T05:00" not in page
