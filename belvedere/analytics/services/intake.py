"""The per-process staging area of /api/event: accepted events and per-IP hit counts.

A request only appends to a list in memory. A flush moves the staged events to the shared
buffer (one RPUSH or one bulk INSERT) and adds the staged hits to the shared per-IP counters
(in the same Redis round trip), when STAGE_SIZE events wait, ANALYTICS_STAGE_MS after the first
one (a timer thread), when the process exits normally, and before the flush task reads the
shared buffer. So a crash of a web process (SIGKILL, power loss) loses at most the events it
accepted in the last ANALYTICS_STAGE_MS (1 s by default; 0 stages nothing).

Tests run without the timer (settings.TESTING): they flush explicitly, so no thread writes
behind a test's transaction.
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.db import connections

from belvedere.analytics.services import buffer

log = logging.getLogger(__name__)

STAGE_SIZE = 500
MAX_STAGED = 50_000  # kept while the shared buffer is unreachable; older events are dropped

_lock = threading.Lock()  # guards the staged state below
_flushing = threading.Lock()  # one flush at a time, so a flush_events() waits for the timer's
_events: list[dict] = []
_hits: dict[str, int] = {}  # per IP, current minute, not yet added to the shared counters
_known: dict[str, int] = {}  # per IP, current minute, the shared counter at the last flush
_minute = 0
_timer: threading.Timer | None = None
_atexit = False


def _stage_seconds() -> float:
    return getattr(settings, "ANALYTICS_STAGE_MS", 1000) / 1000


def admit(ip: str, limit: int) -> bool:
    """Count one request of `ip`; False when it is over `limit` for this minute (all workers,
    as far as the last flush knows)."""
    global _minute
    minute = int(time.time() // 60)
    with _lock:
        if minute != _minute:
            _minute = minute
            _hits.clear()
            _known.clear()
        seen = _hits.get(ip, 0)
        if seen + _known.get(ip, 0) >= limit:
            return False
        _hits[ip] = seen + 1
        _arm()
    return True


def stage(payload: dict) -> None:
    with _lock:
        _events.append(payload)
        full = len(_events) >= STAGE_SIZE or _stage_seconds() <= 0
        if not full:
            _arm()
    if full:
        flush()


def _arm() -> None:
    """Start the timer if none is running (caller holds _lock)."""
    global _timer, _atexit
    seconds = _stage_seconds()
    if _timer is not None or seconds <= 0 or settings.TESTING:
        return
    if not _atexit:
        atexit.register(flush)
        _atexit = True
    _timer = threading.Timer(seconds, _on_timer)
    _timer.daemon = True
    _timer.start()


def _on_timer() -> None:
    global _timer
    with _lock:
        _timer = None
    try:
        flush()
    finally:
        connections.close_all()  # this thread's connections (SQLite buffer)


def flush() -> int:
    """Push staged events and hits; returns how many events. On failure they stay staged."""
    global _events
    with _flushing:
        with _lock:
            events, hits, minute = _events, dict(_hits), _minute
            _events = []
            _hits.clear()
        if not events and not hits:
            return 0
        try:
            totals = buffer.push_many(events, hits=hits, minute=minute)
        except Exception:
            log.exception("analytics: could not move %d staged events to the buffer", len(events))
            _restage(events)
            return 0
        with _lock:
            if minute == _minute:
                _known.update(totals)
        return len(events)


def _restage(events: list[dict]) -> None:
    global _events
    with _lock:
        kept = events + _events
        _events = kept[-MAX_STAGED:]
        lost = len(kept) - len(_events)
        if lost:
            log.error("analytics: %d staged events dropped (buffer unreachable)", lost)
        _arm()


def staged() -> int:
    return len(_events)


def discard() -> None:
    """Forget what is staged and counted (tests start from nothing)."""
    global _events
    with _lock:
        _events = []
        _hits.clear()
        _known.clear()
