from datetime import UTC, date, datetime

import pytest

from belvedere.analytics.services.flush import store_events
from belvedere.analytics.services.rollup import rollup_day

DAY = date(2026, 3, 2)


def at(hour: int, minute: int = 0, second: int = 0) -> float:
    return datetime(2026, 3, 2, hour, minute, second, tzinfo=UTC).timestamp()


def payload(v, name, path, t, **extra) -> dict:
    base = {"t": t, "n": name, "d": "belvedere.test", "p": path, "v": v, "i": True, "e": 0,
            "props": {}, "source": "", "referrer": "", "utm_source": "", "utm_medium": "",
            "utm_campaign": "", "country": "", "device": "Desktop", "browser": "Firefox",
            "os": "Linux", "language": "fr"}  # fmt: skip
    return {**base, **extra}


@pytest.fixture(autouse=True)
def _forget_salt():
    """The salt is memoised per process; each test starts with an empty database."""
    from belvedere.analytics.services import intake, salts

    salts._current = None
    intake.discard()
    yield
    salts._current = None
    intake.discard()


@pytest.fixture
def small_day(db):
    """The hand-computed data set of docs/analytics.md (“A worked example”)."""
    store_events(
        [
            payload(1, "pageview", "/", at(10), source="Google", referrer="google.com"),
            payload(1, "pageview", "/b", at(10, 5)),
            payload(1, "pageview", "/b", at(11)),  # 55 minutes later: a new visit
            payload(2, "pageview", "/", at(10), device="Mobile", language="en"),
            payload(2, "Signup", "/", at(10, 1)),
            payload(3, "pageview", "/c", at(12)),
            payload(3, "engagement", "/c", at(12, 0, 30)),
        ]
    )
    rollup_day(DAY)
    return DAY
