"""Uptime fixtures: real local servers, monitors built through the services."""

import pytest
from django.core.cache import cache

from belvedere.uptime.services import monitors as monitor_services
from belvedere.uptime.tests.servers import Recorder, Site, TcpPort


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_ok(settings):
    """Let the guarded client reach 127.0.0.1, where the test servers listen."""
    settings.ALLOW_PRIVATE_TARGETS = True


@pytest.fixture
def site():
    server = Site()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def tcp_port():
    port = TcpPort()
    port.start()
    yield port
    port.stop()


@pytest.fixture
def recorder():
    server = Recorder().start()
    yield server
    server.stop()


@pytest.fixture
def make_monitor(dave):
    def make(**fields):
        defaults = {
            "name": "Site",
            "kind": "http",
            "interval_seconds": 20,
            "timeout_seconds": 2,
            "failures_before_down": 2,
            "successes_before_up": 1,
        }
        return monitor_services.create_monitor(actor=dave, **{**defaults, **fields})

    return make


@pytest.fixture
def run_due():
    """Make every monitor due now and run one round of checks."""
    from belvedere.uptime.checks.runner import run_checks
    from belvedere.uptime.models import Monitor

    def run():
        from django.utils import timezone

        Monitor.objects.exclude(kind="heartbeat").update(next_check_at=timezone.now())
        return run_checks()

    return run
