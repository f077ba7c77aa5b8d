"""Fixtures for tests that need the real job queue or a real `belvedere` process."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from huey.consumer import Consumer
from huey.contrib.djhuey import HUEY

from belvedere.core.worker import create_consumer

PROJECT_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def real_queue() -> Iterator:
    """The configured queue (SqliteHuey, or RedisHuey with REDIS_URL), not inline execution."""
    HUEY.immediate = False
    try:
        yield HUEY
    finally:
        HUEY.immediate = True


@contextmanager
def running_consumer(workers: int = 1) -> Iterator[Consumer]:
    """A real consumer in threads of this process (no signal handlers, no periodic tasks)."""
    consumer = create_consumer(
        workers=workers, periodic=False, initial_delay=0.05, max_delay=0.2, shutdown_timeout=10
    )
    consumer.scheduler.start()
    for _, thread in consumer.worker_threads:
        thread.start()
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a `python -m belvedere` child: its own data directory, on SQLite."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(BELVEDERE_DATA_DIR=str(tmp_path / "data"), PYTHONUNBUFFERED="1")
    return env


def belvedere_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "belvedere", *args]
