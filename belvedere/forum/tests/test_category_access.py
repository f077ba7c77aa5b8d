"""Members let into a private category by name: they read and post; others do not."""

from belvedere.forum.models import Topic
from belvedere.forum.permissions import can_reply, can_start_topic
from belvedere.forum.queries import readable_categories
from belvedere.forum.services.access import (
    create_private_category,
    grant_category_access,
    revoke_category_access,
)
from belvedere.forum.tests.conftest import make_category, make_topic


def test_private_category_is_for_the_team_only_at_first(client, alice, bob, carol):
    private = create_private_category(actor=alice, name="Beta testers")
    assert private.slug == "beta-testers"
    assert create_private_category(actor=alice, name="Beta testers").slug == "beta-testers-2"
    topic = make_topic(bob, private, title="Welcome testers")
    client.force_login(carol)
    assert client.get("/forum/c/beta-testers/").status_code == 404
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 404
    assert b"Beta Testers" not in client.get("/forum/").content


def test_granted_member_reads_starts_topics_and_replies(client, alice, bob, carol, mallory):
    private = create_private_category(actor=alice, name="Beta testers")
    topic = make_topic(bob, private, title="Welcome testers")
    assert grant_category_access(private, carol, actor=alice) is True
    assert grant_category_access(private, carol, actor=alice) is False
    assert can_start_topic(carol, private) and can_reply(carol, topic)
    client.force_login(carol)
    assert client.get("/forum/c/beta-testers/").status_code == 200
    assert b"Welcome testers" in client.get(f"/forum/t/{topic.pk}/").content
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Count me in, it works!"})
    assert response.status_code == 302 and topic.posts.count() == 2
    response = client.post(
        "/forum/new/",
        {"category": private.pk, "title": "Battery drains fast", "body": "After two days."},
    )
    assert response.status_code == 302
    assert Topic.objects.filter(category=private, author=carol).exists()
    client.force_login(mallory)  # an outsider still sees nothing
    assert client.get("/forum/c/beta-testers/").status_code == 404
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 404
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Let me in"}).status_code == 404
    assert private not in readable_categories(mallory)


def test_revoked_member_loses_access(client, alice, bob, carol):
    private = create_private_category(actor=alice, name="Beta testers")
    topic = make_topic(bob, private, title="Welcome testers")
    grant_category_access(private, carol, actor=alice)
    assert private in readable_categories(carol)
    assert revoke_category_access(private, carol, actor=alice) is True
    assert revoke_category_access(private, carol, actor=alice) is False
    assert private not in readable_categories(carol)
    client.force_login(carol)
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 404
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Still here?"}).status_code == 404
    assert topic.posts.count() == 1


def test_grant_on_a_parent_opens_its_children(client, alice, carol):
    private = create_private_category(actor=alice, name="Beta testers")
    child = make_category("beta-bugs", parent=private, read="members")
    assert child not in readable_categories(carol)
    grant_category_access(private, carol, actor=alice)
    assert child in readable_categories(carol)
    client.force_login(carol)
    assert client.get("/forum/c/beta-bugs/").status_code == 200
