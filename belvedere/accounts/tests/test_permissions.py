import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from belvedere.accounts import permissions
from belvedere.accounts.decorators import role_required


@role_required("moderator")
def moderators_only(request):
    return HttpResponse("ok")


def call(user):
    request = RequestFactory().get("/somewhere/")
    request.user = user
    return moderators_only(request)


def test_role_required_lets_the_role_and_above_in(bob, alice):
    assert call(bob).status_code == 200
    assert call(alice).status_code == 200


def test_role_required_refuses_members_below(carol):
    with pytest.raises(PermissionDenied):
        call(carol)


def test_role_required_sends_anonymous_visitors_to_login(db):
    response = call(AnonymousUser())
    assert response.status_code == 302 and "next=/somewhere/" in response.url


def test_role_checks(alice, dave, bob, carol):
    assert [permissions.can_list_members(u) for u in (alice, dave, bob, carol)] == [
        True,
        True,
        False,
        False,
    ]
    assert permissions.can_manage_members(alice) and not permissions.can_manage_members(dave)
    assert permissions.can_change_role(alice, carol) and not permissions.can_change_role(
        alice, alice
    )
    assert not permissions.can_set_active(dave, carol)
    assert not permissions.can_list_members(AnonymousUser())


def test_a_deactivated_admin_has_no_rights(alice, carol):
    alice.is_active = False
    assert not permissions.can_manage_members(alice)


def test_the_last_admin_cannot_erase_themselves(alice, carol, db):
    from belvedere.conftest import make_member

    assert not permissions.can_erase_self(alice)
    assert permissions.can_erase_self(carol)
    make_member("root@example.com", "Root", "admin")
    assert permissions.can_erase_self(alice)
