"""One real browser walk through the forum: sign up, accept the terms, start a topic, reply
with a mention, react, and find the topic by search."""

import re

import pytest
from django.conf import settings
from django.core import mail

from belvedere.core.tests.test_browser import PASSWORD
from belvedere.forum.tests.conftest import make_category


def _publish_terms(actor) -> bool:
    """Publish community rules when the terms app offers them (the sign-up then asks)."""
    try:
        from belvedere.terms.tests.factories import make_document
    except ImportError:  # pragma: no cover - terms not there yet
        return False
    make_document(actor=actor)
    return True


def _sign_up(page, base: str) -> None:
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Email address").fill("nina@example.com")
    page.get_by_label("Display name").fill("Nina")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    terms = page.get_by_label(re.compile("accept the terms", re.I))
    if terms.count():
        terms.check()
    page.get_by_role("button", name="Create my account").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(base + link[len(settings.BASE_URL) :])
    page.get_by_label("Email address").fill("nina@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_text("Hello Nina").wait_for()


def _accept_terms_if_asked(page, base: str) -> None:
    page.goto(base + "/forum/new/")
    if "/terms/accept/" in page.url:
        for box in page.get_by_role("checkbox").all():
            box.check()
        page.get_by_role("button", name="Accept").click()
        page.goto(base + "/forum/new/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_up_post_mention_react_and_search(live_server, browser_page, fresh_cache, carol, dave):  # noqa: F811
    page, base = browser_page, live_server.url
    make_category("general")
    _publish_terms(dave)
    _sign_up(page, base)
    _accept_terms_if_asked(page, base)

    page.get_by_label("Category").select_option(label="General")
    page.get_by_label("Title").fill("Le thermostat clignote en orange")
    page.get_by_label("Message").fill("Depuis la mise à jour, l'éléphant du salon clignote.")
    page.get_by_role("button", name="Create topic").click()
    page.get_by_role("heading", name="Le thermostat clignote en orange").wait_for()

    page.locator("#reply").get_by_label("Message").fill("Any idea @Carol? Thanks!")
    page.get_by_role("button", name="Post reply").click()
    mention = page.locator("a.mention", has_text="@Carol")
    mention.wait_for()
    assert mention.get_attribute("href") == f"/forum/u/{carol.pk}/"

    heart = page.locator("#post-1 .reactions button", has_text="❤️")
    heart.click()
    page.locator("#post-1 .reactions button.mine", has_text="❤️ 1").wait_for()

    page.goto(base + "/forum/")
    page.get_by_placeholder("Search the forum").fill("elephant")
    page.locator(".forum-tools").get_by_role("button", name="Search").click()
    result = page.locator(".search-results a", has_text="Le thermostat clignote en orange")
    result.wait_for()
    assert page.locator(".search-results mark").count() >= 1
    result.click()
    page.get_by_role("heading", name="Le thermostat clignote en orange").wait_for()
