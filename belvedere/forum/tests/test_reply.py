from belvedere.core.screening import Decision
from belvedere.forum.models import Post
from belvedere.forum.services import close_topic, lock_topic
from belvedere.forum.tests.conftest import first_post, make_topic


def test_reply_is_added_and_links_to_its_post(client, carol, mallory, topic):
    client.force_login(mallory)
    quoted = first_post(topic)
    response = client.post(
        f"/forum/t/{topic.pk}/reply/", {"body": "> Hello\n\nI agree", "reply_to": quoted.pk}
    )
    post = Post.objects.get(number=2)
    assert response.status_code == 302 and response["Location"].endswith("#post-2")
    assert post.reply_to == quoted and post.author == mallory
    topic.refresh_from_db()
    assert topic.post_count == 2 and topic.last_post_author == mallory
    page = client.get(f"/forum/t/{topic.pk}/").content.decode()
    assert "<blockquote>" in page and f'href="/forum/p/{quoted.pk}/"' in page


def test_reply_needs_login(client, topic):
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Hello"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert topic.posts.count() == 1


def test_reply_bad_input_keeps_the_page(client, carol, topic):
    client.force_login(carol)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "x", "reply_to": "abc"})
    assert response.status_code == 200
    assert "body" in response.context["reply_form"].errors
    assert topic.posts.count() == 1


def test_rejected_reply_keeps_the_text(client, carol, topic, screener):
    screener(lambda text, **kw: Decision("reject", ["spam"], None, "Looks like spam."))
    client.force_login(carol)
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Buy cheap watches"})
    assert response.status_code == 200
    assert b"Looks like spam." in response.content and b"Buy cheap watches" in response.content
    assert topic.posts.count() == 1


def test_locked_topic_refuses_members_but_not_staff(client, carol, bob, topic):
    lock_topic(topic, actor=bob, reason="Heated")
    client.force_login(carol)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Me again"}).status_code == 403
    assert b"only staff can reply" in client.get(f"/forum/t/{topic.pk}/").content
    client.force_login(bob)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Calm down"}).status_code == 302
    assert topic.posts.count() == 2


def test_closed_topic_refuses_everyone(client, bob, topic):
    close_topic(topic, actor=bob)
    client.force_login(bob)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Late reply"}).status_code == 403


def test_reply_refused_in_staff_only_reply_category(client, carol, bob, general):
    general.reply_access = "moderator"
    general.save()
    topic = make_topic(bob, general)
    client.force_login(carol)
    assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Can I?"}).status_code == 403


def test_quote_returns_a_prefilled_reply_form(client, carol, mallory, topic):
    client.force_login(mallory)
    post = first_post(topic)
    response = client.get(f"/forum/t/{topic.pk}/reply/?quote={post.pk}", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.context["reply_form"].initial == {
        "body": "Carol:\n> Hello **all**\n\n",
        "reply_to": post.pk,
    }
    full = client.get(f"/forum/t/{topic.pk}/?quote={post.pk}")
    assert b"&gt; Hello **all**" in full.content
    assert client.get(f"/forum/t/{topic.pk}/?quote=nope").status_code == 200


def test_held_reply_is_seen_by_its_author_and_staff(client, carol, mallory, bob, topic, screener):
    screener(lambda text, **kw: Decision("hold", ["links"]))
    client.force_login(mallory)
    client.post(f"/forum/t/{topic.pk}/reply/", {"body": "Secret held words"})
    assert b"Secret held words" in client.get(f"/forum/t/{topic.pk}/").content
    client.force_login(carol)
    assert b"Secret held words" not in client.get(f"/forum/t/{topic.pk}/").content
    client.force_login(bob)
    assert b"Secret held words" in client.get(f"/forum/t/{topic.pk}/").content
    topic.refresh_from_db()
    assert topic.post_count == 1


def test_post_permalink_redirects_to_its_page(client, carol, general):
    topic = make_topic(carol, general, replies=25)
    post = topic.posts.get(number=23)
    response = client.get(f"/forum/p/{post.pk}/")
    assert response["Location"] == f"/forum/t/{topic.pk}/?page=2#post-23"
    assert client.get("/forum/p/999999/").status_code == 404
