import pytest

from belvedere.forum import services
from belvedere.forum.tests.conftest import first_post, make_topic


@pytest.fixture
def cached(client, committed, carol, general):
    topic = make_topic(carol, general, body="Original words")
    assert b"Original words" in client.get(f"/forum/t/{topic.pk}/").content
    return topic


def test_visitors_get_the_cached_stream(client, cached, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the topic and its tags
        assert b"Original words" in client.get(f"/forum/t/{cached.pk}/").content


@pytest.mark.parametrize("change", ["reply", "edit", "react", "hide"])
def test_any_change_refreshes_it(client, committed, cached, carol, bob, mallory, change):
    post = first_post(cached)
    with committed():
        if change == "reply":
            services.create_reply(cached, author=mallory, body="Fresh reply")
        elif change == "edit":
            services.edit_post(post, actor=carol, body="Fresh reply")
        elif change == "react":
            services.add_reaction(post, user=mallory, kind="party")
        else:
            services.hide_post(post, actor=bob, reason="Fresh reply")
    page = client.get(f"/forum/t/{cached.pk}/").content.decode()
    assert ("🎉 1" if change == "react" else "Fresh reply") in page or (
        change == "hide" and "Original words" not in page
    )


def test_members_and_odd_pages_bypass_it(client, cached, carol):
    assert client.get(f"/forum/t/{cached.pk}/?page=zz").status_code == 200
    client.force_login(carol)
    page = client.get(f"/forum/t/{cached.pk}/").content.decode()
    assert "Edit" in page  # her own buttons: rendered for her, not from the visitors' cache
