import pytest
from django.urls import reverse

from belvedere.activity.models import Entry
from belvedere.terms import services
from belvedere.terms.models import Clause, Document, Version

CLAUSE = {
    "number": "4.1",
    "key": "spam",
    "title_en": "No spam",
    "title_fr": "Pas de spam",
    "body_en": "No ads.",
    "body_fr": "Pas de pub.",
}


@pytest.fixture
def draft(rules, dave):
    return services.create_draft(rules, actor=dave)


def test_manage_page_for_managers(client, dave, rules):
    client.force_login(dave)
    response = client.get(reverse("terms:manage"))
    assert response.status_code == 200 and b"/terms/rules/" in response.content


def test_manage_page_refused_to_members_and_moderators(client, carol, bob, db):
    for user in (carol, bob):
        client.force_login(user)
        assert client.get(reverse("terms:manage")).status_code == 403


def test_manage_page_sends_visitors_to_login(client, db):
    assert client.get(reverse("terms:manage")).status_code == 302


def test_create_document(client, alice):
    client.force_login(alice)
    data = {"slug": "cookies", "kind": "custom", "title_en": "Cookies", "position": 4}
    response = client.post(reverse("terms:manage"), data)
    assert response.status_code == 302
    assert Document.objects.get(slug="cookies").title == "Cookies"
    assert Entry.objects.get(verb="terms.document.create").is_staff_action


def test_create_document_bad_input(client, dave, rules):
    client.force_login(dave)
    for slug in ("rules", "accept", "not a slug"):
        response = client.post(reverse("terms:manage"), {"slug": slug, "kind": "custom"})
        assert response.status_code == 400
    assert client.post(reverse("terms:manage"), {"slug": "x", "kind": "nope"}).status_code == 400


def test_create_document_refused_to_members(client, carol, db):
    client.force_login(carol)
    assert client.post(reverse("terms:manage"), {"slug": "x", "kind": "custom"}).status_code == 403


def test_new_draft_copies_clauses(client, dave, rules):
    client.force_login(dave)
    response = client.post(reverse("terms:new_draft", args=["rules"]))
    draft = Version.objects.get(document=rules, number=2)
    assert response["Location"] == reverse("terms:draft", args=[draft.pk])
    assert [c.number for c in draft.clauses.all()] == ["1", "2"]
    second = client.post(reverse("terms:new_draft", args=["rules"]))
    assert second.status_code == 302 and Version.objects.filter(document=rules).count() == 2


def test_new_draft_refused_to_members(client, carol, rules):
    client.force_login(carol)
    assert client.post(reverse("terms:new_draft", args=["rules"])).status_code == 403


def test_draft_page_and_summary(client, dave, draft):
    client.force_login(dave)
    url = reverse("terms:draft", args=[draft.pk])
    assert client.get(url).status_code == 200
    data = {"effective_date": "2027-01-01", "summary_en": "New", "summary_fr": "Nouveau"}
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.summary_en == "New" and str(draft.effective_date) == "2027-01-01"
    assert client.post(url, {"effective_date": "soon"}).status_code == 400


def test_draft_page_refused_to_members(client, carol, draft):
    client.force_login(carol)
    assert client.get(reverse("terms:draft", args=[draft.pk])).status_code == 403


def test_published_version_is_not_a_draft(client, dave, rules):
    client.force_login(dave)
    assert client.get(reverse("terms:draft", args=[rules.current_version_id])).status_code == 404


def test_add_clause_sorted_by_number(client, dave, draft):
    client.force_login(dave)
    response = client.post(reverse("terms:add_clause", args=[draft.pk]), CLAUSE)
    assert response.status_code == 302
    services.save_clause(draft, actor=dave, **{**CLAUSE, "number": "10", "key": ""})
    assert [c.number for c in draft.clauses.all()] == ["1", "2", "4.1", "10"]
    added = Entry.objects.filter(verb="terms.clause.add", target_id=str(draft.pk))
    assert added.filter(is_staff_action=True).count() == 2


@pytest.mark.parametrize(
    "change",
    [{"number": "three"}, {"number": "1"}, {"key": "harassment"}, {"body_en": "", "body_fr": ""}],
)
def test_add_clause_bad_input(client, dave, draft, change):
    client.force_login(dave)
    response = client.post(reverse("terms:add_clause", args=[draft.pk]), {**CLAUSE, **change})
    assert response.status_code == 400
    assert draft.clauses.count() == 2


def test_add_clause_refused_to_members(client, carol, draft):
    client.force_login(carol)
    assert client.post(reverse("terms:add_clause", args=[draft.pk]), CLAUSE).status_code == 403


def test_edit_and_delete_clause(client, dave, draft):
    client.force_login(dave)
    clause = draft.clauses.get(number="2")
    url = reverse("terms:edit_clause", args=[clause.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**CLAUSE, "number": "2", "key": "harassment"})
    assert response.status_code == 302
    clause.refresh_from_db()
    assert clause.title_en == "No spam"
    assert client.post(url, {**CLAUSE, "number": "1"}).status_code == 400
    assert client.post(reverse("terms:delete_clause", args=[clause.pk])).status_code == 302
    assert not Clause.objects.filter(pk=clause.pk).exists()


def test_published_clauses_cannot_change(client, dave, rules):
    client.force_login(dave)
    clause = rules.current_version.clauses.first()
    assert client.post(reverse("terms:delete_clause", args=[clause.pk])).status_code == 404
    assert client.get(reverse("terms:edit_clause", args=[clause.pk])).status_code == 404


def test_edit_clause_refused_to_members(client, carol, draft):
    client.force_login(carol)
    clause = draft.clauses.first()
    assert client.get(reverse("terms:edit_clause", args=[clause.pk])).status_code == 403
    assert client.post(reverse("terms:delete_clause", args=[clause.pk])).status_code == 403


def test_publish_makes_current_and_writes_audit(client, dave, draft):
    client.force_login(dave)
    url = reverse("terms:publish", args=[draft.pk])
    response = client.post(url, {"requires_reacceptance": "on", "reason": "Clearer rules"})
    assert response["Location"] == reverse("terms:version", args=["rules", 2])
    draft.document.refresh_from_db()
    assert draft.document.current_version_id == draft.pk
    assert draft.document.baseline_version_id == draft.pk
    entry = Entry.objects.get(verb="terms.version.publish", metadata__number=2)
    assert entry.is_staff_action and entry.actor == dave and entry.reason == "Clearer rules"
    assert entry.metadata["requires_reacceptance"] is True


def test_publish_without_clauses_is_refused(client, dave, draft):
    draft.clauses.all().delete()
    client.force_login(dave)
    assert client.post(reverse("terms:publish", args=[draft.pk])).status_code == 400
    draft.refresh_from_db()
    assert not draft.is_published


def test_publish_refused_to_moderators(client, bob, draft):
    client.force_login(bob)
    assert client.post(reverse("terms:publish", args=[draft.pk])).status_code == 403
