from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.activity.services import record

URL = reverse("activity:audit_log")


def csv_lines(response):
    return b"".join(response.streaming_content).decode().lstrip("\ufeff").splitlines()


@pytest.fixture
def staff_rows(alice, bob, carol):
    record(alice, "member.set_role", carol, reason="Trusted", staff=True, old="member")
    record(bob, "post.hide", carol, reason="Spam", staff=True)
    record(carol, "member.update_profile", carol)  # a member's own action: not audited


@pytest.mark.parametrize("persona", ["bob", "dave", "alice"])
def test_audit_log_for_moderators_and_above(login_as, persona, request, staff_rows):
    response = login_as(request.getfixturevalue(persona)).get(URL)
    assert response.status_code == 200
    verbs = [entry.verb for entry in response.context["page"]]
    assert verbs == ["post.hide", "member.set_role"]


def test_audit_log_refused_to_members(login_as, carol):
    assert login_as(carol).get(URL).status_code == 403


def test_audit_log_sends_anonymous_visitors_to_login(client, db):
    assert client.get(URL).status_code == 302


def test_audit_log_filters(login_as, bob, staff_rows):
    client = login_as(bob)
    verbs = lambda params: [e.verb for e in client.get(URL, params).context["page"]]  # noqa: E731
    assert verbs({"verb": "post.hide"}) == ["post.hide"]
    assert verbs({"actor": "ALI"}) == ["member.set_role"]
    assert verbs({"target_type": "accounts.user"}) == ["post.hide", "member.set_role"]
    today = timezone.localdate()
    assert verbs({"since": (today + timedelta(days=1)).isoformat()}) == []
    assert len(verbs({"since": today.isoformat(), "until": today.isoformat()})) == 2


def test_audit_log_bad_filters_show_errors_not_a_500(login_as, bob, staff_rows):
    client = login_as(bob)
    for params in (
        {"since": "yesterday-ish"},
        {"verb": "no.such.verb"},
        {"since": "2030-01-02", "until": "2030-01-01"},
        {"page": "-1"},
        {"page": "999"},
    ):
        response = client.get(URL, params)
        assert response.status_code == 200, params
    response = client.get(URL, {"since": "2030-01-02", "until": "2030-01-01"})
    assert "The end date comes before the start date." in response.content.decode()


def test_audit_log_csv_export_follows_the_filters(login_as, bob, staff_rows):
    response = login_as(bob).get(URL, {"format": "csv", "verb": "member.set_role"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="audit-log.csv"'
    lines = csv_lines(response)
    assert lines[0] == "time,actor,verb,target_type,target_id,target,reason,metadata"
    assert len(lines) == 2
    assert ",Alice,member.set_role,accounts.user," in lines[1]
    assert '"{""old"": ""member""}"' in lines[1]


def test_audit_log_csv_defuses_spreadsheet_formulas(login_as, bob, carol):
    record(bob, "post.hide", carol, reason='=HYPERLINK("http://evil")', staff=True)
    lines = csv_lines(login_as(bob).get(URL, {"format": "csv"}))
    assert "'=HYPERLINK" in lines[1]


def test_audit_log_csv_refused_to_members(login_as, carol):
    assert login_as(carol).get(URL, {"format": "csv"}).status_code == 403


def test_audit_log_paginates_in_constant_queries(login_as, bob, carol, django_assert_num_queries):
    client = login_as(bob)
    record(bob, "post.hide", carol, staff=True)
    client.get(URL)
    with django_assert_num_queries(5):  # session, member, filter menus, count, page
        client.get(URL)
    for n in range(80):
        record(bob, f"post.hide{n % 3}", carol, staff=True)
    with django_assert_num_queries(5):
        response = client.get(URL)
    assert len(response.context["page"]) == 50
    assert Entry.objects.filter(is_staff_action=True).count() == 81  # and bob's login
    second = client.get(URL, {"page": 2})
    assert len(second.context["page"]) == 31
