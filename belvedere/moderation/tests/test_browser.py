"""One real browser walk: a toxic French post is held, a moderator approves it from the queue
(an HTMX action, no reload), and the member sees the outcome."""

import pytest
from django.apps import apps

from belvedere.conftest import PASSWORD

TOXIC = "Espèce de connard, tu racontes que des conneries sur ce thermostat"


def log_in(browser, live_server, email):
    page = browser.new_context(locale="en-GB").new_page()
    page.set_default_timeout(8000)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    return page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_toxic_post_held_then_approved_from_the_queue(live_server, browser, carol, bob):
    apps.get_model("forum", "Category").objects.create(slug="general", name="General")
    member = log_in(browser, live_server, "carol@example.com")
    member.goto(live_server.url + "/forum/new/")
    member.get_by_label("Category").select_option(label="General")
    member.get_by_label("Title").fill("Mon thermostat")
    member.get_by_label("Message").fill(TOXIC)
    member.get_by_role("button", name="Create topic").click()
    member.get_by_text("This post is awaiting review by the moderators").wait_for()
    topic_url = member.url

    moderator = log_in(browser, live_server, "bob@example.com")
    moderator.goto(live_server.url + "/moderation/")
    item = moderator.locator("article.queue-item").first
    item.get_by_text("connard").wait_for()
    item.get_by_label("Reason").fill("Critique du produit, ton à surveiller")
    item.get_by_role("button", name="Approve").click()
    moderator.get_by_text("Approved by Bob").wait_for()
    assert moderator.url.endswith("/moderation/")  # swapped in place, no navigation

    member.goto(topic_url)
    member.get_by_text("conneries").first.wait_for()
    assert member.get_by_text("This post is awaiting review").count() == 0
    member.goto(live_server.url + "/moderation/standing/")
    member.get_by_text("Approved").first.wait_for()
