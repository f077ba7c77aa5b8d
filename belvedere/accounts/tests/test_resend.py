from django.core import mail
from django.urls import reverse

from belvedere.accounts.models import User
from belvedere.accounts.tests.helpers import link_in_last_email
from belvedere.conftest import PASSWORD, make_member

URL = reverse("accounts:resend")


def unverified(email="una@example.com"):
    return make_member(email, "Una", email_verified=False)


def test_login_of_an_unverified_member_offers_a_new_link(client, db):
    unverified()
    response = client.post(
        reverse("accounts:login"), {"username": "una@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "confirm your email address first" in body
    assert f"{URL}?email=una%40example.com" in body


def test_resend_sends_a_working_link(client, db):
    user = unverified()
    assert client.get(URL + "?email=una@example.com").status_code == 200
    response = client.post(URL, {"email": "UNA@example.com"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert client.get(link_in_last_email("una@example.com")).status_code == 302
    user.refresh_from_db()
    assert user.email_verified


def test_resend_says_the_same_and_sends_nothing_for_unknown_or_verified(client, carol):
    unknown = client.post(URL, {"email": "nobody@example.com"})
    verified = client.post(URL, {"email": carol.email})
    assert unknown.status_code == verified.status_code == 200
    assert "If an account waiting for confirmation uses" in unknown.content.decode()
    assert not mail.outbox


def test_resend_refuses_a_bad_address(client, db):
    response = client.post(URL, {"email": "not-an-address"})
    assert response.status_code == 200
    assert "valid email" in response.content.decode()


def test_resend_is_rate_limited(client, db):
    unverified()
    statuses = [client.post(URL, {"email": "una@example.com"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert len(mail.outbox) == 3
    assert User.objects.get().email_verified is False
