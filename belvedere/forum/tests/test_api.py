import pytest

from belvedere.forum.models import Reaction, Topic
from belvedere.forum.services import create_reply, lock_topic
from belvedere.forum.tests.conftest import first_post, make_topic

JSON = "application/json"


@pytest.fixture
def as_user(token_for):
    def headers(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}

    return headers


def test_list_categories_anonymous_sees_public_only(client, general, staff_room, members_only):
    response = client.get("/api/v1/forum/categories")
    assert response.status_code == 200
    assert [c["slug"] for c in response.json()] == ["general"]


def test_list_categories_with_token_sees_by_role(client, bob, general, staff_room, as_user):
    slugs = {c["slug"] for c in client.get("/api/v1/forum/categories", **as_user(bob)).json()}
    assert slugs == {"general", "staff-room"}


def test_list_topics_paginated_and_filtered(client, carol, general):
    make_topic(carol, general, title="Tagged one", tags=["hub"])
    make_topic(carol, general, title="Plain one")
    body = client.get("/api/v1/forum/categories/general/topics?sort=new").json()
    assert body["count"] == 2 and body["items"][0]["title"] == "Plain one"
    tagged = client.get("/api/v1/forum/categories/general/topics?tag=hub").json()
    assert [t["title"] for t in tagged["items"]] == ["Tagged one"]
    assert client.get("/api/v1/forum/categories/staff/topics").status_code == 404
    assert client.get("/api/v1/forum/categories/general/topics?page=x").status_code == 422


def test_read_topic_with_posts(client, carol, general):
    topic = make_topic(carol, general, replies=25)
    body = client.get(f"/api/v1/forum/topics/{topic.pk}?page=2").json()
    assert (body["count"], body["page"], body["pages"]) == (26, 2, 2)
    assert body["posts"][0]["number"] == 21
    assert body["topic"]["url"] == f"/forum/t/{topic.pk}/"


def test_read_hidden_topic_is_404(client, bob, staff_room):
    topic = make_topic(bob, staff_room)
    assert client.get(f"/api/v1/forum/topics/{topic.pk}").status_code == 404
    assert client.get("/api/v1/forum/topics/999").json() == {"detail": "Not found."}


def test_create_topic(client, carol, general, as_user):
    payload = {"category": "general", "title": "From the API", "body": "# Hi", "tags": ["API"]}
    response = client.post("/api/v1/forum/topics", payload, content_type=JSON, **as_user(carol))
    assert response.status_code == 201
    assert response.json()["tags"] == ["api"]
    assert Topic.objects.get().posts.get().body_html == "<h3>Hi</h3>\n"


def test_create_topic_errors(client, carol, general, announcements, as_user):
    payload = {"category": "general", "title": "From the API", "body": "Hello"}
    assert client.post("/api/v1/forum/topics", payload, content_type=JSON).status_code == 401
    denied = {**payload, "category": "announcements"}
    response = client.post("/api/v1/forum/topics", denied, content_type=JSON, **as_user(carol))
    assert response.status_code == 403 and "detail" in response.json()
    bad = {**payload, "title": "x", "tags": list("abcdef")}
    response = client.post("/api/v1/forum/topics", bad, content_type=JSON, **as_user(carol))
    assert response.status_code == 422
    response = client.post("/api/v1/forum/topics", "{oops", content_type=JSON, **as_user(carol))
    assert response.status_code in (400, 422)
    assert not Topic.objects.exists()


def test_rejected_content_is_422_with_reasons(client, carol, general, as_user, screener):
    from belvedere.core.screening import Decision

    screener(lambda text, **kw: Decision("reject", ["hate"], "2.4", "Rule 2.4 forbids this."))
    payload = {"category": "general", "title": "Hateful title", "body": "Hateful body"}
    response = client.post("/api/v1/forum/topics", payload, content_type=JSON, **as_user(carol))
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Rule 2.4 forbids this.",
        "reasons": ["hate", "hate"],
        "clause": "2.4",
    }


def test_reply_and_locked_topic(client, carol, mallory, bob, topic, as_user):
    url = f"/api/v1/forum/topics/{topic.pk}/posts"
    post = first_post(topic)
    response = client.post(
        url, {"body": "Reply", "reply_to": post.pk}, content_type=JSON, **as_user(mallory)
    )
    assert response.status_code == 201 and response.json()["reply_to_id"] == post.pk
    lock_topic(topic, actor=bob)
    response = client.post(url, {"body": "Again"}, content_type=JSON, **as_user(mallory))
    assert response.status_code == 403
    response = client.post(url, {"body": "Staff"}, content_type=JSON, **as_user(bob))
    assert response.status_code == 201
    response = client.post(url, {"body": ""}, content_type=JSON, **as_user(bob))
    assert response.status_code == 422


def test_edit_post(client, carol, mallory, topic, as_user):
    post = first_post(topic)
    url = f"/api/v1/forum/posts/{post.pk}"
    response = client.patch(
        url, {"body": "Edited", "title": "Edited title"}, content_type=JSON, **as_user(carol)
    )
    assert response.status_code == 200 and response.json()["edit_count"] == 1
    response = client.patch(url, {"body": "Mine"}, content_type=JSON, **as_user(mallory))
    assert response.status_code == 403
    assert client.patch(url, {"nobody": 1}, content_type=JSON, **as_user(carol)).status_code == 422
    assert (
        client.patch(
            "/api/v1/forum/posts/999", {"body": "x y"}, content_type=JSON, **as_user(carol)
        ).status_code
        == 404
    )


def test_react_and_unreact(client, carol, mallory, topic, as_user):
    post = first_post(topic)
    url = f"/api/v1/forum/posts/{post.pk}/reactions"
    response = client.post(url, {"kind": "heart"}, content_type=JSON, **as_user(mallory))
    heart = next(r for r in response.json() if r["kind"] == "heart")
    assert heart == {"kind": "heart", "emoji": "❤️", "count": 1, "mine": True, "who": ["Mallory"]}
    assert client.delete(f"{url}/heart", **as_user(mallory)).status_code == 200
    assert not Reaction.objects.exists()
    own = client.post(url, {"kind": "like"}, content_type=JSON, **as_user(carol))
    assert own.status_code == 403
    bad = client.post(url, {"kind": "nope"}, content_type=JSON, **as_user(mallory))
    assert bad.status_code == 422


def test_staff_topic_actions(client, carol, bob, topic, as_user):
    from belvedere.forum.tests.conftest import make_category

    make_category("other")
    base = f"/api/v1/forum/topics/{topic.pk}"
    for action in ("pin", "lock", "close"):
        response = client.post(
            f"{base}/{action}", {"reason": "r"}, content_type=JSON, **as_user(bob)
        )
        assert response.status_code == 200
    assert response.json()["is_closed"] is True
    moved = client.post(f"{base}/move", {"category": "other"}, content_type=JSON, **as_user(bob))
    assert moved.json()["category"] == "other"
    denied = client.post(f"{base}/pin", {}, content_type=JSON, **as_user(carol))
    assert denied.status_code == 403
    unknown = client.post(f"{base}/explode", {}, content_type=JSON, **as_user(bob))
    assert unknown.status_code == 404


def test_staff_post_actions(client, carol, mallory, bob, topic, as_user):
    post = create_reply(topic, author=mallory, body="Rude")
    base = f"/api/v1/forum/posts/{post.pk}"
    assert client.post(f"{base}/hide", {}, content_type=JSON, **as_user(bob)).status_code == 422
    hidden = client.post(f"{base}/hide", {"reason": "rule 1"}, content_type=JSON, **as_user(bob))
    assert hidden.status_code == 200 and hidden.json()["is_hidden"] is True
    seen = client.get(f"/api/v1/forum/topics/{topic.pk}", **as_user(carol)).json()
    assert seen["posts"][1]["body"] is None
    denied = client.post(f"{base}/restore", {}, content_type=JSON, **as_user(carol))
    assert denied.status_code == 403
    restored = client.post(f"{base}/restore", {}, content_type=JSON, **as_user(bob))
    assert restored.json()["is_hidden"] is False
    own = client.post(f"{base}/delete", {}, content_type=JSON, **as_user(mallory))
    assert own.status_code == 200 and own.json()["is_deleted"] is True
