"""One real browser walk: create a query, run an RSS source, triage a mention in the inbox."""

import pytest

from belvedere.conftest import PASSWORD
from belvedere.listening.models import Mention


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_query_source_and_triage(live_server, browser_page, remote, fresh_cache, dave):
    """The live server runs in this process, so ALLOW_PRIVATE_TARGETS (set by `remote`)
    lets the guarded client reach the fixture server on 127.0.0.1."""
    feed = remote.add("/feed", "feeds/real/en_dustri_atom.xml", content_type="application/atom+xml")
    page = browser_page
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(dave.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_text("Hello Dave").wait_for()

    page.goto(live_server.url + "/listening/queries/new/")
    page.get_by_label("Name").fill("Vim")
    page.get_by_label("Query", exact=True).fill("vim OR linux")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Vim").wait_for()

    page.goto(live_server.url + "/listening/sources/new/rss/")
    page.get_by_label("Name").fill("Dustri")
    page.get_by_label("Feed address").fill(feed)
    page.get_by_role("button", name="Create").click()
    page.get_by_role("button", name="Run now").click()
    page.locator("#health").get_by_text("25 / 25").wait_for()
    assert Mention.objects.count() == 25

    page.goto(live_server.url + "/listening/?q=vim")
    card = page.locator("li.mention").filter(has_text="Using vale with vim")
    triage = card.get_by_role("form")
    triage.get_by_label("Status").select_option("in_progress")
    triage.get_by_label("Assign").select_option(label="Dave")
    triage.get_by_label("Tags").fill("docs, vim")
    triage.get_by_role("button", name="Save").click()
    page.get_by_text("Mention updated.").wait_for()
    mention = Mention.objects.get(title="Using vale with vim")
    assert mention.status == "in_progress" and mention.assignee == dave
    assert sorted(t.name for t in mention.tags.all()) == ["docs", "vim"]
    assert mention.queries.get().name == "Vim"
