from belvedere.activity.models import Entry
from belvedere.core.screening import Decision, unregister_screener
from belvedere.forum import services
from belvedere.forum.models import Post
from belvedere.forum.tests.conftest import first_post


def test_staff_hides_with_a_reason_and_restores(client, carol, bob, mallory, topic):
    post = services.create_reply(topic, author=carol, body="Borderline words")
    client.force_login(bob)
    response = client.post(f"/forum/p/{post.pk}/moderate/", {"action": "hide", "reason": "Rule 2"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Rule 2" and post.hidden_by == bob
    entry = Entry.objects.get(verb="forum.post.hide")
    assert entry.is_staff_action and entry.reason == "Rule 2"
    client.force_login(mallory)
    page = client.get(f"/forum/t/{topic.pk}/").content
    assert b"Borderline words" not in page and b"hidden by the moderators" in page
    client.force_login(carol)
    assert b"Rule 2" in client.get(f"/forum/t/{topic.pk}/").content
    services.restore_post(post, actor=bob, reason="ok after all")
    post.refresh_from_db()
    assert not post.is_hidden


def test_hide_needs_a_reason(client, bob, topic):
    client.force_login(bob)
    post = first_post(topic)
    client.post(f"/forum/p/{post.pk}/moderate/", {"action": "hide", "reason": " "})
    post.refresh_from_db()
    assert not post.is_hidden


def test_member_cannot_hide(client, mallory, topic):
    client.force_login(mallory)
    post = first_post(topic)
    response = client.post(f"/forum/p/{post.pk}/moderate/", {"action": "hide", "reason": "x"})
    assert response.status_code == 403


def test_staff_approves_a_held_post(client, carol, bob, topic, screener):
    hold = screener(lambda text, **kw: Decision("hold", ["first post"]))
    post = services.create_reply(topic, author=carol, body="Please approve")
    assert post.is_held and post.moderation_reasons == ["first post"]
    unregister_screener(hold)
    client.force_login(bob)
    client.post(f"/forum/p/{post.pk}/moderate/", {"action": "approve"})
    post = Post.objects.get(pk=post.pk)
    assert not post.is_held and post.topic.post_count == 2
    assert Entry.objects.get(verb="forum.post.approve").is_staff_action


def test_flag_decision_publishes_and_is_recorded(carol, topic, screener):
    screener(lambda text, **kw: Decision("flag", ["toxicity 0.6"]))
    post = services.create_reply(topic, author=carol, body="Meh")
    assert post.is_visible and post.screening_action == "flag"
    assert Entry.objects.get(verb="forum.post.create").metadata["screening"] == "flag"
