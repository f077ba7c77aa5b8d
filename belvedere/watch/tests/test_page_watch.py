"""Page watch against a local server: ignore patterns, trigger text, notifications, feeds."""

import feedparser
import pytest
from django.core import mail
from django.urls import reverse

from belvedere.watch.models import PageSnapshot
from belvedere.watch.services.pages import check_page, create_watch
from belvedere.watch.services.settings import get_settings

pytestmark = pytest.mark.django_db(transaction=True)


def page(price: str, visitors: int, stock: str = "In stock") -> str:
    return (
        f"<html><body><header>{visitors} visitors today</header><div id='offer'>"
        f"<h2>Pro plan</h2><p>{price} per month</p><p>{stock}</p>"
        f"<p>Updated {visitors} seconds ago</p></div></body></html>"
    )


@pytest.fixture
def watch(page_server, dave):
    url = page_server.set("/pricing", page("10 €", 1))
    return create_watch(
        actor=dave, name="Rival pricing", url=url, selector="#offer",
        ignore_patterns=r"Updated \d+ seconds ago", trigger_text="sold out",
        emails="team@example.com",
    )  # fmt: skip


def test_page_watch_ignores_patterns_and_notifies_on_trigger(watch, page_server):
    assert check_page(watch).changed  # first snapshot
    page_server.set("/pricing", page("10 €", 99))  # only ignored parts change
    assert not check_page(watch).changed
    page_server.set("/pricing", page("12 €", 5))  # a change, but no trigger
    assert check_page(watch).changed
    assert mail.outbox == []
    page_server.set("/pricing", page("12 €", 6, stock="Sold out"))
    assert check_page(watch).changed
    assert len(mail.outbox) == 1
    assert "Rival pricing" in mail.outbox[0].subject
    assert "+ Sold out" in mail.outbox[0].body
    snapshots = list(PageSnapshot.objects.order_by("id"))
    assert [s.triggered for s in snapshots] == [False, False, True]


def test_page_watch_without_trigger_notifies_every_change(watch, page_server):
    watch.trigger_text = ""
    watch.save()
    check_page(watch)
    page_server.set("/pricing", page("11 €", 3))
    check_page(watch)
    assert len(mail.outbox) == 1


def test_page_watch_errors_are_kept(watch, page_server):
    page_server.set("/pricing", "oops", status=500)
    outcome = check_page(watch)
    assert not outcome.ok
    watch.refresh_from_db()
    assert "500" in watch.last_error and watch.consecutive_failures == 1


def test_atom_feeds_are_valid_and_need_their_token(watch, page_server, client):
    check_page(watch)
    page_server.set("/pricing", page("12 €", 5))
    check_page(watch)
    one = client.get(reverse("watch:feed_page", args=[watch.pk, watch.feed_token]))
    parsed = feedparser.parse(one.content)
    assert one.status_code == 200 and parsed.bozo == 0
    assert len(parsed.entries) == 1 and "+ 12" in parsed.entries[0].summary
    token = get_settings().feed_token
    every = feedparser.parse(client.get(reverse("watch:feed_all", args=[token])).content)
    assert every.bozo == 0 and len(every.entries) == 1
    assert client.get(reverse("watch:feed_page", args=[watch.pk, "wrong"])).status_code == 404
    assert client.get(reverse("watch:feed_all", args=["wrong"])).status_code == 404
    assert client.get(reverse("watch:feed_page", args=[9999, watch.feed_token])).status_code == 404
