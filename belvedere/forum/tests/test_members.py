import pytest

from belvedere.conftest import make_member
from belvedere.forum.services import add_reaction, create_reply
from belvedere.forum.tests.conftest import first_post, make_topic


@pytest.fixture
def activity(carol, mallory, bob, general, staff_room):
    topic = make_topic(carol, general, title="Carol's question", replies=2)
    add_reaction(first_post(topic), user=mallory, kind="like")
    add_reaction(first_post(topic), user=bob, kind="heart")
    staff = make_topic(bob, staff_room, title="Staff only")
    create_reply(staff, author=bob, body="more staff talk")
    return topic


def test_profile_shows_stats_and_recent_activity(client, carol, activity):
    response = client.get(f"/forum/u/{carol.pk}/")
    assert response.status_code == 200
    member = response.context["member"]
    assert (member.post_count, member.topic_count, member.reactions_received) == (3, 1, 2)
    assert b"Carol&#x27;s question" in response.content


def test_profile_never_counts_unreadable_content(client, bob, mallory, activity):
    assert client.get(f"/forum/u/{bob.pk}/").context["member"].post_count == 0
    client.force_login(bob)
    assert client.get(f"/forum/u/{bob.pk}/").context["member"].post_count == 2


def test_deactivated_member_is_gone_except_for_staff(client, bob, carol):
    carol.is_active = False
    carol.save()
    assert client.get(f"/forum/u/{carol.pk}/").status_code == 404
    assert client.get("/forum/u/999999/").status_code == 404
    assert b"Carol" not in client.get("/forum/members/").content
    client.force_login(bob)
    assert b"Deactivated" in client.get(f"/forum/u/{carol.pk}/").content


def test_directory_search_and_sort(client, carol, mallory, bob, activity):
    make_member("zoe@example.com", "Zoé Martin")
    names = [m.display_name for m in client.get("/forum/members/").context["page"]]
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    top = client.get("/forum/members/?sort=posts").context["page"][0]
    assert top == carol
    top = client.get("/forum/members/?sort=reactions").context["page"][0]
    assert top == carol
    newest = client.get("/forum/members/?sort=joined").context["page"][0]
    assert newest.display_name == "Zoé Martin"
    found = client.get("/forum/members/?q=zo").context["page"]
    assert [m.display_name for m in found] == ["Zoé Martin"]


def test_directory_bad_input(client, carol):
    response = client.get("/forum/members/?sort=salary&page=zzz")
    assert response.status_code == 400
    assert client.get("/forum/members/?q=" + "x" * 100).status_code == 400


def test_directory_query_count_does_not_grow(client, carol, general, django_assert_num_queries):
    make_topic(carol, general)
    from belvedere.forum.tests.test_reading import _count

    expected = _count(client, "/forum/members/?sort=posts")
    for i in range(15):
        member = make_member(f"m{i}@example.com", f"Member {i}")
        make_topic(member, general, title=f"T{i}")
    with django_assert_num_queries(expected):
        client.get("/forum/members/?sort=posts")


def test_mention_links_point_to_profiles(client, committed, carol, mallory, general):
    from belvedere.forum.tests.conftest import post_as, start_topic

    topic = start_topic(committed, carol, general)
    post_as(committed, topic, mallory, "thanks @carol")
    page = client.get(f"/forum/t/{topic.pk}/").content.decode()
    assert f'<a class="mention" href="/forum/u/{carol.pk}/">@Carol</a>' in page
    assert client.get(f"/forum/u/{carol.pk}/").status_code == 200
