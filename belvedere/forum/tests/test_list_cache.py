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


def test_visitors_cached_topic_shows_a_new_badge_and_name_at_once(
    client, committed, carol, dave, general
):
    from belvedere.accounts import services as accounts

    topic = start_topic(committed, carol, general, title="Badges", body="Hello")
    url = f"/forum/t/{topic.pk}/"
    assert "Ambassador" not in client.get(url).content.decode()  # now cached for visitors
    with committed():
        accounts.award_badge(carol, "ambassador", "Ambassador", tone="gold", actor=dave)
    assert "Ambassador" in client.get(url).content.decode()
    with committed():
        accounts.remove_badge(carol, "ambassador", actor=dave)
    assert "Ambassador" not in client.get(url).content.decode()


def test_visitors_cached_topic_shows_a_name_reset_by_a_moderator(
    client, committed, carol, bob, general
):
    from belvedere.accounts import services as accounts

    topic = start_topic(committed, carol, general, title="Noms", body="Bonjour")
    url = f"/forum/t/{topic.pk}/"
    assert "Carol" in client.get(url).content.decode()  # now cached for visitors
    with committed():
        accounts.reset_display_name(carol, actor=bob, reason="Nom trompeur")
    page = client.get(url).content.decode()
    assert f"member-{carol.pk}" in page
