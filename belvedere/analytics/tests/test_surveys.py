"""NPS and CSAT formulas, targeting, answering on the site and through a signed link."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from belvedere.analytics.models import Response
from belvedere.analytics.queries.surveys import csat_of, get_banner_survey, nps_of, survey_results
from belvedere.analytics.services.surveys import answer_survey, create_survey, email_survey


def test_nps_formula():
    assert nps_of([10, 9, 8, 7, 6, 0]) == 0.0  # 2 promoters, 2 detractors of 6
    assert nps_of([10, 10, 9, 3]) == 50.0  # 75 % − 25 %
    assert nps_of([]) is None


def test_csat_formula():
    assert csat_of([5, 4, 3, 1]) == 50.0
    assert csat_of([]) is None


@pytest.fixture
def survey(dave):
    return create_survey(actor=dave, title="How are we doing?",
                         questions=[("nps", "Recommend?"), ("csat", "Happy?"), ("text", "Why?")],
                         roles=["member"])  # fmt: skip


def test_answer_and_results(survey, carol, mallory):
    q = {x.kind: x.pk for x in survey.questions.all()}
    answer_survey(survey, carol, {q["nps"]: "10", q["csat"]: "4", q["text"]: "Great"})
    answer_survey(survey, mallory, {q["nps"]: "3", q["csat"]: "2"})
    results = survey_results(survey)
    assert results["responses"] == 2 and results["targeted"] == 2
    assert results["response_rate"] == 100.0
    nps_row, csat_row, text_row = results["questions"]
    assert nps_row["nps"] == 0.0 and csat_row["csat"] == 50.0 and text_row["texts"] == ["Great"]


def test_bad_answers_are_refused(survey, carol, bob):
    q = {x.kind: x.pk for x in survey.questions.all()}
    with pytest.raises(ValidationError):
        answer_survey(survey, carol, {q["nps"]: "11"})
    with pytest.raises(ValidationError):
        answer_survey(survey, carol, {})
    with pytest.raises(ValidationError):  # bob is a moderator: not in the segment
        answer_survey(survey, bob, {q["nps"]: "9"})
    answer_survey(survey, carol, {q["nps"]: "9"})
    with pytest.raises(ValidationError):
        answer_survey(survey, carol, {q["nps"]: "9"})
    assert Response.objects.count() == 1


def test_banner_shows_the_targeted_survey_once(survey, carol, bob):
    assert get_banner_survey(carol) == survey
    assert get_banner_survey(bob) is None
    answer_survey(survey, carol, {survey.questions.first().pk: "8"})
    assert get_banner_survey(carol) is None


def test_email_link_lets_the_member_answer(survey, carol, client, dave):
    survey.channel = "email"
    survey.save()
    assert email_survey(survey, actor=dave) == 1
    link = next(word for word in mail.outbox[0].body.split() if "/analytics/s/" in word)
    path = link.split("127.0.0.1:8000")[-1]
    page = client.get(path)
    assert page.status_code == 200
    nps = survey.questions.get(kind="nps")
    client.post(path, {f"q{nps.pk}": "9"})
    assert Response.objects.get().respondent == carol
    assert client.get("/analytics/s/forged-token/").status_code == 404
