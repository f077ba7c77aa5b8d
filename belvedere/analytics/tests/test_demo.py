"""The demo: 90 days of traffic, logins and searches, survey answers, an objective, a report."""

from belvedere.analytics import demo
from belvedere.analytics.models import KpiSnapshot, Report, Rollup
from belvedere.analytics.queries import community
from belvedere.analytics.queries.periods import period_of


def test_demo_builds_90_days(alice, carol, mallory):
    assert "90 days of traffic" in demo.build()
    actions = community.member_actions(period_of(days=91))
    assert actions["logins"] > 20 and actions["searches"] > 0
    assert community.member_actions(period_of(days=1))["logins"] == 0  # nothing dated today
    days = set(Rollup.objects.filter(dimension="").values_list("bucket", flat=True))
    assert len(days) >= 90
    assert Report.objects.count() == 1 and KpiSnapshot.objects.exists()
