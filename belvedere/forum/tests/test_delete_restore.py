from belvedere.activity.models import Entry
from belvedere.forum.models import Post
from belvedere.forum.services import create_reply
from belvedere.forum.tests.conftest import first_post


def test_author_soft_deletes_own_reply(client, carol, topic):
    post = create_reply(topic, author=carol, body="Oops, wrong thread")
    client.force_login(carol)
    response = client.post(f"/forum/p/{post.pk}/moderate/", {"action": "delete"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.deleted_at and post.deleted_by == carol
    topic.refresh_from_db()
    assert topic.post_count == 1
    page = client.get(f"/forum/t/{topic.pk}/").content
    assert b"This post was deleted." in page and b"Oops, wrong thread" not in page
    assert not Entry.objects.get(verb="forum.post.delete").is_staff_action


def test_staff_restores_a_deleted_post(client, carol, bob, topic):
    post = create_reply(topic, author=carol, body="Came back")
    client.force_login(bob)
    client.post(f"/forum/p/{post.pk}/moderate/", {"action": "delete", "reason": "dup"})
    assert b"Came back" in client.get(f"/forum/t/{topic.pk}/").content  # staff still read it
    client.post(f"/forum/p/{post.pk}/moderate/", {"action": "restore", "reason": "not a dup"})
    post.refresh_from_db()
    assert post.deleted_at is None
    assert Entry.objects.get(verb="forum.post.restore").is_staff_action
    assert Post.objects.get(pk=post.pk).topic.post_count == 2


def test_member_cannot_delete_or_restore_others_posts(client, carol, mallory, topic):
    post = create_reply(topic, author=carol, body="Mine")
    client.force_login(mallory)
    assert client.post(f"/forum/p/{post.pk}/moderate/", {"action": "delete"}).status_code == 403
    client.force_login(carol)
    client.post(f"/forum/p/{post.pk}/moderate/", {"action": "delete"})
    assert client.post(f"/forum/p/{post.pk}/moderate/", {"action": "restore"}).status_code == 403


def test_author_cannot_delete_the_first_post(client, carol, topic):
    client.force_login(carol)
    post = first_post(topic)
    assert client.post(f"/forum/p/{post.pk}/moderate/", {"action": "delete"}).status_code == 403


def test_deleting_the_first_post_deletes_the_topic(client, carol, bob, mallory, topic):
    client.force_login(bob)
    client.post(
        f"/forum/p/{first_post(topic).pk}/moderate/", {"action": "delete", "reason": "spam"}
    )
    topic.refresh_from_db()
    assert topic.is_deleted
    client.force_login(mallory)
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 404


def test_unknown_action_is_bad_input(client, bob, topic):
    client.force_login(bob)
    post = first_post(topic)
    response = client.post(f"/forum/p/{post.pk}/moderate/", {"action": "explode"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert not post.is_deleted
