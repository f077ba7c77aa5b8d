from django.core import mail
from django.urls import reverse

from belvedere.accounts.tests.helpers import link_in_last_email
from belvedere.activity.models import Entry
from belvedere.conftest import PASSWORD

URL = reverse("accounts:change_email")


def test_email_change_takes_effect_when_the_link_is_opened(login_as, carol):
    client = login_as(carol)
    response = client.post(URL, {"email": "New@Example.com", "password": PASSWORD})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.email == "carol@example.com"  # not yet
    assert mail.outbox[-1].to == ["new@example.com"]
    response = client.get(link_in_last_email("new@example.com"))
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.email == "new@example.com" and carol.email_verified
    assert Entry.objects.filter(actor=carol, verb="member.change_email").exists()


def test_email_change_link_works_once(login_as, carol):
    client = login_as(carol)
    client.post(URL, {"email": "new@example.com", "password": PASSWORD})
    path = link_in_last_email("new@example.com")
    client.get(path)
    assert client.get(path).status_code == 400


def test_email_change_needs_the_password_and_a_free_address(login_as, carol, bob):
    client = login_as(carol)
    assert client.post(URL, {"email": "new@example.com", "password": "no"}).status_code == 200
    assert client.post(URL, {"email": bob.email, "password": PASSWORD}).status_code == 200
    assert client.post(URL, {"email": "nope", "password": PASSWORD}).status_code == 200
    assert not mail.outbox


def test_email_change_refuses_a_forged_link(client, carol):
    path = reverse("accounts:confirm_email_change", args=["eyJ1IjoxfQ:forged:sig"])
    assert client.get(path).status_code == 400


def test_email_change_refuses_an_address_taken_meanwhile(login_as, carol, db):
    from belvedere.conftest import make_member

    client = login_as(carol)
    client.post(URL, {"email": "new@example.com", "password": PASSWORD})
    make_member("new@example.com", "Newcomer")
    assert client.get(link_in_last_email("new@example.com")).status_code == 400


def test_email_change_needs_a_signed_in_member(client, db):
    assert client.get(URL).status_code == 302
