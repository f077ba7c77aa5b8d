"""Managers' tracker pages: list, create, edit, test, new webhook secret, delete."""

import pytest

from belvedere.activity.models import Entry
from belvedere.uptime.models import Tracker


@pytest.fixture
def github(db, recorder):
    return Tracker.objects.create(
        name="Site repo", kind="github", base_url=recorder.base, project="acme/site", token="s3cr3t"
    )


def test_tracker_pages_check_the_role(client, login_as, carol, bob, github):
    assert client.get("/uptime/trackers/").status_code == 302  # to the login page
    for persona in (carol, bob):
        browser = login_as(persona)
        assert browser.get("/uptime/trackers/").status_code == 403
        assert browser.get("/uptime/trackers/new/").status_code == 403
        assert browser.get(f"/uptime/trackers/{github.pk}/edit/").status_code == 403
        answer = browser.post(f"/uptime/trackers/{github.pk}/action/", {"action": "delete"})
        assert answer.status_code == 403
    assert Tracker.objects.filter(pk=github.pk).exists()


def test_tracker_create_shows_the_webhook_secret_once(login_as, dave, recorder, private_ok):
    browser = login_as(dave)
    response = browser.post(
        "/uptime/trackers/new/",
        {"name": "Ops", "kind": "gitlab", "base_url": recorder.base, "project": "ops/site",
         "token": "glpat-123", "is_active": "on"},
    )  # fmt: skip
    tracker = Tracker.objects.get(name="Ops")
    assert response.status_code == 200 and tracker.token == "glpat-123"
    page = response.content.decode()
    assert tracker.webhook_secret in page and f"/uptime/trackers/{tracker.pk}/webhook" in page
    assert "glpat-123" not in page
    listing = browser.get("/uptime/trackers/").content.decode()
    assert "Ops" in listing and tracker.webhook_secret not in listing and "glpat" not in listing
    assert Entry.objects.filter(verb="uptime.tracker_created").exists()


def test_tracker_edit_never_echoes_the_token_and_keeps_it(login_as, dave, github, private_ok):
    browser = login_as(dave)
    page = browser.get(f"/uptime/trackers/{github.pk}/edit/").content.decode()
    assert "s3cr3t" not in page and github.webhook_secret not in page
    form = {"name": "Renamed", "kind": "github", "base_url": github.base_url,
            "project": "acme/site", "token": "", "is_active": "on"}  # fmt: skip
    assert browser.post(f"/uptime/trackers/{github.pk}/edit/", form).status_code == 302
    github.refresh_from_db()
    assert (github.name, github.token) == ("Renamed", "s3cr3t")
    form["token"] = "n3w"
    browser.post(f"/uptime/trackers/{github.pk}/edit/", form)
    github.refresh_from_db()
    assert github.token == "n3w"
    entry = Entry.objects.filter(verb="uptime.tracker_updated").latest("pk")
    assert entry.metadata["fields"] == ["token"] and "n3w" not in str(entry.metadata)


def test_tracker_form_refuses_bad_input(login_as, dave, db):
    browser = login_as(dave)
    cases = [
        {"name": "Local", "kind": "webhook", "base_url": "http://127.0.0.1:9/hook"},  # SSRF
        {"name": "Meta", "kind": "webhook", "base_url": "http://169.254.169.254/latest"},
        {"name": "No project", "kind": "github", "token": "x"},
        {"name": "No inbox", "kind": "email", "email_to": ""},
        {"name": "Bad inbox", "kind": "email", "email_to": "not-an-address"},
        {"name": "Odd", "kind": "svn"},
    ]
    for data in cases:
        response = browser.post("/uptime/trackers/new/", data)
        assert response.status_code == 400, data
        assert response.context["form"].errors
    assert not Tracker.objects.exists()


def test_tracker_test_action_calls_the_tracker(login_as, dave, github, recorder, private_ok):
    recorder.routes[("GET", "/repos/acme/site")] = (200, {"full_name": "acme/site"})
    browser = login_as(dave)
    response = browser.post(
        f"/uptime/trackers/{github.pk}/action/", {"action": "test"}, follow=True
    )
    assert "The tracker answered: GitHub: acme/site" in response.content.decode()
    sent = recorder.requests[-1]
    assert (
        sent["path"] == "/repos/acme/site" and sent["headers"]["Authorization"] == "Bearer s3cr3t"
    )
    recorder.routes[("GET", "/repos/acme/site")] = (401, {"message": "Bad credentials"})
    response = browser.post(
        f"/uptime/trackers/{github.pk}/action/", {"action": "test"}, follow=True
    )
    page = response.content.decode()
    assert "The test failed" in page and "401" in page and "s3cr3t" not in page


def test_tracker_test_of_an_email_tracker_sends_mail(login_as, dave, mailoutbox, db):
    tracker = Tracker.objects.create(name="Inbox", kind="email", email_to="ops@example.com")
    login_as(dave).post(f"/uptime/trackers/{tracker.pk}/action/", {"action": "test"})
    assert mailoutbox[-1].to == ["ops@example.com"]


def test_tracker_new_secret_and_delete(login_as, dave, github, client):
    browser = login_as(dave)
    old = github.webhook_secret
    response = browser.post(f"/uptime/trackers/{github.pk}/action/", {"action": "secret"})
    github.refresh_from_db()
    assert github.webhook_secret != old and github.webhook_secret in response.content.decode()
    refused = client.post(
        f"/uptime/trackers/{github.pk}/webhook?secret={old}", "{}", content_type="application/json"
    )
    assert refused.status_code == 403
    assert (
        browser.post(f"/uptime/trackers/{github.pk}/action/", {"action": "nope"}).status_code == 302
    )
    assert (
        browser.post(f"/uptime/trackers/{github.pk}/action/", {"action": "delete"}).status_code
        == 302
    )
    assert not Tracker.objects.exists()
    assert browser.get("/uptime/trackers/999/edit/").status_code == 404


def test_uptime_pages_speak_french(client, login_as, dave, github):
    page = client.get("/status/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "État de la plateforme" in page and "Tous les systèmes sont opérationnels" in page
    browser = login_as(dave)
    page = browser.get("/uptime/trackers/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Outils de suivi" in page and "Nouveau secret de webhook" in page
    page = browser.get("/uptime/monitors/new/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Nouvelle sonde" in page


def test_tracker_admin_uses_the_same_write_only_form(login_as, github):
    from belvedere.conftest import make_member

    root = make_member("root@example.com", "Root", "admin", is_staff=True, is_superuser=True)
    browser = login_as(root)
    page = browser.get(f"/admin/uptime/tracker/{github.pk}/change/").content.decode()
    assert "s3cr3t" not in page and github.webhook_secret not in page and 'name="token"' in page
    assert browser.get("/admin/uptime/tracker/add/").status_code == 200
    form = {"name": "Renamed", "kind": "github", "project": "acme/site", "token": "",
            "is_active": "on", "base_url": "", "username": "", "email_to": ""}  # fmt: skip
    response = browser.post(f"/admin/uptime/tracker/{github.pk}/change/", form)
    assert response.status_code == 302
    github.refresh_from_db()
    assert (github.name, github.token) == ("Renamed", "s3cr3t")  # an empty field keeps it
