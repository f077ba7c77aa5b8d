"""The forum's panel on the home page: the latest topics each reader may read."""

from belvedere.forum.models import Audience
from belvedere.forum.tests.conftest import make_category, make_topic
from belvedere.moderation.policy import invalidate
from belvedere.moderation.services.words import create_word


def test_home_shows_latest_readable_topics_to_visitors_and_staff(client, login_as, carol, bob):
    public, staff = make_category("public"), make_category("staff", read=Audience.MODERATORS)
    make_topic(carol, public, title="Le thermostat chauffe la nuit")
    make_topic(bob, staff, title="Plan de modération interne")
    page = client.get("/").content.decode()
    assert "Latest topics" in page and "Le thermostat chauffe la nuit" in page
    assert "Plan de modération interne" not in page  # not readable by visitors
    page = login_as(bob).get("/").content.decode()
    assert "Plan de modération interne" in page and "Everything here" in page


def test_home_panel_masks_censored_words_in_titles(client, carol, dave, general):
    invalidate()
    create_word(actor=dave, pattern="zutrerie", action="censor")
    make_topic(carol, general, title="Pas une zutrerie du tout")
    page = client.get("/").content.decode()
    assert "Pas une" in page and "zutrerie" not in page
    invalidate()
