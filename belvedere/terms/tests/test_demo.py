from django.contrib.auth import get_user_model

from belvedere.terms.demo import build_terms_demo
from belvedere.terms.models import Acceptance, Document
from belvedere.terms.queries import get_clause, pending_documents


def test_demo_builds_bilingual_documents_all_accepted(carol, dave):
    summary = build_terms_demo()
    assert summary.startswith("3 documents")
    rules = Document.objects.get(slug="rules")
    assert rules.current_version.number == 2
    assert rules.current_version.clauses.count() == 10
    clause = get_clause("harassment")
    assert clause.title_fr and clause.body_en
    for user in get_user_model().objects.all():
        assert pending_documents(user) == []
    assert Acceptance.objects.count() == 3 * get_user_model().objects.count()
    assert build_terms_demo() == "documents already present"
