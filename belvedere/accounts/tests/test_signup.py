import pytest
from django.core import mail
from django.urls import reverse

from belvedere.accounts.models import User
from belvedere.accounts.tests.helpers import link_in_last_email
from belvedere.activity.models import Entry

URL = reverse("accounts:signup")

GOOD = {
    "email": "Nina@Example.com",
    "display_name": "Nina",
    "password1": "a long unusual passphrase",
    "password2": "a long unusual passphrase",
}


def test_signup_page_renders(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert b'name="display_name"' in response.content


@pytest.fixture
def signup(client, db, django_capture_on_commit_callbacks):
    """Post the sign-up form and run what waits for the commit (the email)."""

    def post(data=GOOD):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, data)

    return post


def test_signup_sends_a_link_that_confirms_the_email(client, signup):
    response = signup()
    assert response.status_code == 200
    user = User.objects.get(email="nina@example.com")
    assert not user.email_verified
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@example.com"]

    response = client.get(link_in_last_email())
    assert response.status_code == 302 and response.url == reverse("accounts:login")
    user.refresh_from_db()
    assert user.email_verified
    verbs = set(Entry.objects.filter(actor=user).values_list("verb", flat=True))
    assert verbs == {"member.signup", "member.verify_email"}


def test_signup_then_login_works_once_verified(client, signup):
    signup()
    client.get(link_in_last_email())
    response = client.post(
        reverse("accounts:login"), {"username": GOOD["email"], "password": GOOD["password1"]}
    )
    assert response.status_code == 302


def test_signup_refuses_a_taken_email(client, carol):
    response = client.post(URL, GOOD | {"email": "CAROL@example.com"})
    assert response.status_code == 200
    assert "already uses this email" in response.content.decode()
    assert User.objects.count() == 1


def test_signup_refuses_a_taken_display_name_in_any_case(client, carol):
    response = client.post(URL, GOOD | {"display_name": "  carol "})
    assert "already taken" in response.content.decode()
    assert not User.objects.filter(email="nina@example.com").exists()


def test_signup_refuses_different_or_weak_passwords(client, db):
    response = client.post(URL, GOOD | {"password2": "something else entirely"})
    assert "The two passwords differ" in response.content.decode()
    response = client.post(URL, GOOD | {"password1": "123", "password2": "123"})
    assert response.status_code == 200
    assert not User.objects.exists()
    assert not mail.outbox


def test_signup_refuses_garbage_without_a_500(client, db):
    response = client.post(URL, {"email": "not an email", "display_name": "x" * 500})
    assert response.status_code == 200
    assert not User.objects.exists()


def test_signup_sends_a_signed_in_member_home(client, carol):
    client.force_login(carol)
    assert client.get(URL).status_code == 302


def test_verify_refuses_a_forged_or_broken_link(client, signup):
    signup()
    path = link_in_last_email()
    assert client.get(path[:-3] + "xyz/").status_code == 400
    assert client.get(reverse("accounts:verify", args=["!!!", "abc"])).status_code == 400
    assert client.get(reverse("accounts:verify", args=["OTk5OTk", "abc"])).status_code == 400
    assert not User.objects.get().email_verified


def test_verify_link_works_only_once(client, signup):
    signup()
    path = link_in_last_email()
    assert client.get(path).status_code == 302
    assert Entry.objects.filter(verb="member.verify_email").count() == 1
    client.get(path)
    assert Entry.objects.filter(verb="member.verify_email").count() == 1
