import json

import pytest

from belvedere.accounts.models import Role
from belvedere.activity.models import Entry
from belvedere.conftest import make_member

URL = "/api/v1/accounts/members"


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def patch(client, member_id, data, raw):
    return client.patch(
        f"{URL}/{member_id}", json.dumps(data), content_type="application/json", **bearer(raw)
    )


@pytest.mark.parametrize("persona", ["alice", "dave"])
def test_members_list_for_admins_and_managers(client, persona, request, carol, token_for):
    response = client.get(URL, **bearer(token_for(request.getfixturevalue(persona))))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and {m["email"] for m in body["items"]} >= {"carol@example.com"}


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_members_list_refused_below_manager_with_json_403(client, persona, request, token_for):
    response = client.get(URL, **bearer(token_for(request.getfixturevalue(persona))))
    assert response.status_code == 403
    assert response.json() == {"detail": "You do not have permission to do this."}


def test_members_list_filters(client, alice, bob, carol, token_for):
    raw = token_for(alice)
    assert [
        m["display_name"]
        for m in client.get(URL, {"role": "moderator"}, **bearer(raw)).json()["items"]
    ] == ["Bob"]
    assert [
        m["display_name"] for m in client.get(URL, {"q": "caro"}, **bearer(raw)).json()["items"]
    ] == ["Carol"]


def test_members_list_refuses_bad_filters_with_422(client, alice, token_for):
    raw = token_for(alice)
    assert client.get(URL, {"role": "emperor"}, **bearer(raw)).status_code == 422
    assert client.get(URL, {"page": "zero"}, **bearer(raw)).status_code == 422


def test_members_list_paginates_in_constant_queries(
    client, alice, token_for, django_assert_num_queries
):
    raw = token_for(alice)
    client.get(URL, **bearer(raw))  # the token's last-used time is written once
    with django_assert_num_queries(3):  # token + member, count, page
        client.get(URL, **bearer(raw))
    for n in range(60):
        make_member(f"m{n}@example.com", f"Member {n}")
    with django_assert_num_queries(3):
        body = client.get(URL, **bearer(raw)).json()
    assert body["count"] == 61 and len(body["items"]) == 50


def test_admin_changes_a_role(client, alice, carol, token_for):
    response = patch(client, carol.pk, {"role": "moderator", "reason": "Helpful"}, token_for(alice))
    assert response.status_code == 200 and response.json()["role"] == "moderator"
    carol.refresh_from_db()
    assert carol.role == Role.MODERATOR
    entry = Entry.objects.get(verb="member.set_role")
    assert entry.is_staff_action and entry.reason == "Helpful" and entry.actor == alice


def test_admin_deactivates_through_the_api(client, alice, carol, token_for):
    response = patch(client, carol.pk, {"is_active": False, "reason": "Spam"}, token_for(alice))
    assert response.status_code == 200 and response.json()["is_active"] is False


@pytest.mark.parametrize("persona", ["dave", "bob", "carol"])
def test_role_change_refused_below_admin(client, persona, request, mallory, token_for):
    raw = token_for(request.getfixturevalue(persona))
    response = patch(client, mallory.pk, {"role": "admin", "reason": "Let me in"}, raw)
    assert response.status_code == 403
    assert "detail" in response.json()
    mallory.refresh_from_db()
    assert mallory.role == Role.MEMBER


def test_admin_cannot_change_their_own_role(client, alice, token_for):
    assert (
        patch(client, alice.pk, {"role": "member", "reason": "Oops"}, token_for(alice)).status_code
        == 403
    )


@pytest.mark.parametrize(
    "payload",
    [{"role": "moderator"}, {"role": "emperor", "reason": "why"}, {"reason": "nothing to do"}],
)
def test_role_change_refuses_bad_input_with_422(client, alice, carol, token_for, payload):
    assert patch(client, carol.pk, payload, token_for(alice)).status_code == 422
    carol.refresh_from_db()
    assert carol.role == Role.MEMBER


def test_role_change_of_an_unknown_member_is_404(client, alice, token_for):
    response = patch(client, 9999, {"role": "moderator", "reason": "Why"}, token_for(alice))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
