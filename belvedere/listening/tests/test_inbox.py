"""The inbox: boolean search, filters, bulk actions, the mention page, query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.listening.models import Mention, MentionNote, Tag
from belvedere.listening.queries import filter_mentions

pytestmark = pytest.mark.django_db


@pytest.fixture
def inbox(put_mentions, dave, make_query):
    now = timezone.now()
    query = make_query("helios", name="Hélios")
    put_mentions(
        [(now, "negative")],
        query=query,
        text="Hélios panne de la box",
        community="r/helios",
        platform="reddit",
    )
    put_mentions([(now - timedelta(hours=1), "positive")], text="Nimbus est bien", language="fr")
    put_mentions([(now - timedelta(hours=2), "neutral")], text="helios job offer", assignee=dave)
    return query


def texts(mentions):
    return sorted(m.text for m in mentions)


def test_search_takes_the_query_language(inbox):
    mentions, search = filter_mentions(q="helios -job")
    assert texts(mentions) == ["Hélios panne de la box"]
    assert search.error == ""
    mentions, _search = filter_mentions(q='"panne de" OR nimbus', sentiment="positive")
    assert texts(mentions) == ["Nimbus est bien"]


def test_search_falls_back_to_contains_on_a_bad_query(inbox, put_mentions):
    put_mentions([(timezone.now(), "")], text="le code (promo")
    mentions, search = filter_mentions(q="code (promo")
    assert "at character" in search.error and texts(mentions) == ["le code (promo"]


def test_filters(inbox, dave):
    assert texts(filter_mentions(assignee=dave)[0]) == ["helios job offer"]
    assert texts(filter_mentions(community="R/HELIOS")[0]) == ["Hélios panne de la box"]
    assert texts(filter_mentions(query=inbox)[0]) == ["Hélios panne de la box"]
    assert texts(filter_mentions(language="fr", platform="test")[0]) == ["Nimbus est bien"]


def test_inbox_page_queries_do_not_grow_with_mentions(
    client, dave, put_mentions, make_query, django_assert_num_queries
):
    query = make_query("x")
    Tag.objects.create(name="sav")

    def add(n):
        for mention in put_mentions([(timezone.now(), "neutral")] * n, query=query, assignee=dave):
            mention.tags.add(Tag.objects.get())

    client.force_login(dave)
    add(3)
    with django_assert_num_queries(6) as first:
        assert client.get(reverse("listening:mentions"), {"q": "x OR y"}).status_code == 200
    add(12)
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(reverse("listening:mentions"), {"q": "x OR y"}).status_code == 200


def test_mention_page(client, dave, bob, carol, inbox, django_assert_num_queries):
    mention = Mention.objects.get(community="r/helios")
    MentionNote.objects.create(mention=mention, author=dave, text="Appelé le client")
    MentionNote.objects.create(mention=mention, author=bob, text="Vu")
    client.force_login(dave)
    url = reverse("listening:mention_detail", args=[mention.pk])
    with django_assert_num_queries(7):
        page = client.get(url)
    body = page.content.decode()
    assert "Appelé le client" in body and "Hélios" in body and "estimate" in body
    assert "Mark “Done”" in body
    client.force_login(bob)
    assert "Mark “Done”" not in client.get(url).content.decode()
    client.force_login(carol)
    assert client.get(url).status_code == 403
    client.force_login(dave)
    assert client.get(reverse("listening:mention_detail", args=[99999])).status_code == 404


def test_status_transition_and_note_from_the_mention_page(client, dave, inbox):
    mention = Mention.objects.get(community="r/helios")
    client.force_login(dave)
    url = reverse("listening:mention_update", args=[mention.pk])
    detail = reverse("listening:mention_detail", args=[mention.pk])
    response = client.post(url, {"status": "in_progress", "note": "On it", "next": detail})
    assert response.status_code == 302 and response["Location"] == detail
    mention.refresh_from_db()
    assert mention.status == "in_progress" and mention.notes.get().text == "On it"
    evil = client.post(url, {"status": "done", "next": "https://evil.example/listening/"})
    assert evil["Location"] == reverse("listening:mentions")


def test_bulk_actions(client, dave, alice, inbox):
    ids = list(Mention.objects.values_list("pk", flat=True))
    client.force_login(dave)
    url = reverse("listening:mention_bulk")
    data = {"ids": ids[:2], "status": "done", "assignee": alice.pk, "tag": "Crise"}
    assert client.post(url, data).status_code == 302
    done = Mention.objects.filter(pk__in=ids[:2])
    assert all(m.status == "done" and m.assignee == alice for m in done)
    assert all([t.name for t in m.tags.all()] == ["Crise"] for m in done)
    assert Mention.objects.get(pk=ids[2]).status == "new"
    assert Entry.objects.filter(verb="listening.mention_status", actor=dave).count() == 2
    client.post(url, {"ids": ids, "assignee": 0})
    assert not Mention.objects.filter(assignee__isnull=False).exists()


def test_bulk_refuses_bad_input_and_moderators(client, dave, bob, carol, inbox):
    ids = list(Mention.objects.values_list("pk", flat=True))
    url = reverse("listening:mention_bulk")
    client.force_login(dave)
    assert client.post(url, {"ids": ids}).status_code == 302  # no action: an error message
    assert client.post(url, {"ids": ["x"], "status": "done"}).status_code == 302
    assert client.post(url, {"ids": ids, "status": "bogus"}).status_code == 302
    assert client.post(url, {"ids": ids, "assignee": carol.pk}).status_code == 302
    assert not Mention.objects.filter(status="done").exists()
    assert not Mention.objects.filter(assignee=carol).exists()
    client.force_login(bob)
    assert client.post(url, {"ids": ids, "status": "done"}).status_code == 403


def test_csv_export_of_a_search(client, dave, inbox):
    client.force_login(dave)
    response = client.get(reverse("listening:mentions"), {"q": "helios -job", "format": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "Hélios panne" in body and "job offer" not in body
