import json

from django.urls import reverse

from belvedere.accounts.models import ApiToken, User
from belvedere.activity.models import Entry
from belvedere.activity.services import record
from belvedere.conftest import PASSWORD

EXPORT = reverse("accounts:export")
ERASE = reverse("accounts:erase")


def test_export_gives_my_profile_tokens_and_activity(login_as, carol, bob, token_for):
    raw = token_for(carol)
    record(bob, "member.set_role", carol, staff=True)  # bob's action, not carol's
    response = login_as(carol).get(EXPORT)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == "carol@example.com"
    assert [t["name"] for t in data["api_tokens"]] == ["test"]
    assert raw not in response.content.decode()
    assert "digest" not in data["api_tokens"][0]
    assert [e["verb"] for e in data["activity"]] == ["member.login", "token.create"]


def test_export_needs_a_signed_in_member(client, db):
    assert client.get(EXPORT).status_code == 302


def test_erase_deletes_the_member_and_anonymises_the_ledger(login_as, carol, alice, token_for):
    token_for(carol)
    record(alice, "member.set_role", carol, staff=True, old="member", new="moderator")
    client = login_as(carol)
    assert client.get(ERASE).status_code == 200
    response = client.post(ERASE, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=carol.pk).exists()
    assert not ApiToken.objects.exists()
    assert "_auth_user_id" not in client.session
    text = " ".join(f"{e.actor_name} {e.target_repr}" for e in Entry.objects.all())
    assert "Carol" not in text
    erased = Entry.objects.get(verb="member.erase")
    assert erased.actor is None and erased.actor_name == f"deleted member #{carol.pk}"
    staff = Entry.objects.get(verb="member.set_role")
    assert staff.actor == alice and staff.target_repr == f"deleted member #{carol.pk}"


def test_erase_needs_the_password_and_the_confirmation(login_as, carol):
    client = login_as(carol)
    assert client.post(ERASE, {"password": "nope", "confirm": "on"}).status_code == 200
    assert client.post(ERASE, {"password": PASSWORD}).status_code == 200
    assert User.objects.filter(pk=carol.pk).exists()


def test_erase_refused_to_the_last_admin(login_as, alice):
    response = login_as(alice).post(ERASE, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 403
    assert User.objects.filter(pk=alice.pk).exists()


def test_erase_needs_a_signed_in_member(client, db):
    assert client.post(ERASE, {"password": PASSWORD, "confirm": "on"}).status_code == 302
