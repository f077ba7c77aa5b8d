from belvedere.activity.models import Entry
from belvedere.core.screening import Decision
from belvedere.forum.models import Topic


def test_new_topic_is_created(client, carol, general):
    client.force_login(carol)
    assert client.get("/forum/new/?category=general").status_code == 200
    response = client.post(
        "/forum/new/",
        {
            "category": general.pk,
            "title": "Thermostat offline",
            "body": "It **drops**",
            "tags": "WiFi, firmware wifi",
        },
    )
    topic = Topic.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/forum/t/{topic.pk}/"
    assert sorted(t.slug for t in topic.tags.all()) == ["firmware", "wifi"]
    assert topic.posts.get().body_html == "<p>It <strong>drops</strong></p>\n"
    assert topic.post_count == 1
    assert Entry.objects.filter(verb="forum.topic.create", actor=carol).exists()


def test_new_topic_needs_login(client, general):
    response = client.get("/forum/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_new_topic_refused_in_a_category_above_the_role(client, carol, announcements):
    client.force_login(carol)
    assert client.get("/forum/new/").status_code == 403
    response = client.post(
        "/forum/new/", {"category": announcements.pk, "title": "Not allowed", "body": "Hi there"}
    )
    assert response.status_code == 403
    assert not Topic.objects.exists()


def test_new_topic_category_choice_is_limited(client, carol, general, announcements):
    client.force_login(carol)
    response = client.post(
        "/forum/new/", {"category": announcements.pk, "title": "Not allowed", "body": "Hi there"}
    )
    assert response.status_code == 200
    assert "category" in response.context["form"].errors
    assert not Topic.objects.exists()


def test_new_topic_bad_input_keeps_the_text(client, carol, general):
    client.force_login(carol)
    response = client.post(
        "/forum/new/",
        {"category": general.pk, "title": "x", "body": "My long text", "tags": "a b c d e f"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "title" in form.errors and "tags" in form.errors
    assert b"My long text" in response.content
    assert not Topic.objects.exists()


def test_rejected_topic_is_not_saved_and_keeps_the_text(client, carol, general, screener):
    screener(lambda text, **kw: Decision("reject", ["insult"], "3.1", "Rule 3.1: be kind."))
    client.force_login(carol)
    response = client.post(
        "/forum/new/", {"category": general.pk, "title": "Angry title", "body": "Angry words"}
    )
    assert response.status_code == 200
    assert b"Rule 3.1: be kind." in response.content
    assert b"Angry words" in response.content and b"Angry title" in response.content
    assert not Topic.objects.exists()


def test_held_topic_is_seen_by_its_author_and_staff_only(
    client, carol, mallory, bob, general, screener
):
    screener(
        lambda text, *, kind, **kw: (
            Decision("hold", ["new member"]) if kind == "forum.title" else None
        )
    )
    client.force_login(carol)
    client.post("/forum/new/", {"category": general.pk, "title": "Held title", "body": "Body"})
    topic = Topic.objects.get()
    assert topic.is_held and topic.posts.get().is_held and topic.post_count == 0
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 200
    assert b"awaiting review" in client.get(f"/forum/t/{topic.pk}/").content
    client.force_login(mallory)
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 404
    assert b"Held title" not in client.get("/forum/c/general/").content
    client.force_login(bob)
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 200
