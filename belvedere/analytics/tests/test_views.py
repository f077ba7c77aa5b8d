"""Every page and API route: success for managers, refusal for others, bad input handled."""

import pytest

from .conftest import DAY

PAGES = ["/analytics/", "/analytics/community/", "/analytics/satisfaction/",
         "/analytics/objectives/", "/analytics/reports/", "/analytics/surveys/new/",
         "/analytics/objectives/new/", "/analytics/realtime/"]  # fmt: skip
API = ["/api/v1/analytics/metrics", "/api/v1/analytics/traffic", "/api/v1/analytics/community",
       "/api/v1/analytics/satisfaction", "/api/v1/analytics/objectives",
       "/api/v1/analytics/reports", "/api/v1/analytics/traffic/page",
       "/api/v1/analytics/metrics/traffic.visitors"]  # fmt: skip


@pytest.mark.parametrize("url", PAGES)
def test_pages_for_managers(url, login_as, dave, small_day):
    assert login_as(dave).get(url, {"since": DAY, "until": DAY}).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_pages_refuse_members(url, login_as, carol):
    assert login_as(carol).get(url).status_code == 403


def test_bad_dates_fall_back_to_the_default_period(login_as, dave):
    assert (
        login_as(dave).get("/analytics/", {"since": "yesterday", "until": "x"}).status_code == 200
    )


@pytest.mark.parametrize("table", ["page", "source", "daily", "goals"])
def test_csv_export(table, login_as, dave, small_day):
    response = login_as(dave).get("/analytics/", {"since": DAY, "until": DAY, "format": "csv",
                                                  "table": table})  # fmt: skip
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_unknown_csv_table_is_404(login_as, dave):
    assert login_as(dave).get("/analytics/", {"format": "csv", "table": "x"}).status_code == 404


@pytest.mark.parametrize("url", API)
def test_api_for_managers(url, client, dave, token_for, small_day):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(dave)}"}
    assert client.get(url, {"since": DAY, "until": DAY}, **auth).status_code == 200


@pytest.mark.parametrize("url", API)
def test_api_refuses_members(url, client, carol, token_for):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(carol)}"}
    assert client.get(url, **auth).status_code == 403


def test_api_figures_and_bad_input(client, dave, token_for, small_day):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(dave)}"}
    body = client.get("/api/v1/analytics/traffic", {"since": DAY, "until": DAY}, **auth).json()
    assert body["summary"]["visits"] == 4
    assert client.get("/api/v1/analytics/traffic/nope", **auth).status_code == 404
    assert client.get("/api/v1/analytics/metrics/nope", **auth).status_code == 404
    assert client.get("/api/v1/analytics/traffic", {"since": "x"}, **auth).status_code in (400, 422)


def test_create_survey_objective_goal_and_report(login_as, dave, small_day):
    c = login_as(dave)
    r = c.post("/analytics/surveys/new/", {"title": "Q", "channel": "site", "nps_question": "?"})
    assert r.status_code == 302
    assert c.post("/analytics/surveys/new/", {"title": ""}).status_code == 400
    r = c.post(
        "/analytics/objectives/new/", {"name": "O", "kind": "custom", "deadline": "2026-12-01"}
    )
    assert r.status_code == 302
    kpi_url = r["Location"] + "kpis/"
    assert c.post(kpi_url, {"metric": "traffic.visitors", "target": 10, "baseline": 0,
                            "window_days": 30}).status_code == 302  # fmt: skip
    assert c.post(kpi_url, {"metric": "nope", "target": "x"}).status_code == 400
    assert c.post("/analytics/goals/new/", {"name": "G", "kind": "event", "target": "Signup"}
                  ).status_code == 302  # fmt: skip
    r = c.post("/analytics/reports/", {"since": DAY, "until": DAY})
    assert r.status_code == 302
    assert c.get(r["Location"]).status_code == 200
    assert c.post("/analytics/reports/", {"since": "bad"}).status_code == 400


def test_banner_fragment(login_as, carol, dave):
    from belvedere.analytics.services.surveys import create_survey

    create_survey(actor=dave, title="Tell us", questions=[("csat", "Happy?")])
    assert b"Tell us" in login_as(carol).get("/analytics/surveys/banner/").content


@pytest.mark.parametrize(
    "url, table",
    [("/analytics/community/", t) for t in ("actions", "categories", "contributors", "levels",
                                             "cohorts")]
    + [("/analytics/satisfaction/", t) for t in ("indicators", "sentiment")],
)  # fmt: skip
def test_every_table_exports_csv(url, table, login_as, dave, carol, small_day):
    response = login_as(dave).get(url, {"format": "csv", "table": table})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert login_as(dave).get(url, {"format": "csv", "table": "nope"}).status_code == 404
    assert login_as(carol).get(url, {"format": "csv", "table": table}).status_code == 403


def test_traffic_tables_have_readable_titles_in_both_languages(login_as, dave, small_day):
    client = login_as(dave)
    page = client.get("/analytics/", {"since": DAY, "until": DAY}).content.decode()
    for title in ("Top pages", "Entry pages", "Referrers", "UTM campaigns", "Operating systems"):
        assert f"<h2>{title}</h2>" in page
    assert "<h2>entry_page</h2>" not in page and "google.com" in page
    assert "once a GeoIP file is configured" in page  # countries, without a GeoIP file
    client.cookies["django_language"] = "fr"
    page = client.get("/analytics/", {"since": DAY, "until": DAY}).content.decode()
    assert "<h2>Pages d&#x27;entrée</h2>" in page
    assert "Rien sur cette période." in page  # UTM campaigns: none that day


def test_community_actions_are_named_in_the_reader_s_language(login_as, dave, small_day):
    client = login_as(dave)
    client.cookies["django_language"] = "fr"
    page = client.get("/analytics/community/", {"since": DAY, "until": DAY}).content.decode()
    assert "<td>Réponses aux enquêtes</td>" in page and "<td>survey_answers</td>" not in page


def test_trends_of_scores_are_in_points_and_of_counts_relative():
    from belvedere.analytics.metrics import METRICS

    nps, flags = METRICS["satisfaction.nps"], METRICS["content.flags"]
    assert (nps.change(-16.7, 45.5), nps.change_unit) == (-62.2, "pts")
    assert (flags.change(8, 4), flags.change_unit) == (100.0, "%")
    assert nps.change(None, 3) is None and flags.change(8, 0) is None
    assert METRICS["satisfaction.csat"].change_unit == "pts"
