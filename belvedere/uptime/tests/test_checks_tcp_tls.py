"""TCP and TLS monitors against real ports on 127.0.0.1."""

from datetime import timedelta

import pytest

from belvedere.uptime.models import Alert, CheckResult, Monitor
from belvedere.uptime.tests.servers import TcpPort, self_signed

pytestmark = pytest.mark.usefixtures("private_ok")


def test_tcp_monitor_follows_the_port(tcp_port, make_monitor, run_due):
    monitor = make_monitor(kind="tcp", host="127.0.0.1", port=tcp_port.port, failures_before_down=1)
    run_due()
    assert Monitor.objects.get().status == "up"
    tcp_port.stop()
    run_due()
    monitor.refresh_from_db()
    assert monitor.status == "down" and monitor.last_error
    tcp_port.start()
    run_due()
    monitor.refresh_from_db()
    assert monitor.status == "up"


def test_tcp_private_address_refused_without_permission(tcp_port, make_monitor, run_due, settings):
    make_monitor(kind="tcp", host="127.0.0.1", port=tcp_port.port)
    settings.ALLOW_PRIVATE_TARGETS = False
    run_due()
    assert "loopback" in CheckResult.objects.get().error


def test_tcp_allowed_host_row_opens_the_address(tcp_port, make_monitor, run_due, settings):
    from belvedere.core.models import AllowedHost

    make_monitor(kind="tcp", host="127.0.0.1", port=tcp_port.port)
    settings.ALLOW_PRIVATE_TARGETS = False
    AllowedHost.objects.create(host="127.0.0.1")
    run_due()
    assert CheckResult.objects.get().ok


@pytest.fixture
def tls_port(tmp_path):
    port = TcpPort(tls_context=self_signed(tmp_path, days=5))
    port.start()
    yield port
    port.stop()


def test_tls_certificate_about_to_expire_warns(
    tls_port, make_monitor, run_due, mailoutbox, django_capture_on_commit_callbacks
):
    monitor = make_monitor(
        kind="tls",
        host="127.0.0.1",
        port=tls_port.port,
        warn_days=14,
        notify_emails="ops@example.com",
    )
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
    monitor.refresh_from_db()
    assert monitor.status == "up"
    left = monitor.cert_expires_at - monitor.last_checked_at
    assert timedelta(days=4) < left < timedelta(days=6)
    assert Alert.objects.get().kind == "cert"
    assert mailoutbox[0].subject == "[Belvedere] The certificate of Site expires soon"
    assert "expires in 4 days" in mailoutbox[0].body or "expires in 5 days" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
    assert Alert.objects.count() == 1  # once a day, not at every check


def test_tls_certificate_far_from_expiry_does_not_warn(tls_port, make_monitor, run_due):
    make_monitor(kind="tls", host="127.0.0.1", port=tls_port.port, warn_days=3)
    run_due()
    assert not Alert.objects.exists()
    assert CheckResult.objects.get().ok
