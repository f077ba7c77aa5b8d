"""Hand-off to GitHub, GitLab, Jira, a webhook or email; back when the issue closes."""

import hashlib
import hmac
import json

import pytest

from belvedere.uptime.models import Report, Tracker
from belvedere.uptime.services import handoff

pytestmark = pytest.mark.usefixtures("private_ok")


@pytest.fixture
def report(carol):
    return Report.objects.create(
        kind="problem",
        title="Search is empty",
        description="No results.",
        page_url="https://forum.example/search",
        reporter=carol,
    )


def make_tracker(kind, recorder, **fields):
    return Tracker.objects.create(
        name=kind, kind=kind, base_url=recorder.base, token="t0k", **fields
    )


def test_github_issue_and_closing_webhook(
    login_as, dave, report, recorder, client, mailoutbox, django_capture_on_commit_callbacks
):
    recorder.routes[("POST", "/repos/acme/site/issues")] = (
        201,
        {"number": 42, "html_url": "https://github.example/acme/site/issues/42"},
    )
    tracker = make_tracker("github", recorder, project="acme/site")
    response = login_as(dave).post(f"/uptime/triage/{report.pk}/hand-off/", {"tracker": tracker.pk})
    assert response.status_code == 302
    sent = recorder.requests[0]
    assert sent["method"] == "POST" and sent["path"] == "/repos/acme/site/issues"
    assert sent["headers"]["Authorization"] == "Bearer t0k"
    assert sent["json"]["title"] == "Search is empty" and "No results." in sent["json"]["body"]
    report.refresh_from_db()
    assert report.status == "handed_off" and report.tracker_issue_id == "42"
    body = json.dumps({"action": "closed", "issue": {"number": 42}}).encode()
    signature = (
        "sha256=" + hmac.new(tracker.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            f"/uptime/trackers/{tracker.pk}/webhook",
            body,
            content_type="application/json",
            HTTP_X_HUB_SIGNATURE_256=signature,
        )
    assert answer.json() == {"resolved": 1}
    report.refresh_from_db()
    assert report.status == "resolved"
    assert (
        mailoutbox[-1].to == ["carol@example.com"] and "Search is empty" in mailoutbox[-1].subject
    )


def test_webhook_with_a_bad_secret_is_refused(client, recorder, report, db):
    tracker = make_tracker("github", recorder, project="acme/site")
    body = json.dumps({"action": "closed", "issue": {"number": 1}})
    response = client.post(
        f"/uptime/trackers/{tracker.pk}/webhook",
        body,
        content_type="application/json",
        HTTP_X_HUB_SIGNATURE_256="sha256=00",
    )
    assert response.status_code == 403
    assert (
        client.post(
            f"/uptime/trackers/{tracker.pk}/webhook",
            "{",
            content_type="application/json",
            HTTP_X_BELVEDERE_SECRET=tracker.webhook_secret,
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/uptime/trackers/999/webhook", body, content_type="application/json"
        ).status_code
        == 404
    )


def test_gitlab_issue_and_polling(dave, report, recorder):
    recorder.routes[("POST", "/api/v4/projects/12/issues")] = (
        201,
        {"iid": 7, "web_url": "https://gitlab.example/p/-/issues/7"},
    )
    recorder.routes[("GET", "/api/v4/projects/12/issues/7")] = (200, {"iid": 7, "state": "closed"})
    tracker = make_tracker("gitlab", recorder, project="12")
    handoff.hand_off_report(report, tracker, actor=dave)
    sent = recorder.requests[0]
    assert (
        sent["path"] == "/api/v4/projects/12/issues" and sent["headers"]["PRIVATE-TOKEN"] == "t0k"
    )
    assert sent["json"]["title"] == "Search is empty" and "description" in sent["json"]
    assert handoff.poll_open_issues() == 1
    report.refresh_from_db()
    assert report.status == "resolved"


def test_gitlab_webhook_token(client, dave, report, recorder):
    recorder.routes[("POST", "/api/v4/projects/12/issues")] = (201, {"iid": 7, "web_url": ""})
    tracker = make_tracker("gitlab", recorder, project="12")
    handoff.hand_off_report(report, tracker, actor=dave)
    body = {"object_kind": "issue", "object_attributes": {"iid": 7, "action": "close"}}
    response = client.post(
        f"/uptime/trackers/{tracker.pk}/webhook",
        body,
        content_type="application/json",
        HTTP_X_GITLAB_TOKEN=tracker.webhook_secret,
    )
    assert response.json() == {"resolved": 1}


def test_jira_issue(dave, report, recorder):
    recorder.routes[("POST", "/rest/api/2/issue")] = (201, {"id": "10001", "key": "OPS-3"})
    tracker = make_tracker("jira", recorder, project="OPS", username="bot@example.com")
    handoff.hand_off_report(report, tracker, actor=dave)
    sent = recorder.requests[0]
    assert sent["path"] == "/rest/api/2/issue" and sent["headers"]["Authorization"].startswith(
        "Basic "
    )
    assert sent["json"]["fields"]["project"] == {"key": "OPS"}
    assert sent["json"]["fields"]["summary"] == "Search is empty"
    report.refresh_from_db()
    assert report.tracker_issue_url.endswith("/browse/OPS-3")


def test_webhook_tracker_and_call_back(client, dave, report, recorder):
    tracker = Tracker.objects.create(name="hook", kind="webhook", base_url=recorder.base + "/hook")
    handoff.hand_off_report(report, tracker, actor=dave)
    assert recorder.requests[0]["json"]["id"] == f"report-{report.pk}"
    response = client.post(
        f"/uptime/trackers/{tracker.pk}/webhook?secret={tracker.webhook_secret}",
        {"id": f"report-{report.pk}", "state": "closed"},
        content_type="application/json",
    )
    assert response.json() == {"resolved": 1}


def test_email_tracker(dave, report, mailoutbox, db):
    tracker = Tracker.objects.create(name="inbox", kind="email", email_to="tech@example.com")
    handoff.hand_off_report(report, tracker, actor=dave)
    assert (
        mailoutbox[0].to == ["tech@example.com"] and f"report-{report.pk}" in mailoutbox[0].subject
    )


def test_tracker_error_is_shown_not_raised(login_as, dave, report, recorder):
    recorder.routes[("POST", "/repos/acme/site/issues")] = (401, {"message": "Bad credentials"})
    tracker = make_tracker("github", recorder, project="acme/site")
    response = login_as(dave).post(
        f"/uptime/triage/{report.pk}/hand-off/", {"tracker": tracker.pk}, follow=True
    )
    assert response.status_code == 200 and b"Bad credentials" in response.content
    report.refresh_from_db()
    assert report.status == "new"


def test_moderators_cannot_hand_off(login_as, bob, report, recorder):
    tracker = make_tracker("github", recorder, project="acme/site")
    assert (
        login_as(bob)
        .post(f"/uptime/triage/{report.pk}/hand-off/", {"tracker": tracker.pk})
        .status_code
        == 403
    )
    assert recorder.requests == []


def test_incident_opens_and_closes_a_tracker_issue(
    site, make_monitor, run_due, recorder, django_capture_on_commit_callbacks
):
    recorder.routes[("POST", "/repos/acme/site/issues")] = (201, {"number": 9, "html_url": "u"})
    tracker = make_tracker("github", recorder, project="acme/site")
    make_monitor(url=site.url(), failures_before_down=1, tracker=tracker)
    site.stop()
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
    assert recorder.requests[0]["path"] == "/repos/acme/site/issues"
    site.start()
    with django_capture_on_commit_callbacks(execute=True):
        run_due()
    closing = [r for r in recorder.requests if r["method"] == "PATCH"]
    assert closing and closing[0]["path"] == "/repos/acme/site/issues/9"
    assert closing[0]["json"] == {"state": "closed"}
