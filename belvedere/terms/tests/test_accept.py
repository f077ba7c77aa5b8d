from django.urls import reverse

from belvedere.activity.models import Entry
from belvedere.terms.models import Acceptance
from belvedere.terms.queries import pending_documents
from belvedere.terms.tests.factories import RESPECT, SPAM, publish

URL = reverse("terms:accept")


def test_accept_page_shows_summary_and_diff_link(client, carol, dave, rules, accept):
    accept(carol, rules)
    publish(rules, [RESPECT, SPAM], actor=dave, reaccept=True, summary="Spam clause.")
    client.force_login(carol)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Spam clause." in html
    assert reverse("terms:diff", args=["rules", 1, 2]) in html


def test_accept_records_version_time_language_and_redirects(client, carol, rules):
    client.force_login(carol)
    version = rules.current_version
    response = client.post(
        URL, {"versions": [version.pk], "confirm": "on", "next": "/forum/"}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302 and response["Location"] == "/forum/"
    acceptance = Acceptance.objects.get(user=carol)
    assert acceptance.version == version and acceptance.accepted_at
    assert acceptance.language == "en" and len(acceptance.ip_hash) == 64
    assert "10.0.0.1" not in acceptance.ip_hash
    assert pending_documents(carol) == []
    assert Entry.objects.filter(verb="terms.accept", actor=carol).count() == 1


def test_accept_without_ticking_is_refused(client, carol, rules):
    client.force_login(carol)
    response = client.post(URL, {"versions": [rules.current_version_id]})
    assert response.status_code == 400
    assert not Acceptance.objects.exists()


def test_accept_a_stale_version_is_refused(client, carol, rules, rules_v2):
    client.force_login(carol)
    old = rules.versions.get(number=1)
    response = client.post(URL, {"versions": [old.pk], "confirm": "on"})
    assert response.status_code == 400
    assert not Acceptance.objects.exists()


def test_accept_garbage_is_refused(client, carol, rules):
    client.force_login(carol)
    assert client.post(URL, {"versions": ["x"], "confirm": "on"}).status_code == 400


def test_accept_ignores_foreign_next(client, carol, rules):
    client.force_login(carol)
    data = {
        "versions": [rules.current_version_id],
        "confirm": "on",
        "next": "https://evil.example/",
    }
    assert client.post(URL, data)["Location"] == "/"


def test_nothing_to_accept_redirects(client, carol, rules, accept):
    accept(carol, rules)
    client.force_login(carol)
    assert client.get(URL + "?next=/forum/")["Location"] == "/forum/"


def test_accept_needs_login(client, rules):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
