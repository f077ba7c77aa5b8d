from django.core import mail
from django.urls import reverse

from belvedere.accounts.tests.helpers import link_in_last_email
from belvedere.activity.models import Entry
from belvedere.conftest import PASSWORD, make_member

CHANGE = reverse("accounts:password_change")
RESET = reverse("accounts:password_reset")
NEW = "another long passphrase"


def test_change_password_keeps_the_session_and_records_it(client, carol):
    client.force_login(carol)
    response = client.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.check_password(NEW)
    assert client.get(reverse("accounts:profile")).status_code == 200  # still signed in
    assert Entry.objects.filter(actor=carol, verb="member.change_password").exists()


def test_change_password_refuses_a_wrong_old_password(client, carol):
    client.force_login(carol)
    response = client.post(
        CHANGE, {"old_password": "nope", "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 200
    carol.refresh_from_db()
    assert carol.check_password(PASSWORD)


def test_change_password_needs_a_signed_in_member(client, db):
    assert client.get(CHANGE).status_code == 302


def test_password_reset_by_email_sets_a_new_password(client, carol):
    assert client.post(RESET, {"email": carol.email}).status_code == 302
    path = link_in_last_email(carol.email)
    response = client.get(path, follow=True)  # Django swaps the token for a session key
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.check_password(NEW)
    assert Entry.objects.filter(actor=carol, verb="member.reset_password").exists()


def test_password_reset_also_confirms_the_address(client, db):
    una = make_member("una@example.com", "Una", email_verified=False)
    client.post(RESET, {"email": una.email})
    response = client.get(link_in_last_email(), follow=True)
    client.post(response.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    una.refresh_from_db()
    assert una.email_verified


def test_password_reset_sends_nothing_for_an_unknown_address(client, db):
    assert client.post(RESET, {"email": "nobody@example.com"}).status_code == 302
    assert not mail.outbox


def test_password_reset_refuses_a_forged_link(client, carol):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "bad-token"]))
    assert response.status_code == 200
    assert "invalid or has expired" in response.content.decode()
