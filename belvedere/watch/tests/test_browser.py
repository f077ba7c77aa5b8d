"""A real browser: see a change in a network's terms, open the diff, review a practice."""

import pytest

from belvedere.conftest import PASSWORD
from belvedere.watch.extract import extract_text
from belvedere.watch.models import ComplianceItem, ComplianceLink, Service, TrackedDocument
from belvedere.watch.services.fetching import record_version
from belvedere.watch.tests.conftest import VERSIONS, reddit_page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_see_a_terms_change_open_the_diff_and_review(live_server, browser_page, dave, fresh_cache):
    service = Service.objects.create(name="Reddit")
    document = TrackedDocument.objects.create(
        service=service, doc_type="Terms of Service", url="https://www.redditinc.com/policies/ua"
    )
    item = ComplianceItem.objects.create(title="Support bot on r/helios", category="api")
    ComplianceLink.objects.create(item=item, document=document, clause="automated use")
    for version in VERSIONS[:2]:
        record_version(document, extract_text(reddit_page(version), "#content", ".filter-holder"))

    page = browser_page
    page.goto(live_server.url + "/accounts/login/?next=/watch/")
    page.get_by_label("Email address").fill(dave.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Watch", exact=True).wait_for()

    page.get_by_role("link", name="Reddit · Terms of Service").first.click()
    page.get_by_role("heading", name="What changed").wait_for()
    added = page.locator("ins", has_text="(automated, including via bots, or otherwise)")
    assert added.count() == 2
    assert page.locator("del", has_text="June 28, 2025.").count() == 1

    page.get_by_role("link", name="Support bot on r/helios").click()
    assert page.locator("#item-status").inner_text() == "To review"
    page.get_by_label("Outcome").select_option("changed")
    page.get_by_label("Note").fill("The bot now says it is a bot in every answer.")
    page.get_by_role("button", name="Mark reviewed").click()
    page.get_by_text("Review logged.").wait_for()
    assert page.locator("#item-status").inner_text() == "Up to date"
    item.refresh_from_db()
    assert item.status == "ok" and item.reviews.get().reviewer == dave
