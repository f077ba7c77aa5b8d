import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone

from belvedere.forum import services
from belvedere.forum.search import SearchFilters, attach_snippets, fts5_query, search_posts
from belvedere.forum.tests.conftest import first_post, post_as, start_topic

VISITOR = AnonymousUser()
FR = "L'éléphant du salon ne répond plus depuis la mise à jour du thermostat."
EN = "The elephant in the room: my thermostats stopped answering after the update."


def found(user, q, **filters):
    return [p.pk for p in search_posts(user, SearchFilters(q=q, **filters))]


@pytest.fixture
def pair(committed, carol, general):
    fr = start_topic(committed, carol, general, title="Problème de thermostat", body=FR)
    en = start_topic(committed, carol, general, title="Thermostat problem", body=EN)
    return first_post(fr), first_post(en)


def test_accents_fold_both_ways(pair):
    fr, en = pair
    assert set(found(VISITOR, "elephant")) == {fr.pk, en.pk}
    assert set(found(VISITOR, "éléphant")) == {fr.pk, en.pk}
    assert found(VISITOR, "REPOND") == [fr.pk]


def test_language_is_detected_and_stored(pair):
    fr, en = pair
    fr.refresh_from_db()
    en.refresh_from_db()
    assert (fr.language, en.language) == ("fr", "en")


def test_english_stemming(pair):
    fr, en = pair
    assert en.pk in found(VISITOR, "thermostat answer")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="French stemming is PostgreSQL's")
def test_french_stemming_on_postgres(committed, carol, general):
    post = first_post(
        start_topic(
            committed,
            carol,
            general,
            title="Chevaux",
            body="Les chevaux du village sont rentrés à l'écurie.",
        )
    )
    assert found(VISITOR, "cheval") == [post.pk]


def test_title_matches_rank_first(committed, carol, general):
    body_only = post_as(
        committed,
        start_topic(committed, carol, general, title="Unrelated", body="nothing here"),
        carol,
        "A word about the hub from a reply",
    )
    titled = first_post(start_topic(committed, carol, general, title="Hub pairing", body="Help"))
    assert found(VISITOR, "hub") == [titled.pk, body_only.pk]


def test_never_shows_what_the_reader_may_not_read(
    committed, bob, carol, mallory, general, staff_room, members_only, screener
):
    hidden = post_as(committed, start_topic(committed, carol, general), carol, "zebra hidden")
    services.hide_post(hidden, actor=bob, reason="x")
    deleted = post_as(committed, hidden.topic, carol, "zebra deleted")
    services.delete_post(deleted, actor=carol)
    start_topic(committed, bob, staff_room, title="zebra staff", body="zebra staff body")
    lounge = start_topic(committed, carol, members_only, title="zebra lounge", body="zebra lounge")
    from belvedere.core.screening import Decision

    screener(lambda text, **kw: Decision("hold", ["r"]) if "held" in text else None)
    post_as(committed, hidden.topic, carol, "zebra held")
    assert found(VISITOR, "zebra") == []
    assert found(mallory, "zebra") == [first_post(lounge).pk]
    assert len(found(bob, "zebra")) == 2  # staff room + lounge; never hidden, deleted or held


def test_filters_by_category_author_and_dates(committed, carol, mallory, general, announcements):
    a = first_post(start_topic(committed, carol, general, title="Gateway", body="gateway one"))
    b = first_post(
        start_topic(committed, mallory, announcements, title="Gateway", body="gateway two")
    )
    assert found(VISITOR, "gateway", category=general) == [a.pk]
    assert found(VISITOR, "gateway", author_id=mallory.pk) == [b.pk]
    today = timezone.localdate()
    assert len(found(VISITOR, "gateway", after=today, before=today)) == 2
    assert found(VISITOR, "gateway", before=today - datetime.timedelta(days=1)) == []


def test_snippets_are_escaped_and_marked(committed, carol, general):
    post = first_post(
        start_topic(
            committed,
            carol,
            general,
            title="XSS",
            body="giraffe <script>alert(1)</script> here",
        )
    )
    results = list(search_posts(VISITOR, SearchFilters(q="giraffe")))
    attach_snippets(results, "giraffe")
    snippet = results[0].snippet
    assert results[0].pk == post.pk
    assert "<script" not in snippet
    if connection.vendor == "sqlite":
        assert "&lt;script&gt;" in snippet
    assert "<mark>giraffe</mark>" in snippet


@pytest.mark.parametrize(
    "q", ['"', "AND", "(", "a OR", "NEAR(", "*", "-", "col:x", "' ; DROP", "\x00"]
)
def test_hostile_queries_never_fail(pair, q):
    search_posts(VISITOR, SearchFilters(q=q)).count()


def test_fts5_query_quotes_every_term():
    assert fts5_query('hub "smart plug" OR x*') == '"hub" AND "smart plug" AND "OR" AND "x"'
    assert fts5_query("!!!") == ""


def test_search_page(client, pair):
    fr, en = pair
    response = client.get("/forum/search/", {"q": "éléphant"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>" in page and f"/forum/p/{fr.pk}/" in page and f"/forum/p/{en.pk}/" in page
    assert client.get("/forum/search/").status_code == 200


def test_search_page_bad_input(client, pair):
    response = client.get(
        "/forum/search/", {"q": "x", "after": "2024-05-02", "before": "2024-05-01"}
    )
    assert response.status_code == 400
    assert client.get("/forum/search/", {"q": "x", "after": "yesterday"}).status_code == 400
    assert client.get("/forum/search/", {"q": "x" * 500}).status_code == 400


def test_search_page_hides_unreadable_category(client, committed, bob, staff_room):
    start_topic(committed, bob, staff_room, title="Secret plans", body="secret plans")
    response = client.get("/forum/search/", {"q": "secret", "category": "staff-room"})
    assert response.status_code == 200 and b"Secret plans" not in response.content
