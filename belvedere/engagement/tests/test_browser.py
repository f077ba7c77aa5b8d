"""A real browser: register for a full event, wait in line, move up when a seat frees."""

import pytest

from belvedere.conftest import PASSWORD
from belvedere.engagement.models import Registration
from belvedere.engagement.services import events as services


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_waitlist_moves_up(live_server, browser_page, make_event, carol, mallory):
    event = make_event(title="Atelier domotique", capacity=1)
    holder = services.register(event, user=mallory)
    page = browser_page
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill(carol.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_text("Hello Carol").wait_for()

    page.goto(live_server.url + f"/engagement/events/{event.pk}/")
    page.get_by_text("1 / 1 taken").wait_for()
    page.get_by_role("button", name="Join the waiting list").click()
    page.get_by_text("The event is full: you are on the waiting list.").wait_for()
    page.get_by_text("You are on the waiting list (position 1).").wait_for()
    assert Registration.objects.get(user=carol).status == "waitlisted"

    services.cancel_registration(holder, actor=mallory)  # Mallory gives up her seat
    page.reload()
    page.get_by_text("You are registered. Your check-in code:").wait_for()
    assert Registration.objects.get(user=carol).status == "confirmed"
    page.get_by_role("button", name="Cancel my registration").wait_for()
