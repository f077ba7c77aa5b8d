"""Reports, recommendations and objectives."""

import os
from datetime import date

import pytest

from belvedere.analytics.models import Report, ReportSubscription
from belvedere.analytics.queries.periods import Period
from belvedere.analytics.recommendations import recommend
from belvedere.analytics.services.objectives import add_kpi, create_objective, snapshot_kpis
from belvedere.analytics.services.reports import build_report, email_report, pdf_of

from .conftest import DAY


def figures(**indicators):
    return {"indicators": {k: {"value": v, "previous": p} for k, (v, p) in indicators.items()},
            "questions": {}, "categories": [], "categories_previous": []}  # fmt: skip


def test_first_reply_rule_names_the_category_and_figures():
    data = figures()
    data["categories"] = [{"id": 1, "category": "Help", "first_reply_hours": 7.0}]
    data["categories_previous"] = [{"id": 1, "category": "Help", "first_reply_hours": 5.0}]
    (item,) = recommend(data)
    assert item["code"] == "first_reply_rose"
    assert item["figures"] == {"category": "Help", "previous_hours": 5.0, "hours": 7.0,
                               "rise_percent": 40}  # fmt: skip
    data["categories"][0]["first_reply_hours"] = 6.9  # +38 %: below the threshold
    assert recommend(data) == []


@pytest.mark.parametrize(
    "indicators, code",
    [
        ({"satisfaction.nps": (20, 35)}, "nps_fell"),
        ({"content.negative_mentions": (12, 4)}, "negative_mentions_surge"),
        ({"traffic.bounce_rate": (62.0, 50.0)}, "bounce_rate_rose"),
        ({"community.active_members": (70, 100)}, "active_members_fell"),
    ],
)
def test_rules(indicators, code):
    assert [r["code"] for r in recommend(figures(**indicators))] == [code]


def test_quiet_period_has_no_recommendation():
    assert recommend(figures(**{"satisfaction.nps": (30, 35)})) == []


def test_unanswered_rule():
    data = figures()
    data["questions"] = {"answered_share": 50.0, "topics": 10}
    assert [r["code"] for r in recommend(data)] == ["unanswered_questions"]


def test_report_is_archived_and_emailed(small_day, dave, bob, mailoutbox):
    ReportSubscription.objects.create(user=bob, weekly=True, monthly=False)
    report = build_report("on_demand", Period(DAY, DAY), actor=dave)
    assert report.figures["indicators"]["traffic.visitors"]["value"] == 3
    assert "<svg" in report.html
    assert Report.objects.count() == 1
    assert email_report(report, [bob.email]) == 1
    assert mailoutbox[0].to == [bob.email]


def test_pdf(small_day, dave):
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        why = (f"PDF reports need pango, which WeasyPrint cannot load ({exc}): run "
               "scripts/ensure-system-deps as root, or apt-get install libpango-1.0-0 "
               "libpangoft2-1.0-0")  # fmt: skip
        if os.environ.get("BELVEDERE_TEST_SERVICES") == "required":
            pytest.fail(why)
        pytest.skip(why)
    report = build_report("on_demand", Period(DAY, DAY), actor=dave)
    assert pdf_of(report).startswith(b"%PDF")


def test_objective_progress(small_day, dave):
    objective = create_objective(actor=dave, name="Grow", kind="brand_promotion",
                                 deadline=date(2026, 12, 31))  # fmt: skip
    kpi = add_kpi(objective, actor=dave, metric="traffic.visitors", target=6, baseline=0,
                  window_days=1)  # fmt: skip
    assert snapshot_kpis(DAY) == 1
    value = kpi.snapshots.get().value
    assert value == 3 and kpi.progress(value) == 50.0
