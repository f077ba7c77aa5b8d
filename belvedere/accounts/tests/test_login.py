from django.urls import reverse

from belvedere.conftest import PASSWORD
from belvedere.core import ratelimit

URL = reverse("accounts:login")


def test_login_page_renders(client, db):
    assert client.get(URL).status_code == 200


def test_login_signs_in_and_redirects(client, carol):
    response = client.post(URL, {"username": "Carol@Example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_login_follows_a_safe_next_only(client, carol):
    response = client.post(
        URL, {"username": carol.email, "password": PASSWORD, "next": "/accounts/tokens/"}
    )
    assert response.url == "/accounts/tokens/"
    client.logout()
    response = client.post(
        URL, {"username": carol.email, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.url == reverse("core:home")


def test_login_refuses_a_wrong_password(client, carol):
    response = client.post(URL, {"username": carol.email, "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_refuses_a_deactivated_member(client, carol):
    carol.is_active = False
    carol.save(update_fields=["is_active"])
    response = client.post(URL, {"username": carol.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_refuses_garbage_without_a_500(client, db):
    response = client.post(URL, {"username": "x" * 5000, "password": ""})
    assert response.status_code == 200


def test_login_is_rate_limited_per_ip(client, carol, settings):
    settings.LOGIN_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(URL, {"username": carol.email, "password": "no"}).status_code == 200
    response = client.post(URL, {"username": carol.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_is_rate_limited_per_email_across_ips(client, carol, settings):
    settings.LOGIN_RATE_LIMIT = 3
    for n in range(3):
        client.post(URL, {"username": carol.email, "password": "no"}, REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post(
        URL, {"username": carol.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 429


def test_login_success_does_not_count_as_a_failure(client, carol, settings):
    settings.LOGIN_RATE_LIMIT = 2
    for _ in range(3):
        assert client.post(URL, {"username": carol.email, "password": PASSWORD}).status_code == 302
        client.logout()
    assert ratelimit.count("login", "127.0.0.1", window=15 * 60) == 0


def test_logout_needs_a_post(client, carol):
    client.force_login(carol)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_is_recorded_in_the_ledger(client, carol):
    from belvedere.activity.models import Entry

    client.post(URL, {"username": carol.email, "password": "wrong"})
    assert not Entry.objects.filter(verb="member.login").exists()
    client.post(URL, {"username": carol.email, "password": PASSWORD})
    entry = Entry.objects.get(verb="member.login")
    assert (entry.actor, entry.is_staff_action) == (carol, False)
