import pytest

from belvedere.terms import queries
from belvedere.terms.models import Kind
from belvedere.terms.services import TermsNotAccepted, require_acceptance
from belvedere.terms.tests.factories import HARASSMENT, SPAM, make_document, publish


def test_get_clause_by_number_or_key_prefers_the_rules(rules, dave):
    make_document("terms", Kind.TERMS, [("2", "harassment", "Other", "", "x", "")], actor=dave)
    assert queries.get_clause("harassment").version.document.slug == "rules"
    assert queries.get_clause("2").key == "harassment"
    assert queries.get_clause("") is None and queries.get_clause("none") is None


def test_get_clause_follows_the_current_version(rules, rules_v2):
    assert queries.get_clause("harassment") is None
    assert queries.clause_url(queries.get_clause("spam")) == "/terms/rules/v/2/#clause-3"


def test_diff_versions(rules, rules_v2):
    old = rules.versions.get(number=1)
    changes = {c.number: c.status for c in queries.diff_versions(old, rules_v2)}
    assert changes == {"1": "changed", "2": "removed", "3": "added"}


def test_pending_only_for_reacceptance(rules, dave, carol, accept):
    assert queries.pending_documents(carol) == [rules]
    accept(carol, rules)
    assert queries.pending_documents(carol) == []
    publish(rules, [HARASSMENT], actor=dave)  # minor change: no re-acceptance
    assert queries.pending_documents(carol) == []
    publish(rules, [HARASSMENT, SPAM], actor=dave, reaccept=True)
    assert [d.accepted_number for d in queries.pending_documents(carol)] == [1]


def test_pending_is_one_query(rules, carol, django_assert_num_queries):
    with django_assert_num_queries(1):
        queries.pending_documents(carol)


def test_require_acceptance_spares_nobody(rules, alice, accept):
    with pytest.raises(TermsNotAccepted) as raised:
        require_acceptance(alice)
    assert raised.value.code == "terms_not_accepted" and raised.value.url == "/terms/accept/"
    accept(alice, rules)
    require_acceptance(alice)


def test_visitors_owe_nothing(rules):
    from django.contrib.auth.models import AnonymousUser

    assert queries.pending_documents(AnonymousUser()) == []


def test_word_diff_keeps_words_and_spaces():
    assert queries.word_diff("Be nice to all", "Be kind to all") == [
        ("same", "Be "),
        ("del", "nice"),
        ("ins", "kind"),
        ("same", " to all"),
    ]
