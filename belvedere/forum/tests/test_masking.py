"""What moderation masks or removes never leaks through a list, a feed, search, the API or a
notification: censored words in titles, and notifications of posts hidden since."""

import pytest
from django.core import mail

from belvedere.forum import services
from belvedere.forum.models import Notification
from belvedere.forum.tests.conftest import post_as, start_topic
from belvedere.moderation.policy import invalidate
from belvedere.moderation.services.words import create_word

TITLE = "Ce thermostat est une zutrerie totale"
MASKED = "■" * len("zutrerie")


@pytest.fixture
def censored(dave):
    invalidate()
    create_word(actor=dave, pattern="zutrerie", action="censor")
    yield
    invalidate()


def test_censored_title_is_masked_in_pages_feeds_and_api(
    client, committed, carol, general, censored
):
    topic = start_topic(committed, carol, general, title=TITLE, body="La zutrerie du jour, encore")
    pages = [
        "/forum/", f"/forum/c/{general.slug}/", f"/forum/t/{topic.pk}/", "/forum/latest.rss",
        "/forum/search/?q=thermostat", f"/api/v1/forum/categories/{general.slug}/topics",
        f"/api/v1/forum/topics/{topic.pk}", "/api/v1/forum/search?q=thermostat",
        "/api/v1/forum/categories",
    ]  # fmt: skip
    for url in pages:
        response = client.get(url)
        text = response.content.decode()
        assert response.status_code == 200, url
        assert "zutrerie" not in text.lower(), url
    assert MASKED in client.get(f"/forum/t/{topic.pk}/").content.decode()


def test_the_author_gets_the_source_in_the_api(
    client, carol, mallory, general, censored, token_for
):
    topic = services.create_topic(
        category=general, author=carol, title="Une question", body="Quelle zutrerie, ce bug"
    )
    url = f"/api/v1/forum/topics/{topic.pk}"
    for user, expected in ((carol, "zutrerie"), (mallory, MASKED)):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}
        post = client.get(url, **headers).json()["posts"][0]
        assert expected in post["body"] and "zutrerie" not in post["body_html"]


def test_censored_title_is_masked_in_notifications(client, committed, carol, mallory, general,
                                                   censored):  # fmt: skip
    topic = start_topic(committed, carol, general, title=TITLE)
    post_as(committed, topic, mallory, "@Carol tu as vu ?")
    client.force_login(carol)
    page = client.get("/forum/notifications/").content.decode()
    assert "Mallory mentioned you" in page and MASKED in page and "zutrerie" not in page
    api = client.get("/api/v1/forum/notifications").json()
    assert "zutrerie" not in api["items"][0]["text"]
    assert all("zutrerie" not in message.subject + message.body for message in mail.outbox)


def test_notifications_of_hidden_posts_drop_out(client, committed, carol, mallory, bob, general):
    topic = start_topic(committed, carol, general, title="Un sujet tranquille")
    post = post_as(committed, topic, mallory, "@Carol un message secret")
    assert Notification.objects.filter(recipient=carol).count() == 1
    with committed():
        services.hide_post(post, actor=bob, reason="Hors charte")
    client.force_login(carol)
    page = client.get("/forum/notifications/").content.decode()
    assert "Mallory mentioned you" not in page
    assert client.get("/api/v1/forum/notifications").json()["unread"] == 0


def test_notification_email_not_sent_once_the_post_is_hidden(committed, carol, mallory, bob,
                                                              general):  # fmt: skip
    from belvedere.forum.services.emails import send_notification_email

    topic = start_topic(committed, carol, general, title="Un autre sujet")
    with committed():
        post = services.create_reply(topic, author=mallory, body="@Carol regarde ça")
        services.hide_post(post, actor=bob, reason="Hors charte")
    row = Notification.objects.filter(recipient=carol).first()
    if row is not None:  # created before the hiding committed: never e-mailed
        assert send_notification_email(row.pk) is False


def test_a_new_censored_word_masks_cached_visitor_lists(client, committed, carol, general, dave):
    start_topic(committed, carol, general, title=TITLE)
    assert "zutrerie" in client.get(f"/forum/c/{general.slug}/").content.decode()
    create_word(actor=dave, pattern="zutrerie", action="censor")
    assert "zutrerie" not in client.get(f"/forum/c/{general.slug}/").content.decode()
