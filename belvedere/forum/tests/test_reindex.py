"""Posts made in bulk (demo, bench, restores) skip the ledger: `forum_reindex` indexes them."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from belvedere.forum import services
from belvedere.forum.demo import build_forum_demo
from belvedere.forum.models import Post, Topic
from belvedere.forum.search import SearchFilters, reindex_posts, search_posts
from belvedere.forum.tests.conftest import first_post

VISITOR = AnonymousUser()
FR = "Le déshumidificateur de la véranda clignote en orange depuis hier."
EN = "The greenhouse dehumidifier keeps blinking orange since yesterday."


def found(q, user=VISITOR):
    return {p.pk for p in search_posts(user, SearchFilters(q=q))}


@pytest.fixture
def bulk_posts(carol, general):
    """Like demo.py: topics and posts by bulk_create, no ledger entry, no language yet."""
    topics = Topic.objects.bulk_create(
        [
            Topic(category=general, title="Véranda humide", author=carol),
            Topic(category=general, title="Greenhouse dehumidifier", author=carol),
        ]
    )
    rows = [
        Post(topic=topics[0], number=1, author=carol, body=FR),
        Post(topic=topics[1], number=1, author=carol, body=EN),
        Post(topic=topics[1], number=2, author=carol, body="Zanzibar " * 3),
    ]
    return Post.objects.bulk_create(rows)


def test_reindex_posts_makes_bulk_created_posts_findable(bulk_posts):
    fr, en, reply = bulk_posts
    assert not found("dehumidifier")
    assert reindex_posts(batch=2) == 3
    assert found("déshumidificateur") == {fr.pk}
    assert found("dehumidifier") == {en.pk}
    assert found("veranda") == {fr.pk}  # the title, accents folded
    assert found("zanzibar") == {reply.pk}
    fr.refresh_from_db()
    en.refresh_from_db()
    assert (fr.language, en.language) == ("fr", "en")


def test_reindex_posts_is_idempotent_and_skips_what_nobody_may_see(bulk_posts, bob):
    fr, en, reply = bulk_posts
    services.hide_post(reply, actor=bob, reason="spam")
    assert reindex_posts() == 2
    assert reindex_posts() == 2
    assert found("dehumidifier") == {en.pk}
    assert not found("zanzibar")


def test_reindex_command_prints_progress_and_count(bulk_posts):
    out, err = io.StringIO(), io.StringIO()
    call_command("forum_reindex", "--batch", "1", stdout=out, stderr=err)
    assert "3 posts indexed." in out.getvalue()
    assert "3/3" in err.getvalue()
    assert found("dehumidifier") == {bulk_posts[1].pk}


def test_reindex_command_rejects_a_bad_batch(db):
    with pytest.raises(CommandError):
        call_command("forum_reindex", "--batch", "0", stdout=io.StringIO())


def test_demo_forum_is_searchable(carol, bob):
    build_forum_demo(topics=20, posts=200)
    topic = Topic.objects.filter(category__read_access="everyone").first()
    assert first_post(topic).pk in {p.pk for p in search_posts(carol, SearchFilters(q=topic.title))}
