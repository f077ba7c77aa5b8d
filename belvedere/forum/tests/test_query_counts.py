"""Page query counts do not grow with content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from belvedere.forum.list_cache import invalidate_lists
from belvedere.forum.models import Post
from belvedere.forum.services import add_reaction, create_reply, edit_post
from belvedere.forum.tests.conftest import make_category, make_topic
from belvedere.moderation.policy import get_policy, invalidate


@pytest.fixture(autouse=True)
def _warm_policy(db):
    """Pages mask watched words: compile the policy now, under a version stamp in the cache
    (else the first page compared would recompile it and count its queries)."""
    invalidate()
    get_policy()


def count_queries(client, url) -> int:
    invalidate_lists()  # the lists' cache (list_cache.py): compare cold paths
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow_topic(topic, authors, n):
    for i in range(n):
        author = authors[i % len(authors)]
        post = create_reply(topic, author=author, body=f"Post {i}", reply_to=topic.posts.first())
        add_reaction(post, user=authors[(i + 1) % len(authors)], kind="heart")
        if i % 5 == 0:
            edit_post(post, actor=author, body=f"Post {i} edited")


@pytest.mark.parametrize("persona", ["anonymous", "carol", "bob"])
def test_topic_page_query_count_does_not_grow(
    client, carol, mallory, bob, general, persona, django_assert_num_queries
):
    if persona != "anonymous":
        client.force_login(carol if persona == "carol" else bob)
    small = make_topic(carol, general, title="Small topic")
    big = make_topic(carol, general, title="Big topic")
    grow_topic(small, [carol, mallory], 4)
    grow_topic(big, [carol, mallory, bob], 49)
    assert Post.objects.filter(topic=big).count() == 50
    if persona != "anonymous":  # a reading page before: its time read is counted on each view
        client.get(f"/forum/t/{make_topic(carol, general, title='Warm-up topic').pk}/")
    expected = count_queries(client, f"/forum/t/{small.pk}/")
    with django_assert_num_queries(expected):
        client.get(f"/forum/t/{big.pk}/?page=2")
    with django_assert_num_queries(expected):
        client.get(f"/forum/t/{big.pk}/")


def test_category_page_and_index_query_counts_do_not_grow(
    client, carol, mallory, general, django_assert_num_queries
):
    client.force_login(carol)
    other = make_category("other")
    for n in range(2):
        make_topic(carol, other, title=f"Other {n}", tags=["a"])
    few = count_queries(client, "/forum/c/other/")
    index_few = count_queries(client, "/forum/")
    tag_few = count_queries(client, "/forum/tags/a/")
    for n in range(25):
        make_topic(
            mallory if n % 2 else carol, general, title=f"Topic {n}", tags=["a", "b"], replies=1
        )
        make_category(f"extra-{n}", parent=general if n < 5 else None)
    invalidate_lists()
    with django_assert_num_queries(few):
        client.get("/forum/c/general/")
    invalidate_lists()
    with django_assert_num_queries(index_few):
        client.get("/forum/")
    with django_assert_num_queries(index_few - 1):  # the figures now come from the cache
        client.get("/forum/")
    with django_assert_num_queries(tag_few):
        client.get("/forum/tags/a/")
