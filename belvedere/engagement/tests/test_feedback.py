"""Configurable feedback: managers' questions on programmes and events, answers, summaries."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.engagement.models import FeedbackQuestion, ProgrammeFeedback, Registration
from belvedere.engagement.services import programmes as programme_services

API = "/api/v1/engagement"


@pytest.fixture
def api(client, token_for):
    def call(user, method, path, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}
        send = getattr(client, method)
        if body is None:
            return send(API + path, **headers)
        return send(API + path, json.dumps(body), content_type="application/json", **headers)

    return call


@pytest.fixture
def tester(programme, carol, dave):
    application = programme_services.apply(programme, user=carol, motivation="", accept_terms=True)
    programme_services.decide(application, select=True, actor=dave)
    return carol


def add(browser, programme, **fields):
    return browser.post(f"/engagement/programmes/{programme.pk}/questions/", fields, follow=True)


def test_feedback_manager_adds_questions_members_cannot(login_as, dave, carol, programme):
    assert add(login_as(carol), programme, label="Battery?", kind="text").status_code == 403
    browser = login_as(dave)
    page = add(browser, programme, label="Was setup easy?", kind="yesno", required="on")
    assert "Question added." in page.content.decode()
    add(browser, programme, label="Which room?", kind="choice", choices="Kitchen\nBedroom")
    add(browser, programme, label="Battery life", kind="rating", position=5)
    page = add(browser, programme, label="Colour?", kind="choice", choices="Blue")  # one choice
    assert "Give at least two choices" in page.content.decode()
    assert add(browser, programme, label="", kind="text").status_code == 200  # error shown
    assert [q.label for q in programme.questions.all()] == [
        "Was setup easy?",
        "Which room?",
        "Battery life",
    ]
    page = browser.get(f"/engagement/programmes/{programme.pk}/").content.decode()
    assert "Was setup easy?" in page and "Kitchen / Bedroom" in page


def test_feedback_tester_answers_and_the_summary_counts(login_as, dave, tester, programme):
    yes = FeedbackQuestion.objects.create(programme=programme, label="Easy?", kind="yesno",
                                          required=True)  # fmt: skip
    room = FeedbackQuestion.objects.create(
        programme=programme, label="Room", kind="choice", choices="Kitchen\nBedroom"
    )
    text = FeedbackQuestion.objects.create(programme=programme, label="Ideas", kind="text")
    browser = login_as(tester)
    url = f"/engagement/programmes/{programme.pk}/feedback/"
    form = browser.get(f"/engagement/programmes/{programme.pk}/").content.decode()
    assert f'name="q-{yes.pk}"' in form and "Kitchen" in form
    page = browser.post(url, {"rating": 4, f"q-{room.pk}": "Kitchen"}, follow=True)
    assert "Easy?" in page.content.decode() and not ProgrammeFeedback.objects.exists()
    page = browser.post(url, {"rating": 4, f"q-{yes.pk}": "yes", f"q-{room.pk}": "Garage"},
                        follow=True)  # fmt: skip
    assert "Garage is not one of the available choices" in page.content.decode()
    browser.post(url, {"rating": 4, f"q-{yes.pk}": "yes", f"q-{room.pk}": "Kitchen",
                       f"q-{text.pk}": "A night mode"})  # fmt: skip
    feedback = ProgrammeFeedback.objects.get()
    assert feedback.answers == {str(yes.pk): "yes", str(room.pk): "Kitchen",
                                str(text.pk): "A night mode"}  # fmt: skip
    page = login_as(dave).get(f"/engagement/programmes/{programme.pk}/").content.decode()
    assert "Kitchen: 1" in page and "A night mode" in page


def test_feedback_events_through_the_api(api, dave, carol, mallory, make_event):
    event = make_event(starts_at=timezone.now() - timedelta(days=2))
    Registration.objects.create(event=event, user=carol, status="confirmed", checkin_code="QW12")
    body = {"label": "Venue", "kind": "rating", "required": True}
    assert api(carol, "post", f"/events/{event.pk}/questions", body).status_code == 403
    created = api(dave, "post", f"/events/{event.pk}/questions", body)
    assert created.status_code == 201 and created.json()["kind"] == "rating"
    bad = api(dave, "post", f"/events/{event.pk}/questions", {"label": "X", "kind": "essay"})
    assert bad.status_code == 422
    qid = str(created.json()["id"])
    assert [q["label"] for q in api(carol, "get", f"/events/{event.pk}/questions").json()] == [
        "Venue"
    ]
    url = f"/events/{event.pk}/feedback"
    assert api(carol, "post", url, {"rating": 5, "answers": {}}).status_code == 422  # required
    assert api(carol, "post", url, {"rating": 5, "answers": {qid: 9}}).status_code == 422
    assert api(carol, "post", url, {"rating": 5, "answers": {"999": 1}}).status_code == 422
    assert api(carol, "post", url, {"rating": 5, "answers": [1]}).status_code == 422
    answered = api(carol, "post", url, {"rating": 5, "answers": {qid: 4}})
    assert answered.status_code == 200 and answered.json()["answers"] == {qid: 4}
    assert api(mallory, "post", url, {"rating": 1, "answers": {qid: 1}}).status_code == 403
    figures = api(dave, "get", f"/events/{event.pk}/figures").json()
    assert figures["questions"][0]["average"] == 4 and figures["questions"][0]["answered"] == 1
    assert api(carol, "delete", f"/questions/{qid}").status_code == 403
    assert api(dave, "delete", f"/questions/{qid}").status_code == 204
    assert api(dave, "delete", f"/questions/{qid}").status_code == 404


def test_feedback_programme_api_and_question_removal(api, login_as, dave, tester, programme):
    created = api(dave, "post", f"/programmes/{programme.pk}/questions",
                  {"label": "Would you buy it?", "kind": "yesno"}).json()  # fmt: skip
    qid = str(created["id"])
    url = f"/programmes/{programme.pk}/feedback"
    answered = api(tester, "post", url, {"rating": 3, "worked": "Setup", "answers": {qid: True}})
    assert answered.status_code == 200 and answered.json()["answers"] == {qid: "yes"}
    results = api(dave, "get", f"/programmes/{programme.pk}/results").json()
    assert results["questions"][0]["counts"] == {"yes": 1, "no": 0}
    assert results["feedback"][0]["answers"] == {qid: "yes"}
    question = FeedbackQuestion.objects.get(pk=qid)
    browser = login_as(dave)
    assert browser.post(f"/engagement/questions/{question.pk}/delete/").status_code == 302
    assert not FeedbackQuestion.objects.exists()
    assert ProgrammeFeedback.objects.get().answers == {qid: "yes"}  # answers are kept
