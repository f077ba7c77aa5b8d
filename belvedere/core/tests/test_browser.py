"""One real browser walk: sign up, confirm the email, log in, switch to French."""

import re

import pytest
from django.conf import settings
from django.core import mail

PASSWORD = "a long unusual passphrase"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sign_up_confirm_log_in_and_switch_to_french(live_server, browser_page, fresh_cache):
    page = browser_page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email address").fill("nina@example.com")
    page.get_by_label("Display name").fill("Nina")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    page.goto(live_server.url + link[len(settings.BASE_URL) :])
    page.get_by_text("Your email address is confirmed.").wait_for()

    page.get_by_label("Email address").fill("nina@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_text("Hello Nina").wait_for()

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    page.get_by_role("button", name="Se déconnecter").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("navigation").get_by_role("link", name="Profil").is_visible()
