from django.urls import reverse

from belvedere.activity.models import Entry

URL = reverse("accounts:set_language")


def test_switch_sets_the_cookie_for_a_visitor(client, db):
    response = client.post(URL, {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "fr"


def test_switch_saves_a_members_choice(login_as, carol):
    client = login_as(carol)
    client.post(URL, {"language": "fr", "next": "/accounts/profile/"})
    carol.refresh_from_db()
    assert carol.language == "fr"
    assert Entry.objects.filter(actor=carol, verb="member.update_profile").exists()


def test_switch_ignores_an_unknown_language(login_as, carol):
    response = login_as(carol).post(URL, {"language": "klingon", "next": "/"})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.language == ""


def test_switch_needs_a_post(client, db):
    assert client.get(URL).status_code == 405


def test_french_pages_are_in_french(client, db):
    client.post(URL, {"language": "fr", "next": "/"})
    body = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="fr">' in body
    assert "Se connecter" in body


def test_a_members_language_applies_without_the_cookie(client, carol):
    carol.language = "fr"
    carol.save(update_fields=["language"])
    client.force_login(carol)
    assert '<html lang="fr">' in client.get(reverse("accounts:profile")).content.decode()


def test_the_browser_preference_applies_to_visitors(client, db):
    body = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content
    assert b'<html lang="fr">' in body
