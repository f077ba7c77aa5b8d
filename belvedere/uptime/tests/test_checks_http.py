"""HTTP monitors against a real site on 127.0.0.1 that goes down and comes back."""

import pytest

from belvedere.uptime.models import CheckResult, Incident, Monitor

pytestmark = pytest.mark.usefixtures("private_ok")


def test_http_monitor_goes_down_opens_incident_and_recovers(
    site, make_monitor, run_due, mailoutbox, django_capture_on_commit_callbacks
):
    monitor = make_monitor(url=site.url(), notify_emails="ops@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
    monitor.refresh_from_db()
    assert monitor.status == "up" and monitor.last_status_code == 200
    site.stop()
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
        assert Monitor.objects.get().status == "up"  # one failure of two
        run_due()
    monitor.refresh_from_db()
    assert monitor.status == "down"
    incident = Incident.objects.get(monitor=monitor)
    assert incident.is_open and incident.updates.count() == 1
    assert [m.subject for m in mailoutbox] == ["[Belvedere] Site is down"]
    site.start()
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
    monitor.refresh_from_db()
    incident.refresh_from_db()
    assert monitor.status == "up"
    assert incident.status == "resolved" and incident.resolved_at is not None
    assert mailoutbox[-1].subject == "[Belvedere] Site is back up"
    assert list(CheckResult.objects.order_by("checked_at").values_list("ok", flat=True)) == [
        True,
        False,
        False,
        True,
    ]


def test_unexpected_status_is_a_failure(site, make_monitor, run_due):
    site.status = 503
    make_monitor(url=site.url(), failures_before_down=1)
    run_due()
    result = CheckResult.objects.get()
    assert not result.ok and result.status_code == 503 and "unexpected status" in result.error


def test_expected_statuses_accept_a_listed_code(site, make_monitor, run_due):
    site.status = 404
    make_monitor(url=site.url(), expected_statuses="200-299, 404")
    run_due()
    assert CheckResult.objects.get().ok


def test_keyword_present_and_absent(site, make_monitor, run_due):
    site.body = "<p>All good</p>"
    make_monitor(name="present", url=site.url(), keyword="All good", keyword_mode="present")
    make_monitor(name="missing", url=site.url(), keyword="Welcome", keyword_mode="present")
    make_monitor(name="absent", url=site.url(), keyword="Error", keyword_mode="absent")
    make_monitor(name="found", url=site.url(), keyword="good", keyword_mode="absent")
    run_due()
    results = {r.monitor.name: r for r in CheckResult.objects.select_related("monitor")}
    assert results["present"].ok and results["absent"].ok
    assert not results["missing"].ok and "not found" in results["missing"].error
    assert not results["found"].ok and "found" in results["found"].error


def test_slow_response_over_max_time_fails(site, make_monitor, run_due):
    site.delay = 0.3
    make_monitor(url=site.url(), max_response_ms=100)
    run_due()
    result = CheckResult.objects.get()
    assert not result.ok and result.latency_ms >= 300 and "slow" in result.error


def test_timeout_fails(site, make_monitor, run_due):
    site.delay = 1.5
    make_monitor(url=site.url(), timeout_seconds=1)
    run_due()
    assert "timed out" in CheckResult.objects.get().error


def test_private_address_refused_without_permission(site, make_monitor, run_due, settings):
    make_monitor(url=site.url())
    settings.ALLOW_PRIVATE_TARGETS = False
    run_due()
    result = CheckResult.objects.get()
    assert not result.ok and "loopback" in result.error
    assert site.hits == 0
