from belvedere.activity.models import Entry
from belvedere.core.screening import Decision
from belvedere.forum.models import PostRevision
from belvedere.forum.tests.conftest import first_post


def test_author_edits_and_a_revision_is_kept(client, carol, topic):
    post = first_post(topic)
    client.force_login(carol)
    assert client.get(f"/forum/p/{post.pk}/edit/").status_code == 200
    response = client.post(
        f"/forum/p/{post.pk}/edit/",
        {"title": "A better title", "body": "New *text*", "tags": "hub", "reason": "typo"},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    topic.refresh_from_db()
    assert post.body_html == "<p>New <em>text</em></p>\n" and post.edit_count == 1
    assert topic.title == "A better title" and [t.slug for t in topic.tags.all()] == ["hub"]
    revision = PostRevision.objects.get()
    assert (revision.body, revision.title, revision.reason) == (
        "Hello **all**",
        "A question about the hub",
        "typo",
    )
    assert not Entry.objects.get(verb="forum.post.edit").is_staff_action


def test_history_is_visible_to_staff_only(client, carol, bob, topic):
    post = first_post(topic)
    client.force_login(carol)
    client.post(f"/forum/p/{post.pk}/edit/", {"title": topic.title, "body": "Second version"})
    assert b"earlier version" not in client.get(f"/forum/t/{topic.pk}/").content
    client.force_login(bob)
    page = client.get(f"/forum/t/{topic.pk}/").content
    assert b"1 earlier version" in page and b"Hello **all**" in page


def test_staff_edit_is_an_audited_staff_action(client, carol, bob, topic):
    post = first_post(topic)
    client.force_login(bob)
    client.post(
        f"/forum/p/{post.pk}/edit/", {"title": topic.title, "body": "Cleaned", "reason": "pii"}
    )
    assert Entry.objects.get(verb="forum.post.edit").is_staff_action


def test_other_member_cannot_edit(client, mallory, topic):
    post = first_post(topic)
    client.force_login(mallory)
    assert client.get(f"/forum/p/{post.pk}/edit/").status_code == 403
    response = client.post(f"/forum/p/{post.pk}/edit/", {"title": "Hijack", "body": "Mine now"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body == "Hello **all**"


def test_edit_bad_input_and_rejection_keep_the_text(client, carol, topic, screener):
    post = first_post(topic)
    client.force_login(carol)
    response = client.post(f"/forum/p/{post.pk}/edit/", {"title": "", "body": "x"})
    assert response.status_code == 200 and response.context["form"].errors
    screener(lambda text, **kw: Decision("reject", [], None, "Not allowed words."))
    response = client.post(f"/forum/p/{post.pk}/edit/", {"title": topic.title, "body": "Rude edit"})
    assert b"Not allowed words." in response.content and b"Rude edit" in response.content
    post.refresh_from_db()
    assert post.body == "Hello **all**" and not PostRevision.objects.exists()


def test_inline_edit_with_htmx_returns_partials(client, carol, topic):
    post = first_post(topic)
    client.force_login(carol)
    form = client.get(f"/forum/p/{post.pk}/edit/", HTTP_HX_REQUEST="true")
    assert form.templates[0].name == "forum/_edit_form.html"
    saved = client.post(
        f"/forum/p/{post.pk}/edit/",
        {"title": topic.title, "body": "Inline"},
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200 and saved.templates[0].name == "forum/_post.html"
    assert b"<p>Inline</p>" in saved.content
