"""One real browser walk: create a query, run an RSS source, triage a mention in the inbox."""

import os
import shutil

import pytest

from belvedere.conftest import PASSWORD
from belvedere.listening.models import Mention

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# fixtures here are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_page():
    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("BELVEDERE_TEST_SERVICES") == "required":
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(locale="en-GB")
        page.set_default_timeout(8000)
        try:
            yield page
        finally:
            browser.close()


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
