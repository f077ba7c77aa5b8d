"""The per-process staging of /api/event: flushed by size, time, or the flush task; kept
when the shared buffer is unreachable; per-IP limits shared between processes."""

import json
import time
import uuid

import pytest

from belvedere.analytics.models import Event
from belvedere.analytics.services import buffer, intake
from belvedere.analytics.services.flush import flush_events

UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
EVENT = json.dumps({"n": "pageview", "u": "http://testserver/", "d": "testserver"})


def post(client, ip="127.0.0.1"):
    return client.post("/api/event", data=EVENT, content_type="text/plain",
                       HTTP_USER_AGENT=UA, REMOTE_ADDR=ip)  # fmt: skip


def wait_for_minute_start() -> None:
    """Counters are per minute: keep a test from straddling two minutes."""
    if time.time() % 60 > 57:
        time.sleep(60 - time.time() % 60 + 0.1)


@pytest.mark.django_db
def test_events_wait_in_memory_until_flushed(client, fresh_cache):
    assert post(client).status_code == 202
    assert (intake.staged(), buffer.size()) == (1, 0)
    assert flush_events() == 1
    assert Event.objects.count() == 1 and intake.staged() == 0


@pytest.mark.django_db
def test_a_full_stage_moves_to_the_shared_buffer(client, fresh_cache, monkeypatch):
    monkeypatch.setattr(intake, "STAGE_SIZE", 3)
    for _ in range(3):
        post(client)
    assert (intake.staged(), buffer.size()) == (0, 3)
    assert flush_events() == 3


@pytest.mark.django_db(transaction=True)
def test_the_timer_moves_staged_events(client, fresh_cache, settings):
    settings.TESTING = False  # the timer is off in tests unless asked for
    settings.ANALYTICS_STAGE_MS = 50
    post(client)
    deadline = time.monotonic() + 5
    while buffer.size() < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (intake.staged(), buffer.size()) == (0, 1)
    assert flush_events() == 1


@pytest.mark.django_db
def test_staging_off_pushes_each_event(client, fresh_cache, settings):
    settings.ANALYTICS_STAGE_MS = 0
    post(client)
    assert (intake.staged(), buffer.size()) == (0, 1)
    flush_events()


@pytest.mark.django_db
def test_unreachable_buffer_keeps_the_events(client, fresh_cache, settings):
    post(client)
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    assert intake.flush() == 0
    assert intake.staged() == 1
    settings.REDIS_URL = ""
    assert flush_events() == 1


@pytest.mark.django_db
def test_limit_counts_the_requests_of_other_processes(client, fresh_cache, settings):
    wait_for_minute_start()
    settings.ANALYTICS_EVENTS_PER_MINUTE = 6
    ip = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"
    minute = int(time.time() // 60)
    buffer.push_many([], hits={ip: 4}, minute=minute)  # another worker's requests
    assert post(client, ip).status_code == 202  # not known here yet
    flush_events()  # learns the shared total: 5
    assert post(client, ip).status_code == 202
    assert post(client, ip).status_code == 429
    assert post(client, "10.0.0.99").status_code == 202  # other addresses are not limited
