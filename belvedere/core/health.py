"""Liveness of the database and the job queue, for /healthz."""

import logging
import time

from django.db import connection
from huey.contrib.djhuey import HUEY

from belvedere.core.worker import last_heartbeat

log = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0] == 1
    except Exception:
        log.exception("database health check failed")
        return False


def queue_ok() -> bool:
    try:
        HUEY.storage.queue_size()
        return True
    except Exception:
        log.exception("queue health check failed")
        return False


def queue_pending() -> int | None:
    try:
        return HUEY.storage.queue_size()
    except Exception:
        return None


def worker_last_seen() -> int | None:
    """Seconds since a worker last ran the periodic heartbeat; None if never seen.

    Informative only: with `serve --no-worker` the workers may run elsewhere."""
    try:
        when = last_heartbeat()
    except Exception:
        log.warning("cannot read the worker heartbeat", exc_info=True)
        return None
    return None if when is None else max(0, int(time.time() - when))


def status() -> dict:
    checks = {"database": database_ok(), "queue": queue_ok()}
    return {
        "status": "ok" if all(checks.values()) else "down",
        **{name: "ok" if ok else "down" for name, ok in checks.items()},
        "queue_backend": type(HUEY).__name__,
        "queue_pending": queue_pending() if checks["queue"] else None,
        "worker_last_seen_seconds": worker_last_seen(),
    }
