"""core.notify: email and apprise to a real local HTTP server; re-alerts while down."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.core.notify import notify
from belvedere.uptime.models import Alert, Monitor

pytestmark = pytest.mark.django_db


def test_notify_by_email(mailoutbox):
    delivery = notify("Down", "The API is down.", emails=["ops@example.com"])
    assert (
        delivery.ok and mailoutbox[0].subject == "Down" and mailoutbox[0].to == ["ops@example.com"]
    )


def test_notify_by_apprise_json(recorder, private_ok):
    port = recorder.server_address[1]
    delivery = notify("Down", "The API is down.", apprise_urls=[f"json://127.0.0.1:{port}/hook"])
    assert delivery.ok, delivery.errors
    sent = recorder.requests[0]
    assert sent["method"] == "POST" and sent["path"] == "/hook"
    assert sent["json"]["title"] == "Down" and sent["json"]["message"] == "The API is down."


def test_apprise_to_a_private_address_is_refused(recorder, settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    port = recorder.server_address[1]
    delivery = notify("Down", "x", apprise_urls=[f"json://127.0.0.1:{port}/hook"])
    assert not delivery.ok and "cannot be fetched" in delivery.errors[0]
    assert recorder.requests == []


def test_unknown_apprise_url_is_reported():
    delivery = notify("Down", "x", apprise_urls=["nosuchscheme://abc"])
    assert not delivery.ok and delivery.errors


@pytest.mark.usefixtures("private_ok")
def test_realert_while_down(
    site, make_monitor, run_due, recorder, django_capture_on_commit_callbacks
):
    port = recorder.server_address[1]
    monitor = make_monitor(
        url=site.url(),
        failures_before_down=1,
        realert_minutes=5,
        apprise_urls=f"json://127.0.0.1:{port}/",
    )
    site.stop()
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
        run_due()  # still down, too soon to re-alert
        Monitor.objects.update(last_alert_at=timezone.now() - timedelta(minutes=6))
        run_due()
    kinds = list(Alert.objects.order_by("sent_at").values_list("kind", flat=True))
    assert kinds == ["down", "still_down"]
    assert [r["json"]["title"] for r in recorder.requests] == [
        "[Belvedere] Site is down",
        "[Belvedere] Site is still down",
    ]
    assert all(Alert.objects.values_list("delivered", flat=True))
    monitor.refresh_from_db()
    assert monitor.status == "down"


def test_monitor_form_refuses_private_apprise_url(login_as, dave):
    from belvedere.uptime.forms import MonitorForm

    form = MonitorForm(
        data={
            "name": "x",
            "kind": "heartbeat",
            "interval_seconds": 60,
            "timeout_seconds": 5,
            "failures_before_down": 1,
            "successes_before_up": 1,
            "realert_minutes": 0,
            "warn_days": 1,
            "grace_seconds": 0,
            "apprise_urls": "json://10.0.0.1/",
        }
    )
    assert not form.is_valid() and "apprise_urls" in form.errors
