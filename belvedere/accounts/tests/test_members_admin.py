import pytest
from django.urls import reverse

from belvedere.accounts.models import Role, User
from belvedere.activity.models import Entry
from belvedere.conftest import make_member

LIST = reverse("accounts:members")


def detail(member):
    return reverse("accounts:member_detail", args=[member.pk])


def role_url(member):
    return reverse("accounts:member_role", args=[member.pk])


def active_url(member):
    return reverse("accounts:member_active", args=[member.pk])


@pytest.mark.parametrize("persona", ["alice", "dave"])
def test_members_list_for_admins_and_managers(login_as, persona, request, carol):
    response = login_as(request.getfixturevalue(persona)).get(LIST)
    assert response.status_code == 200
    assert "carol@example.com" in response.content.decode()


@pytest.mark.parametrize("persona", ["bob", "carol"])
def test_members_list_refused_below_manager(login_as, persona, request):
    assert login_as(request.getfixturevalue(persona)).get(LIST).status_code == 403


def test_members_list_sends_anonymous_visitors_to_login(client, db):
    response = client.get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_members_list_filters_and_searches(login_as, alice, bob, carol, mallory):
    client = login_as(alice)
    names = lambda r: {m.display_name for m in r.context["page"]}  # noqa: E731
    assert names(client.get(LIST, {"role": "moderator"})) == {"Bob"}
    assert names(client.get(LIST, {"q": "MALL"})) == {"Mallory"}
    mallory.is_active = False
    mallory.save(update_fields=["is_active"])
    assert names(client.get(LIST, {"status": "inactive"})) == {"Mallory"}


def test_members_list_ignores_bad_filters_without_a_500(login_as, alice):
    response = login_as(alice).get(LIST, {"role": "emperor", "status": "x", "page": "zz"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_members_list_paginates_in_constant_queries(login_as, alice, django_assert_num_queries):
    client = login_as(alice)
    client.get(LIST)  # warm up the session
    with django_assert_num_queries(4):  # session, member, count, page
        client.get(LIST)
    for n in range(60):
        make_member(f"m{n}@example.com", f"Member {n}")
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert len(response.context["page"]) == 50
    assert response.context["page"].paginator.num_pages == 2


def test_members_csv_export(login_as, dave, carol):
    response = login_as(dave).get(LIST, {"format": "csv", "role": "member"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    lines = body.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id,email,display_name,role")
    assert len(lines) == 2 and "carol@example.com" in lines[1]


def test_member_detail_for_managers_hides_the_admin_forms(login_as, dave, carol):
    response = login_as(dave).get(detail(carol))
    assert response.status_code == 200
    assert role_url(carol) not in response.content.decode()


def test_member_detail_unknown_member_is_404(login_as, alice):
    assert login_as(alice).get(reverse("accounts:member_detail", args=[999])).status_code == 404


def test_admin_changes_a_role_with_a_reason(login_as, alice, carol):
    response = login_as(alice).post(role_url(carol), {"role": "moderator", "reason": "Trusted"})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.role == Role.MODERATOR
    entry = Entry.objects.get(verb="member.set_role")
    assert entry.is_staff_action and entry.actor == alice and entry.reason == "Trusted"
    assert entry.metadata == {"old": "member", "new": "moderator"}


def test_role_change_needs_a_reason_and_a_real_role(login_as, alice, carol):
    client = login_as(alice)
    assert client.post(role_url(carol), {"role": "moderator", "reason": ""}).status_code == 400
    assert client.post(role_url(carol), {"role": "emperor", "reason": "Why"}).status_code == 400
    carol.refresh_from_db()
    assert carol.role == Role.MEMBER
    assert not Entry.objects.filter(verb="member.set_role").exists()


@pytest.mark.parametrize("persona", ["dave", "bob", "mallory"])
def test_role_change_refused_below_admin(login_as, persona, request, carol):
    client = login_as(request.getfixturevalue(persona))
    response = client.post(role_url(carol), {"role": "admin", "reason": "Let me in"})
    assert response.status_code == 403
    carol.refresh_from_db()
    assert carol.role == Role.MEMBER


def test_admin_cannot_change_their_own_role(login_as, alice):
    response = login_as(alice).post(role_url(alice), {"role": "member", "reason": "Oops"})
    assert response.status_code == 403


def test_admin_deactivates_and_reactivates(login_as, alice, carol, token_for):
    client = login_as(alice)
    response = client.post(active_url(carol), {"active": "0", "reason": "Spam"})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert not carol.is_active
    response = client.post(active_url(carol), {"active": "1", "reason": "Appeal accepted"})
    carol.refresh_from_db()
    assert carol.is_active
    verbs = list(Entry.objects.filter(is_staff_action=True).values_list("verb", flat=True))
    assert verbs == ["member.reactivate", "member.deactivate"]


def test_deactivation_needs_a_reason_and_a_state(login_as, alice, carol):
    client = login_as(alice)
    assert client.post(active_url(carol), {"active": "0"}).status_code == 400
    assert client.post(active_url(carol), {"reason": "Spam"}).status_code == 400
    assert User.objects.get(pk=carol.pk).is_active


def test_deactivation_refused_to_managers_and_to_oneself(login_as, alice, dave, carol):
    assert (
        login_as(dave).post(active_url(carol), {"active": "0", "reason": "x" * 5}).status_code
        == 403
    )
    assert (
        login_as(alice).post(active_url(alice), {"active": "0", "reason": "x" * 5}).status_code
        == 403
    )


def test_a_deactivated_member_is_signed_out(client, alice, carol):
    client.force_login(carol)
    alice_client = type(client)()
    alice_client.force_login(alice)
    alice_client.post(active_url(carol), {"active": "0", "reason": "Spam"})
    assert client.get(reverse("accounts:profile")).status_code == 302
