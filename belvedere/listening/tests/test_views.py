"""Pages: success, permission denied and bad input for each view."""

import pytest
from django.urls import reverse

from belvedere.activity.models import Entry
from belvedere.listening.models import Mention, Query, Source


@pytest.fixture
def feed(remote):
    return remote.add("/feed", "feeds/real/en_dustri_atom.xml", content_type="application/atom+xml")


def test_pages_refuse_members_and_send_visitors_to_login(client, carol, make_source):
    source = make_source()
    urls = [
        reverse("listening:mentions"),
        reverse("listening:sources"),
        reverse("listening:queries"),
        reverse("listening:source_detail", args=[source.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302
    client.force_login(carol)
    for url in [*urls, reverse("listening:source_kinds"), reverse("listening:query_create")]:
        assert client.get(url).status_code == 403


def test_moderators_read_but_do_not_write(client, bob, make_source, make_query):
    source, query = make_source(), make_query("a")
    client.force_login(bob)
    assert client.get(reverse("listening:sources")).status_code == 200
    assert client.get(reverse("listening:source_detail", args=[source.pk])).status_code == 200
    assert client.get(reverse("listening:query_edit", args=[query.pk])).status_code == 200
    assert client.post(reverse("listening:source_run", args=[source.pk])).status_code == 403
    assert client.post(reverse("listening:query_edit", args=[query.pk]), {}).status_code == 403
    assert client.post(reverse("listening:source_delete", args=[source.pk])).status_code == 403


def test_create_rss_source_then_run_it(client, dave, feed):
    client.force_login(dave)
    assert client.get(reverse("listening:source_create", args=["rss"])).status_code == 200
    data = {
        "source-name": "Blog",
        "source-interval_minutes": 30,
        "source-enabled": "on",
        "config-url": feed,
    }
    response = client.post(reverse("listening:source_create", args=["rss"]), data)
    source = Source.objects.get()
    assert response.status_code == 302 and source.config == {"url": feed}
    run = client.post(reverse("listening:source_run", args=[source.pk]), HTTP_HX_REQUEST="true")
    assert run.status_code == 200 and b'id="health"' in run.content
    assert Mention.objects.count() == 25
    assert Entry.objects.filter(verb="listening.source_run", actor=dave).exists()


def test_create_source_refuses_bad_input(client, dave, settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    client.force_login(dave)
    url = reverse("listening:source_create", args=["rss"])
    data = {"source-name": "", "source-interval_minutes": 1, "config-url": "http://127.0.0.1/x"}
    response = client.post(url, data)
    assert response.status_code == 200 and Source.objects.count() == 0
    assert b"cannot be fetched" in response.content
    assert client.get(reverse("listening:source_create", args=["nope"])).status_code == 404


def test_edit_and_delete_source(client, dave, make_source, feed):
    source = make_source(config={"url": feed}, etag="x")
    client.force_login(dave)
    url = reverse("listening:source_detail", args=[source.pk])
    data = {"source-name": "Renamed", "source-interval_minutes": 60, "config-url": feed + "?2"}
    assert client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert (source.name, source.enabled, source.etag) == ("Renamed", False, "")
    assert client.post(url, {"source-name": ""}).status_code == 400
    client.post(reverse("listening:source_delete", args=[source.pk]))
    assert not Source.objects.exists()


def test_webhook_source_shows_its_address_once(client, dave):
    client.force_login(dave)
    data = {"source-name": "Zap", "source-interval_minutes": 30, "config-platform": "zapier"}
    response = client.post(reverse("listening:source_create", args=["webhook"]), data)
    assert response.status_code == 200 and b"/listening/hooks/" in response.content
    source = Source.objects.get()
    page = client.get(reverse("listening:source_detail", args=[source.pk]))
    assert b"/listening/hooks/" not in page.content
    rotated = client.post(reverse("listening:source_secret", args=[source.pk]))
    assert b"/listening/hooks/" in rotated.content


def test_query_create_edit_delete(client, dave):
    client.force_login(dave)
    data = {
        "name": "Brand",
        "text": '"belvédère" OR belvedere',
        "kind": "brand",
        "languages": "FR, en",
        "active": "on",
    }
    assert client.post(reverse("listening:query_create"), data).status_code == 302
    query = Query.objects.get()
    assert query.languages == "fr,en"
    bad = client.post(reverse("listening:query_edit", args=[query.pk]), {**data, "text": "a AND"})
    assert bad.status_code == 400 and b"at character 3" in bad.content
    edit = {**data, "text": "belvedere -job", "active": ""}
    assert client.post(reverse("listening:query_edit", args=[query.pk]), edit).status_code == 302
    query.refresh_from_db()
    assert (query.text, query.active) == ("belvedere -job", False)
    assert client.get(reverse("listening:queries")).status_code == 200
    client.post(reverse("listening:query_delete", args=[query.pk]))
    assert not Query.objects.exists()


def test_query_live_test_shows_count_or_error(client, dave, carol, make_mentions):
    make_mentions("Belvédère est super", "rien à voir", "BELVEDERE again")
    client.force_login(dave)
    url = reverse("listening:query_test")
    ok = client.post(url, {"text": "belvedere"}, HTTP_HX_REQUEST="true")
    assert b"2 matches" in ok.content and b"rien" not in ok.content
    error = client.post(url, {"text": "(belvedere"})
    assert b"never closed" in error.content and b"^" in error.content
    assert client.post(url, {"text": "x" * 5000}).status_code == 200
    client.force_login(carol)
    assert client.post(url, {"text": "a"}).status_code == 403


def test_inbox_filters_paginates_and_exports(
    client, dave, make_mentions, make_query, django_assert_max_num_queries
):
    query = make_query("super")
    make_mentions(*[f"super {i}" for i in range(30)], language="fr")
    make_mentions("other", language="en", platform="other")
    client.force_login(dave)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("listening:mentions"), {"query": query.pk, "language": "fr"})
    assert page.status_code == 200 and b"30 mentions" in page.content
    assert b"Page 1 of 2" in page.content
    csv = client.get(reverse("listening:mentions"), {"language": "en", "format": "csv"})
    rows = b"".join(csv.streaming_content).decode().splitlines()
    assert len(rows) == 2 and "other" in rows[1]
    bad = client.get(reverse("listening:mentions"), {"since": "not a date", "status": "x"})
    assert bad.status_code == 200


def test_triage_a_mention(client, dave, alice, carol, make_mentions):
    mention = make_mentions("super")[0]
    client.force_login(dave)
    url = reverse("listening:mention_update", args=[mention.pk])
    data = {"status": "in_progress", "assignee": alice.pk, "tags": "urgent, SAV", "note": "call"}
    assert client.post(url, data).status_code == 302
    mention.refresh_from_db()
    assert mention.status == "in_progress" and mention.assignee == alice
    assert sorted(t.name for t in mention.tags.all()) == ["SAV", "urgent"]
    assert mention.notes.get().text == "call"
    assert Entry.objects.filter(verb="listening.mention_status", is_staff_action=True).exists()
    client.post(url, {"assignee": carol.pk})
    mention.refresh_from_db()
    assert mention.assignee == alice
    client.post(url, {"status": "bogus"})
    mention.refresh_from_db()
    assert mention.status == "in_progress"
    client.force_login(carol)
    assert client.post(url, {"status": "done"}).status_code == 403
