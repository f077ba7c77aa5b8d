"""Dashboard figures on hand-computed data, the page, its CSV tables and the API."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from belvedere.core.charts import bar_chart, donut_chart, line_chart, stacked_bar_chart
from belvedere.listening.models import QueryKind
from belvedere.listening.queries_dashboard import (
    Period,
    dashboard,
    mentions_in,
    period_of,
    reputation,
    share_of_voice,
    top_authors,
)

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 10)


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def test_reputation_weights_sentiment_by_log_reach(put_mentions):
    put_mentions([(at(DAY), "positive")], reach=99)  # w = ln 100 = 2 ln 10
    put_mentions([(at(DAY), "negative")], reach=9)  # w = ln 10
    put_mentions([(at(DAY), "neutral")], reach=9)  # w = ln 10
    put_mentions([(at(DAY), "")], reach=10**6)  # not analysed: left out
    # 100 × (2 − 1 + 0) ln 10 / (2 + 1 + 1) ln 10 = 25
    assert reputation(mentions_in(Period(DAY, DAY))) == 25.0
    assert reputation(mentions_in(Period(DAY + timedelta(days=1), DAY + timedelta(days=1)))) is None


def test_share_of_voice_by_brand_and_competitor_queries(put_mentions, make_query):
    brand = make_query("helios", name="Hélios", kind=QueryKind.BRAND)
    rival = make_query("nimbus", name="Nimbus", kind=QueryKind.COMPETITOR)
    topic = make_query("domotique", name="Domotique", kind=QueryKind.TOPIC)
    put_mentions([(at(DAY), "")] * 3, query=brand)
    put_mentions([(at(DAY), "")], query=rival)
    put_mentions([(at(DAY), "")] * 5, query=topic)
    rows = share_of_voice(Period(DAY, DAY))
    assert [(r["name"], r["mentions"], r["share"]) for r in rows] == [
        ("Hélios", 3, 75.0),
        ("Nimbus", 1, 25.0),
    ]


def test_top_authors_by_reach_times_mentions(put_mentions):
    put_mentions([(at(DAY), "")] * 2, author_name="Ada", author_handle="ada", reach=100)
    put_mentions([(at(DAY), "")], author_name="Bea", author_handle="bea", reach=1000)
    rows = top_authors(mentions_in(Period(DAY, DAY)))
    assert [(r["author_name"], r["influence"]) for r in rows] == [("Bea", 1000), ("Ada", 200)]


def test_volume_and_comparison_with_the_previous_period(put_mentions):
    put_mentions([(at(DAY), "positive")] * 2 + [(at(DAY - timedelta(days=2)), "negative")])
    figures = dashboard(Period(DAY - timedelta(days=1), DAY))
    assert [n for _day, n in figures["volume"]] == [0, 2]
    assert figures["total"] == 2 and figures["total_previous"] == 1
    assert figures["sentiment"]["positive"] == 2 and figures["sentiment_previous"]["negative"] == 1
    assert figures["previous"] == Period(DAY - timedelta(days=3), DAY - timedelta(days=2))


def test_period_of_defaults_orders_and_caps():
    assert period_of(None, DAY).days == 30
    assert period_of(DAY, DAY - timedelta(days=3)) == Period(DAY - timedelta(days=3), DAY)
    assert period_of(date(2000, 1, 1), DAY).days == 731


def test_charts_escape_labels_and_are_accessible():
    svg = line_chart(["<a>", "b"], [("<script>", [1, 2])], title="Vol & co")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'aria-label="Vol &amp; co"' in svg and "<title>Vol &amp; co</title>" in svg
    assert "<rect" in bar_chart([("x", 3)], title="t")
    assert "<rect" in stacked_bar_chart(["d"], [("p", [1]), ("n", [2])], title="t")
    assert "stroke-dasharray" in donut_chart([("fr", 3), ("en", 1)], title="t")
    assert "No data" in donut_chart([], title="t")


def test_dashboard_page_and_csv(client, dave, put_mentions):
    today = timezone.localdate()
    put_mentions([(at(today, 1), "positive")], author_name="Ada", community="r/x", reach=9)
    client.force_login(dave)
    page = client.get(reverse("listening:dashboard"))
    assert page.status_code == 200 and b"<svg" in page.content and b"ln(1 + reach)" in page.content
    for table in (
        "volume",
        "sentiment",
        "share_of_voice",
        "authors",
        "communities",
        "domains",
        "languages",
    ):
        csv = client.get(reverse("listening:dashboard"), {"table": table, "format": "csv"})
        assert csv.status_code == 200, table
    authors = client.get(reverse("listening:dashboard"), {"table": "authors", "format": "csv"})
    assert b"Ada" in b"".join(authors.streaming_content)


def test_dashboard_refuses_members_and_bad_input(client, bob, carol):
    client.force_login(carol)
    assert client.get(reverse("listening:dashboard")).status_code == 403
    client.force_login(bob)
    assert client.get(reverse("listening:dashboard"), {"since": "not a date"}).status_code == 200
    bad_table = client.get(reverse("listening:dashboard"), {"table": "nope", "format": "csv"})
    assert bad_table.status_code == 404


def test_dashboard_api(client, bob, carol, put_mentions):
    put_mentions([(at(DAY), "positive")], reach=99)
    client.force_login(bob)
    response = client.get(
        "/api/v1/listening/dashboard", {"since": "2026-03-01", "until": "2026-03-10"}
    )
    body = response.json()
    assert response.status_code == 200 and body["reputation"] == 100.0
    assert body["volume"][-1] == {"day": "2026-03-10", "mentions": 1}
    assert body["previous_until"] == "2026-02-28" and "ln(1 + reach)" in body["reputation_formula"]
    assert client.get("/api/v1/listening/dashboard", {"since": "x"}).status_code == 422
    client.force_login(carol)
    assert client.get("/api/v1/listening/dashboard").status_code == 403
