from belvedere.forum.list_cache import invalidate_lists
from belvedere.forum.models import TopicRead
from belvedere.forum.queries import list_categories, list_topics
from belvedere.forum.services import create_reply, hide_post
from belvedere.forum.tests.conftest import make_category, make_topic


def test_viewing_a_topic_marks_it_read(client, carol, mallory, general):
    topic = make_topic(carol, general, replies=3)
    client.force_login(mallory)
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 200
    assert TopicRead.objects.get(user=mallory, topic=topic).last_read_number == 4
    client.logout()
    client.get(f"/forum/t/{topic.pk}/")
    assert TopicRead.objects.count() == 1


def test_new_and_unread_counts(client, carol, mallory, general):
    seen = make_topic(carol, general, title="Seen")
    make_topic(carol, general, title="Never opened")
    client.force_login(mallory)
    client.get(f"/forum/t/{seen.pk}/")
    create_reply(seen, author=carol, body="one more")
    create_reply(seen, author=carol, body="and another")
    hidden = create_reply(seen, author=carol, body="hidden one")
    hide_post(hidden, actor=carol, reason="x")
    topics = {t.title: t for t in list_topics(mallory, category=general)}
    assert topics["Seen"].unread_count == 2 and not topics["Seen"].is_new
    assert topics["Never opened"].is_new
    category = list_categories(mallory)[0]
    assert (category.new_count, category.unread_count) == (1, 1)
    page = client.get("/forum/").content.decode()
    assert "1 new" in page and "1 unread" in page
    page = client.get("/forum/c/general/").content.decode()
    assert "2 unread" in page and f"/forum/t/{seen.pk}/unread/" in page


def test_visitors_get_no_counts(client, carol, general):
    make_topic(carol, general)
    page = client.get("/forum/c/general/").content.decode()
    assert "unread" not in page and "badge new" not in page


def test_jump_to_first_unread(client, carol, mallory, general):
    topic = make_topic(carol, general, replies=2)
    client.force_login(mallory)
    response = client.get(f"/forum/t/{topic.pk}/unread/")
    assert response.status_code == 302 and response["Location"].endswith("#post-1")
    client.get(f"/forum/t/{topic.pk}/")
    create_reply(topic, author=carol, body="new")
    response = client.get(f"/forum/t/{topic.pk}/unread/")
    assert response["Location"].endswith("#post-4")
    client.get(f"/forum/t/{topic.pk}/")
    assert client.get(f"/forum/t/{topic.pk}/unread/")["Location"].endswith("#post-4")


def test_jump_to_unread_respects_permissions(client, bob, mallory, staff_room):
    topic = make_topic(bob, staff_room)
    client.force_login(mallory)
    assert client.get(f"/forum/t/{topic.pk}/unread/").status_code == 404
    assert client.get("/forum/t/999999/unread/").status_code == 404


def test_category_pages_query_count_does_not_grow(
    client, carol, mallory, django_assert_num_queries
):
    client.force_login(mallory)
    small = make_category("small")
    big = make_category("big")
    make_topic(carol, small)
    for i in range(12):
        topic = make_topic(carol, big, title=f"Topic {i}", replies=i % 3)
        if i % 2:
            client.get(f"/forum/t/{topic.pk}/")
    with django_assert_num_queries(_count(client, "/forum/c/small/")):
        client.get("/forum/c/big/")
    for i in range(5):
        make_category(f"extra-{i}")
    expected = _count(client, "/forum/")
    invalidate_lists()  # the lists' cache: measure the cold path again
    with django_assert_num_queries(expected):
        client.get("/forum/")


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_time_read_is_the_gap_to_the_next_reading_page(client, carol, mallory, general):
    from datetime import timedelta

    from django.utils import timezone

    from belvedere.forum.queries_social import reading_figures

    first = make_topic(carol, general, title="Premier sujet", replies=2)
    second = make_topic(carol, general, title="Second sujet")
    client.force_login(mallory)
    client.get(f"/forum/t/{first.pk}/")
    # Two minutes on the first topic, then the second one is opened.
    TopicRead.objects.filter(user=mallory).update(
        updated_at=timezone.now() - timedelta(seconds=120)
    )
    client.get(f"/forum/t/{second.pk}/")
    assert 119 <= TopicRead.objects.get(user=mallory, topic=first).read_seconds <= 125
    # A long absence (over READ_GAP_SECONDS) is not reading time.
    TopicRead.objects.filter(user=mallory).update(updated_at=timezone.now() - timedelta(hours=3))
    client.get(f"/forum/t/{first.pk}/")
    assert TopicRead.objects.get(user=mallory, topic=second).read_seconds == 0
    figures = reading_figures([mallory.pk])[mallory.pk]
    assert figures == {"topics_read": 2, "posts_read": 4, "minutes_read": 2}
