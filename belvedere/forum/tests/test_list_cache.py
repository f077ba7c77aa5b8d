"""Visitors' topic lists and category table come from list_cache, changed on commit."""

from belvedere.forum.models import Category
from belvedere.forum.tests.conftest import make_topic, start_topic


def test_visitor_category_page_is_cached_and_refreshed_on_commit(
    client, committed, carol, general, django_assert_max_num_queries
):
    start_topic(committed, carol, general, title="First topic here")
    assert "First topic here" in client.get("/forum/c/general/").content.decode()
    with django_assert_max_num_queries(2):  # the category and its sub-categories only
        client.get("/forum/c/general/")
    start_topic(committed, carol, general, title="Second topic here")
    assert "Second topic here" in client.get("/forum/c/general/").content.decode()


def test_visitor_index_is_refreshed_when_a_category_changes(client, committed, carol, general):
    start_topic(committed, carol, general, title="Counted topic")
    assert "General" in client.get("/forum/").content.decode()
    with committed():
        Category.objects.filter(pk=general.pk).update(name="Renamed")  # no signal: still cached
        general.name = "Général"
        general.save()
    assert "Général" in client.get("/forum/").content.decode()


def test_members_always_get_a_fresh_list(client, carol, mallory, general):
    client.force_login(mallory)
    assert "Late topic" not in client.get("/forum/c/general/").content.decode()
    make_topic(carol, general, title="Late topic")  # not committed: no invalidation
    assert "Late topic" in client.get("/forum/c/general/").content.decode()


def test_other_parameters_bypass_the_cache(client, committed, carol, general):
    start_topic(committed, carol, general, title="Exported topic")
    client.get("/forum/c/general/")
    response = client.get("/forum/c/general/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
