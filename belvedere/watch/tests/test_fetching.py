"""Terms tracking on real successive versions of Reddit's terms, served on 127.0.0.1."""

import pytest
from django.core import mail

from belvedere.activity.models import Entry
from belvedere.watch.models import ComplianceItem, ComplianceStatus, DocumentVersion
from belvedere.watch.services.compliance import create_item
from belvedere.watch.services.fetching import claim_due, fetch_document
from belvedere.watch.tests.conftest import VERSIONS, reddit_page

pytestmark = pytest.mark.django_db(transaction=True)

PATH = "/policies/user-agreement"


def test_fetching_records_first_version_then_only_real_changes(reddit_terms, page_server):
    first = fetch_document(reddit_terms)
    assert first.ok and first.changed and first.version.is_first
    assert first.version.text.startswith("Effective June 28, 2025.")

    again = fetch_document(reddit_terms)
    assert again.ok and not again.changed

    page_server.set(PATH, reddit_page(VERSIONS[0], variant=1))  # formatting only
    formatting = fetch_document(reddit_terms)
    assert formatting.ok and not formatting.changed
    assert DocumentVersion.objects.count() == 1

    page_server.set(PATH, reddit_page(VERSIONS[1]))
    change = fetch_document(reddit_terms)
    assert change.changed
    version = change.version
    assert version.previous == first.version
    assert (version.added, version.removed, version.changed) == (0, 0, 3)

    page_server.set(PATH, reddit_page(VERSIONS[2], variant=1))
    big = fetch_document(reddit_terms)
    assert big.changed and big.version.added + big.version.changed > 20
    assert DocumentVersion.objects.filter(document=reddit_terms).count() == 3


def test_fetching_a_change_flags_linked_items_and_notifies_subscribers(
    reddit_terms, page_server, dave, alice
):
    reddit_terms.service.subscribers.add(dave)
    item = create_item(
        actor=alice, title="Bots answering on r/ourbrand", category="api",
        links=[(reddit_terms, "Use the Services in any manner…", "#outside_EEA")],
    )  # fmt: skip
    fetch_document(reddit_terms)
    assert mail.outbox == []  # the first version is not a change
    page_server.set(PATH, reddit_page(VERSIONS[1]))
    version = fetch_document(reddit_terms).version

    item.refresh_from_db()
    assert item.status == ComplianceStatus.REVIEW
    assert item.flagged_version == version
    assert Entry.objects.filter(verb="watch.compliance_flagged", target_id=str(item.pk)).exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dave@example.com"]
    assert "Reddit changed its Terms of Service" in message.subject
    assert "+ (automated, including via bots, or otherwise)" in message.body
    assert f"/watch/terms/versions/{version.pk}/" in message.body


def test_fetching_errors_are_kept_on_the_document(reddit_terms, page_server):
    page_server.set(PATH, "gone", status=404)
    outcome = fetch_document(reddit_terms)
    assert not outcome.ok and "404" in outcome.error
    reddit_terms.refresh_from_db()
    assert reddit_terms.consecutive_failures == 1 and "404" in reddit_terms.last_error
    assert not DocumentVersion.objects.exists()


def test_fetching_with_selectors_that_keep_nothing_is_an_error(reddit_terms):
    reddit_terms.select = ["#nothing-here"]
    outcome = fetch_document(reddit_terms)
    assert not outcome.ok and "kept no text" in outcome.error


def test_fetching_refuses_private_addresses_unless_allowed(reddit_terms, settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    outcome = fetch_document(reddit_terms)
    assert not outcome.ok
    assert not DocumentVersion.objects.exists()


def test_claim_due_takes_each_document_once(reddit_terms):
    from belvedere.watch.models import TrackedDocument

    assert claim_due(TrackedDocument) == [reddit_terms.pk]
    assert claim_due(TrackedDocument) == []


def test_periodic_task_fetches_due_documents(reddit_terms):
    from belvedere.watch.tasks import fetch_due

    result = fetch_due.call_local()
    assert result["documents"] == [reddit_terms.pk]
    assert DocumentVersion.objects.filter(document=reddit_terms).count() == 1
    assert ComplianceItem.objects.count() == 0
