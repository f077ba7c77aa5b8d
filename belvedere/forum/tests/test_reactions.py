from belvedere.forum.models import Reaction
from belvedere.forum.services import create_reply, delete_post
from belvedere.forum.tests.conftest import first_post


def test_reaction_toggles_with_counts_and_who(client, carol, mallory, bob, topic):
    post = first_post(topic)
    client.force_login(mallory)
    response = client.post(f"/forum/p/{post.pk}/react/", {"kind": "like"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.templates[0].name == "forum/_reactions.html"
    rows = {row["kind"]: row for row in response.context["post"].reaction_rows}
    assert (
        rows["like"]["count"] == 1 and rows["like"]["mine"] and rows["like"]["who"] == ["Mallory"]
    )
    client.force_login(bob)
    client.post(f"/forum/p/{post.pk}/react/", {"kind": "like"})
    client.post(f"/forum/p/{post.pk}/react/", {"kind": "party"})
    assert Reaction.objects.filter(post=post).count() == 3
    client.post(f"/forum/p/{post.pk}/react/", {"kind": "party"})  # toggled off
    assert Reaction.objects.filter(post=post, kind="party").count() == 0
    page = client.get(f"/forum/t/{topic.pk}/").content.decode()
    assert 'title="Mallory, Bob"' in page


def test_reaction_without_htmx_redirects(client, mallory, topic):
    client.force_login(mallory)
    response = client.post(f"/forum/p/{first_post(topic).pk}/react/", {"kind": "heart"})
    assert response.status_code == 302 and "#post-1" in response["Location"]


def test_no_like_on_own_post_but_other_emoji_allowed(client, carol, topic):
    client.force_login(carol)
    post = first_post(topic)
    assert client.post(f"/forum/p/{post.pk}/react/", {"kind": "like"}).status_code == 403
    assert client.post(f"/forum/p/{post.pk}/react/", {"kind": "laugh"}).status_code == 302


def test_reactions_need_a_member(client, topic):
    response = client.post(f"/forum/p/{first_post(topic).pk}/react/", {"kind": "heart"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Reaction.objects.exists()


def test_unknown_reaction_is_bad_input(client, mallory, topic):
    client.force_login(mallory)
    response = client.post(f"/forum/p/{first_post(topic).pk}/react/", {"kind": "poop"})
    assert response.status_code == 400


def test_no_reaction_on_a_deleted_post(client, carol, mallory, bob, topic):
    post = create_reply(topic, author=carol, body="Going away")
    delete_post(post, actor=bob)
    client.force_login(mallory)
    assert client.post(f"/forum/p/{post.pk}/react/", {"kind": "sad"}).status_code == 403
