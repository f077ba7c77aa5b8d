"""Fixtures for every test. They live outside the `belvedere` package because they reach
into apps of every layer (import-linter checks the package's layers, tests included)."""

import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache and no compiled moderation policy: the database
    rolls back between tests, so what an earlier test left (list figures, rate-limit counters,
    its watched words) would describe rows that no longer exist. Dropping the policy here also
    makes its recompiling happen at the test's first screening, not whenever its one-second
    freshness check happens to fall (which made query counts flaky)."""
    from django.core.cache import cache

    from belvedere.moderation.policy import invalidate

    cache.clear()
    invalidate()


@pytest.fixture(autouse=True)
def _rate_windows_hold_still(monkeypatch):
    """Rate limits count in fixed slices of the clock (a minute, an hour): a test whose requests
    straddled a slice boundary would see its count start again and miss its 429 (it happened on
    a loaded machine). Each test's windows keep the clock of its start."""
    import time
    from types import SimpleNamespace

    from belvedere.analytics.services import intake
    from belvedere.core import ratelimit

    start = time.time()
    still = SimpleNamespace(time=lambda: start)
    monkeypatch.setattr(ratelimit, "time", still)
    monkeypatch.setattr(intake, "time", still)
