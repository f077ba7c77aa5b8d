"""The background worker: the Huey consumer that runs queued and periodic tasks.

`belvedere worker` runs it alone; `belvedere serve` starts it as a child process.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import autodiscover_modules
from huey.consumer import Consumer
from huey.contrib.djhuey import HUEY

log = logging.getLogger(__name__)

HEARTBEAT_KEY = "belvedere:worker:heartbeat"
# Threads: uptime's run_checks_task holds one for ~55 s of every minute (it paces the
# monitors' checks), so 3 leave two for mail, fetches, alerts and the other periodic tasks.
DEFAULT_WORKERS = 3
DEFAULT_GRACE = 10  # seconds running tasks get to finish on SIGINT (docker stop waits 10 s)


def consumer_options() -> dict:
    """The `consumer` part of settings.HUEY (when it is a dict), for defaults."""
    huey_settings = getattr(settings, "HUEY", None)
    if isinstance(huey_settings, dict):
        return dict(huey_settings.get("consumer", {}))
    return {}


def create_consumer(
    *, workers: int = DEFAULT_WORKERS, periodic: bool = True, **options: object
) -> Consumer:
    """A consumer over the project's queue, with every app's `tasks` module loaded."""
    autodiscover_modules("tasks")
    config = {"worker_type": "thread", **consumer_options(), **options}
    config.update(workers=workers, periodic=periodic)
    return HUEY.create_consumer(**config)


def run_worker(
    *, workers: int = DEFAULT_WORKERS, periodic: bool = True, grace: int = DEFAULT_GRACE
) -> None:
    """Run the consumer until SIGINT (running tasks get `grace` seconds) or SIGTERM (now)."""
    consumer = create_consumer(workers=workers, periodic=periodic, shutdown_timeout=grace)
    if periodic and workers < 2:
        log.warning(
            "One worker thread: a minute-long periodic task (uptime checks) makes every other "
            "job wait; give --workers 2 or more (see docs/operations.md)."
        )
    log.info(
        "Background worker: %d %s worker(s) on %s, periodic tasks %s",
        workers,
        consumer.worker_type,
        type(HUEY).__name__,
        "on" if periodic else "off",
    )
    consumer.run()


def record_heartbeat() -> float:
    """Note that a worker is alive and running periodic tasks; returns the timestamp."""
    now = time.time()
    cache.set(HEARTBEAT_KEY, now, timeout=None)
    return now


def last_heartbeat() -> float | None:
    """When a worker last ran the periodic heartbeat (a Unix time), or None."""
    return cache.get(HEARTBEAT_KEY)
