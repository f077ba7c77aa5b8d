"""Uptime in the Django admin: administrators by role see it, other staff do not."""

import pytest

PAGES = ["tracker", "monitor", "incident", "report", "component", "componentgroup"]


@pytest.mark.parametrize("name", PAGES)
def test_admin_role_sees_uptime_in_the_admin(client, alice, name):
    assert not alice.is_superuser
    client.force_login(alice)
    assert client.get(f"/admin/uptime/{name}/").status_code == 200


def test_staff_without_the_admin_role_do_not(client, dave):
    dave.is_staff = True
    dave.save(update_fields=["is_staff"])
    client.force_login(dave)
    assert client.get("/admin/uptime/monitor/").status_code == 403
