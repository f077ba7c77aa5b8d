"""The job queue for real: tasks go through the configured storage and a consumer runs them."""

import os
import socket
import time
from datetime import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from huey import RedisHuey, SqliteHuey

from belvedere.core import tasks
from belvedere.core.tests.conftest import running_consumer
from belvedere.core.worker import HEARTBEAT_KEY, last_heartbeat

RESULT_TIMEOUT = 15


def test_queue_runs_a_task_through_a_real_consumer(real_queue):
    expected = SqliteHuey if not settings.REDIS_URL else RedisHuey
    assert isinstance(real_queue, expected)
    result = tasks.ping("bonjour")
    assert not real_queue.immediate and real_queue.pending_count() >= 0
    with running_consumer():
        assert result.get(blocking=True, timeout=RESULT_TIMEOUT) == "bonjour"


def test_queue_sends_mail_from_a_worker(real_queue):
    result = tasks.send_mail_task("Bienvenue", "Bonjour !", ["claire@example.com"])
    with running_consumer(workers=2):
        assert result.get(blocking=True, timeout=RESULT_TIMEOUT) == 1


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.mark.services
def test_queue_on_redis_shares_tasks_between_consumers(real_queue):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: the RedisHuey test runs in the PostgreSQL + Redis run")
    if not redis_answers():
        message = f"Redis at {settings.REDIS_URL} does not answer"
        if os.environ.get("BELVEDERE_TEST_SERVICES") == "required":
            pytest.fail(message)
        pytest.skip(message)
    assert isinstance(real_queue, RedisHuey)
    results = [tasks.ping(f"message {n}") for n in range(6)]
    with running_consumer(), running_consumer():
        values = [result.get(blocking=True, timeout=RESULT_TIMEOUT) for result in results]
    assert values == [f"message {n}" for n in range(6)]


def test_heartbeat_is_a_periodic_task_due_every_minute(real_queue):
    due = {task.name for task in real_queue.read_periodic(datetime(2026, 1, 1, 12, 7))}
    assert "heartbeat" in due


def test_heartbeat_records_when_a_worker_was_alive(real_queue):
    cache.delete(HEARTBEAT_KEY)
    before = time.time()
    tasks.heartbeat()  # what the scheduler enqueues every minute
    with running_consumer():
        deadline = time.monotonic() + RESULT_TIMEOUT
        while last_heartbeat() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    assert last_heartbeat() >= before


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_healthz_is_503_when_the_redis_queue_does_not_answer(client, monkeypatch):
    dead = RedisHuey("belvedere", url=f"redis://127.0.0.1:{free_port()}/0")
    monkeypatch.setattr("belvedere.core.health.HUEY", dead)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["queue"] == "down" and response.json()["database"] == "ok"


@pytest.mark.django_db
def test_healthz_tells_when_a_worker_last_ran_periodic_tasks(client):
    cache.delete(HEARTBEAT_KEY)
    assert client.get("/healthz").json()["worker_last_seen_seconds"] is None
    tasks.heartbeat()  # inline in tests, as a worker would run it
    body = client.get("/healthz").json()
    assert body["worker_last_seen_seconds"] == 0 and body["queue_pending"] == 0
