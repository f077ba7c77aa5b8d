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
