"""Every traffic metric on the hand-computed day of docs/analytics.md."""

from belvedere.analytics.models import Goal, Visit
from belvedere.analytics.queries import traffic
from belvedere.analytics.queries.periods import Period

from .conftest import DAY


def period():
    return Period(DAY, DAY)


def test_summary_matches_the_worked_example(small_day):
    summary = traffic.traffic_summary(period())
    assert summary["visitors"] == 3
    assert summary["visits"] == 4
    assert summary["pageviews"] == 5
    assert summary["bounces"] == 2
    assert summary["bounce_rate"] == 50.0
    assert summary["duration"] == 300 + 0 + 60 + 30
    assert summary["visit_duration"] == 98  # 390 / 4 = 97.5, rounded half to even
    assert summary["views_per_visit"] == 1.25
    assert summary["events"] == 1


def test_visits_follow_the_30_minute_rule(small_day):
    visits = Visit.objects.filter(visitor_id=1).order_by("started_at")
    assert [(v.entry_page, v.exit_page, v.pageviews) for v in visits] == [
        ("/", "/b", 2),
        ("/b", "/b", 1),
    ]


def test_breakdowns(small_day):
    pages = {
        r["value"]: (r["visitors"], r["pageviews"]) for r in traffic.breakdown("page", period())
    }
    assert pages == {"/": (2, 2), "/b": (1, 2), "/c": (1, 1)}
    entry = {r["value"]: r["visits"] for r in traffic.breakdown("entry_page", period())}
    assert entry == {"/": 2, "/b": 1, "/c": 1}
    exits = {r["value"]: r["visits"] for r in traffic.breakdown("exit_page", period())}
    assert exits == {"/b": 2, "/": 1, "/c": 1}
    sources = traffic.breakdown("source", period())
    assert [(r["value"], r["visitors"], r["visits"], r["bounce_rate"]) for r in sources] == [
        ("Google", 1, 1, 0.0)
    ]
    devices = {r["value"]: r["visitors"] for r in traffic.breakdown("device", period())}
    assert devices == {"Desktop": 2, "Mobile": 1}
    languages = {r["value"]: r["visits"] for r in traffic.breakdown("language", period())}
    assert languages == {"fr": 3, "en": 1}
    events = traffic.breakdown("event", period())
    assert [(r["value"], r["visitors"], r["events"]) for r in events] == [("Signup", 1, 1)]


def test_goals_and_conversion_rate(small_day):
    Goal.objects.create(name="Sign-ups", kind="event", target="Signup")
    Goal.objects.create(name="Saw b", kind="page", target="/b*")
    rows = {r["goal"]: r for r in traffic.goal_conversions(period())}
    assert (rows["Sign-ups"]["visitors"], rows["Sign-ups"]["conversion_rate"]) == (1, 33.3)
    assert (rows["Saw b"]["visitors"], rows["Saw b"]["events"]) == (1, 2)


def test_rollup_is_idempotent(small_day):
    from belvedere.analytics.services.rollup import rollup_day

    rollup_day(DAY)
    assert traffic.traffic_summary(period())["visits"] == 4


def test_realtime_counts_the_last_five_minutes(small_day):
    from datetime import UTC, datetime

    assert traffic.realtime_visitors(datetime(2026, 3, 2, 12, 3, tzinfo=UTC)) == 1
    assert traffic.realtime_visitors(datetime(2026, 3, 2, 10, 4, tzinfo=UTC)) == 2


def test_empty_period_has_no_rates(db):
    summary = traffic.traffic_summary(period())
    assert summary["visitors"] == 0
    assert summary["bounce_rate"] is None


def test_a_later_batch_continues_an_open_visit(db):
    """Batches are stored one after the other (COPY on PostgreSQL, bulk INSERT elsewhere)."""
    from belvedere.analytics.models import Event
    from belvedere.analytics.services.flush import store_events

    from .conftest import at, payload

    store_events([payload(7, "pageview", "/a", at(9), props={"k": "v"})])
    store_events([payload(7, "pageview", "/b", at(9, 10)), payload(7, "Signup", "/b", at(9, 11)),
                  payload(8, "pageview", "/c", at(9, 12))])  # fmt: skip
    visit = Visit.objects.get(visitor_id=7)
    assert (visit.entry_page, visit.exit_page, visit.pageviews, visit.interactions) == (
        "/a", "/b", 2, 1)  # fmt: skip
    assert visit.duration == 11 * 60
    assert Event.objects.filter(visit=visit).count() == 3
    assert Event.objects.get(pathname="/a").props == {"k": "v"}
    assert Visit.objects.count() == 2
