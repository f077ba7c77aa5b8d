from django.urls import reverse

from belvedere.accounts.models import ApiToken
from belvedere.accounts.tokens import CREATE_LIMIT, authenticate_token, digest
from belvedere.activity.models import Entry

URL = reverse("accounts:tokens")


def test_tokens_page_lists_my_tokens_only(login_as, carol, bob, token_for):
    token_for(bob)
    response = login_as(carol).get(URL)
    assert response.status_code == 200
    assert "No token yet." in response.content.decode()


def test_tokens_page_needs_a_signed_in_member(client, db):
    assert client.get(URL).status_code == 302


def test_token_is_shown_once_and_stored_hashed(login_as, carol):
    client = login_as(carol)
    response = client.post(URL, {"name": "CI script"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    raw = response.context["raw"]
    assert raw.startswith("bvd_") and raw in response.content.decode()
    token = ApiToken.objects.get(user=carol)
    assert token.digest == digest(raw) and raw not in (token.prefix, token.digest)
    assert raw not in client.get(URL).content.decode()
    assert authenticate_token(raw) == carol
    assert Entry.objects.filter(actor=carol, verb="token.create").exists()


def test_token_needs_a_name(login_as, carol):
    response = login_as(carol).post(URL, {"name": ""})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()


def test_token_creation_is_rate_limited(login_as, carol):
    client = login_as(carol)
    for n in range(CREATE_LIMIT):
        assert client.post(URL, {"name": f"t{n}"}).status_code == 200
    assert client.post(URL, {"name": "one too many"}).status_code == 429
    assert ApiToken.objects.count() == CREATE_LIMIT


def test_revoke_makes_the_token_useless(login_as, carol, token_for):
    raw = token_for(carol)
    token = ApiToken.objects.get()
    response = login_as(carol).post(reverse("accounts:revoke_token", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert authenticate_token(raw) is None
    assert Entry.objects.filter(verb="token.revoke", actor=carol, is_staff_action=False).exists()


def test_revoke_refuses_someone_elses_token(login_as, carol, mallory, token_for):
    token_for(carol)
    token = ApiToken.objects.get()
    response = login_as(mallory).post(reverse("accounts:revoke_token", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoke_needs_a_post(login_as, carol, token_for):
    token_for(carol)
    token = ApiToken.objects.get()
    assert login_as(carol).get(reverse("accounts:revoke_token", args=[token.pk])).status_code == 405


def test_a_deactivated_members_token_is_refused(carol, token_for):
    raw = token_for(carol)
    carol.is_active = False
    carol.save(update_fields=["is_active"])
    assert authenticate_token(raw) is None
    assert authenticate_token("bvd_" + "x" * 200) is None
    assert authenticate_token("not-a-token") is None
