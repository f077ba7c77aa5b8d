"""Liveness of the database and the job queue, for /healthz."""

import logging

from django.db import connection
from huey.contrib.djhuey import HUEY

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


def status() -> dict:
    checks = {"database": database_ok(), "queue": queue_ok()}
    return {
        "status": "ok" if all(checks.values()) else "down",
        **{name: "ok" if ok else "down" for name, ok in checks.items()},
        "queue_backend": type(HUEY).__name__,
    }
