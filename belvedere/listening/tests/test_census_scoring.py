"""The census's scoring constants: defaults, editing by managers, effect on scores."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.listening.models import CensusScoring, Community
from belvedere.listening.queries_census import (
    community_stats,
    get_scoring,
    impact_score,
    list_suggestions,
)
from belvedere.listening.services.census import reset_scoring, update_scoring

pytestmark = pytest.mark.django_db
API = "/api/v1/listening/communities/scoring"
URL = "/listening/communities/scoring/"
GOOD = {"activity_days": 7, "activity_weight": 2, "sentiment_weight": 0,
        "suggestion_days": 30, "suggestion_minimum": 3}  # fmt: skip


def test_defaults_give_the_documented_formula_without_saving_a_row():
    scoring = get_scoring()
    assert (scoring.activity_days, scoring.activity_weight, scoring.sentiment_weight) == (28, 1, 1)
    assert (scoring.suggestion_days, scoring.suggestion_minimum) == (90, 5)
    assert not CensusScoring.objects.exists()
    assert impact_score(4, 999, 0.25, -0.5, scoring) == 22.5


def test_weights_change_the_impact():
    scoring = CensusScoring(activity_weight=2, sentiment_weight=0)
    # 4 × log10(1000) × (1 + 2 × 0.25) × (1 + 0 × 0.5) = 4 × 3 × 1.5
    assert impact_score(4, 999, 0.25, -0.5, scoring) == 18.0


def test_window_and_thresholds_follow_the_scoring(put_mentions, dave):
    community = Community.objects.create(
        name="Smart home", kind="subreddit", match_key="r/smarthome", size=999, relevance=4
    )
    now = timezone.now()
    put_mentions([(now - timedelta(days=2), "positive")], community="r/smarthome")
    put_mentions([(now - timedelta(days=20), "negative")] * 3, community="r/smarthome")
    put_mentions([(now - timedelta(days=1), "")] * 3, platform="reddit", community="r/new")
    assert community_stats([community])[0].mentions == 4
    assert list_suggestions() == []  # 3 mentions < 5
    update_scoring(actor=dave, **GOOD)
    stats = community_stats([community])[0]
    assert stats.mentions == 1 and stats.per_week == 1.0  # a 7-day window
    assert stats.impact == pytest.approx(4 * 3 * (1 + 2 * 0.25), abs=0.01)  # 1 of 4 mentions
    assert [s.key for s in list_suggestions()] == ["r/new"]


def test_managers_edit_the_scoring_in_the_ui(login_as, dave):
    client = login_as(dave)
    page = client.get(reverse("listening:communities")).content.decode()
    assert "(1 + 1.0 × activity share)" in page and URL in page
    assert client.get(URL).status_code == 200
    response = client.post(URL, GOOD)
    assert response.status_code == 302
    scoring = CensusScoring.objects.get()
    assert (scoring.activity_days, scoring.activity_weight, scoring.suggestion_minimum) == (7, 2, 3)
    entry = Entry.objects.get(verb="listening.census_scoring_updated")
    assert entry.is_staff_action and entry.actor == dave
    page = client.get(reverse("listening:communities")).content.decode()
    assert "(1 + 2.0 × activity share)" in page and "last 7 days" in page
    assert client.post(URL, {"reset": "1"}).status_code == 302
    assert get_scoring().activity_days == 28 and get_scoring().activity_weight == 1


@pytest.mark.parametrize(
    "bad",
    [{"activity_days": 0}, {"activity_days": 400}, {"activity_weight": -1},
     {"sentiment_weight": 11}, {"suggestion_minimum": 0}, {"activity_weight": "lots"}],
)  # fmt: skip
def test_scoring_form_refuses_bad_values(login_as, dave, bad):
    response = login_as(dave).post(URL, {**GOOD, **bad})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not CensusScoring.objects.exists()


def test_scoring_page_is_for_managers(login_as, bob, carol):
    assert login_as(bob).get(URL).status_code == 403
    assert login_as(carol).post(URL, GOOD).status_code == 403
    assert not CensusScoring.objects.exists()


def test_scoring_api(client, token_for, dave, bob, carol):
    def call(user, method, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}
        data = json.dumps(body) if body is not None else None
        return getattr(client, method)(API, data, content_type="application/json", **headers)

    body = call(bob, "get").json()
    assert body["activity_days"] == 28 and "log10" in body["formula"]
    assert call(carol, "get").status_code == 403
    assert call(bob, "patch", {"activity_weight": 3}).status_code == 403
    response = call(dave, "patch", {"activity_weight": 11})
    assert response.status_code == 422
    response = call(dave, "patch", {"activity_weight": 0.5, "suggestion_days": 60})
    assert response.status_code == 200 and response.json()["activity_weight"] == 0.5
    assert get_scoring().suggestion_days == 60 and get_scoring().activity_days == 28
    reset_scoring(actor=dave)
    assert get_scoring().activity_weight == 1.0
