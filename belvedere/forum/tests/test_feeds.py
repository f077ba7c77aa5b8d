import feedparser
import pytest
from django.test import override_settings

from belvedere.forum.services import create_reply, hide_post
from belvedere.forum.tests.conftest import make_topic

BASE = "https://forum.example.org"


def parse(client, url):
    response = client.get(url, HTTP_HOST="evil.example")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
@override_settings(BASE_URL=BASE, ALLOWED_HOSTS=["*"])
def test_latest_feed_is_valid_public_and_absolute(client, carol, bob, general, staff_room, kind):
    make_topic(carol, general, title="Élan & <stuff>", body="**Bold** text")
    make_topic(bob, staff_room, title="Staff secret")
    response, feed = parse(client, f"/forum/latest.{kind}")
    assert [e.title for e in feed.entries] == ["Élan & <stuff>"]
    entry = feed.entries[0]
    assert entry.link.startswith(f"{BASE}/forum/t/") and "evil" not in response.content.decode()
    assert "<strong>Bold</strong>" in (entry.get("summary") or entry.content[0].value)
    expected = "rss" if kind == "rss" else "atom"
    assert feed.version.startswith(expected)


@pytest.mark.parametrize("kind", ["rss", "atom"])
@override_settings(BASE_URL=BASE, ALLOWED_HOSTS=["*"])
def test_category_and_topic_feeds(client, carol, bob, general, kind):
    topic = make_topic(carol, general, title="Hub", replies=2)
    hidden = create_reply(topic, author=carol, body="hidden words")
    hide_post(hidden, actor=bob, reason="x")
    _response, feed = parse(client, f"/forum/c/general.{kind}")
    assert [e.title for e in feed.entries] == ["Hub"]
    response, feed = parse(client, f"/forum/t/{topic.pk}.{kind}")
    assert len(feed.entries) == 3 and b"hidden words" not in response.content
    assert all(e.link.startswith(f"{BASE}/forum/p/") for e in feed.entries)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_private_feeds_are_not_found(client, bob, carol, staff_room, members_only, kind):
    staff = make_topic(bob, staff_room)
    lounge = make_topic(carol, members_only)
    client.force_login(bob)  # feeds are public: a session changes nothing
    assert client.get(f"/forum/c/staff-room.{kind}").status_code == 404
    assert client.get(f"/forum/c/members-lounge.{kind}").status_code == 404
    assert client.get(f"/forum/t/{staff.pk}.{kind}").status_code == 404
    assert client.get(f"/forum/t/{lounge.pk}.{kind}").status_code == 404
    assert client.get(f"/forum/c/nope.{kind}").status_code == 404


def test_pages_link_their_feeds(client, carol, general, members_only):
    topic = make_topic(carol, general)
    page = client.get("/forum/").content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in page and "/forum/latest.atom" in page
    assert "/forum/c/general.rss" in client.get("/forum/c/general/").content.decode()
    assert f"/forum/t/{topic.pk}.atom" in client.get(f"/forum/t/{topic.pk}/").content.decode()
    client.force_login(carol)
    page = client.get("/forum/c/members-lounge/").content.decode()
    assert "members-lounge.rss" not in page and "/forum/latest.rss" in page
