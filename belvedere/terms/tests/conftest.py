import pytest

from belvedere.terms.services import accept_versions
from belvedere.terms.tests.factories import RESPECT, SPAM, make_document, publish


@pytest.fixture
def rules(dave):
    """Community rules v1 (clauses 1 respect, 2 harassment), published by dave."""
    return make_document(actor=dave)


@pytest.fixture
def rules_v2(rules, dave):
    """v2 changes clause 1, drops clause 2, adds clause 3 and requires re-acceptance."""
    changed = (*RESPECT[:4], "Respect **everyone**.", RESPECT[5])
    return publish(rules, [changed, SPAM], actor=dave, reaccept=True, summary="Spam clause.")


@pytest.fixture
def accept():
    def run(user, *documents):
        for document in documents:
            document.refresh_from_db()
            version = document.current_version
            accept_versions(user, [version])

    return run
