import pytest

from belvedere.forum.models import Notification, TopicRead, Watch
from belvedere.forum.tests.conftest import first_post, make_topic, post_as, start_topic

API = "/api/v1/forum"
JSON = "application/json"


@pytest.fixture
def as_user(token_for):
    def headers(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}

    return headers


@pytest.fixture
def mentioned(committed, carol, mallory, general):
    topic = start_topic(committed, carol, general, title="Éléphant rose")
    post_as(committed, topic, mallory, "@Carol regarde")
    return topic


def test_notifications_list_and_read(client, as_user, carol, mallory, mentioned):
    body = client.get(f"{API}/notifications", **as_user(carol)).json()
    assert body["count"] == 1 and body["unread"] == 1
    item = body["items"][0]
    assert item["kind"] == "mention" and item["actor"]["display_name"] == "Mallory"
    response = client.post(f"{API}/notifications/{item['id']}/read", **as_user(carol))
    assert response.status_code == 200 and response.json()["read_at"]
    assert client.get(f"{API}/notifications?unread=true", **as_user(carol)).json()["count"] == 0


def test_notifications_permissions_and_bad_input(client, as_user, carol, mallory, mentioned):
    row = Notification.objects.get(recipient=carol)
    assert client.get(f"{API}/notifications").status_code == 401
    assert client.post(f"{API}/notifications/{row.pk}/read", **as_user(mallory)).status_code == 404
    assert client.get(f"{API}/notifications?page=x", **as_user(carol)).status_code == 422
    response = client.post(f"{API}/notifications/read-all", **as_user(carol))
    assert response.json() == {"marked": 1}


def test_preferences(client, as_user, carol):
    headers = as_user(carol)
    assert client.get(f"{API}/preferences", **headers).json() == {"email_frequency": "immediately"}
    data = '{"email_frequency": "daily"}'
    assert client.put(f"{API}/preferences", data, JSON, **headers).status_code == 200
    bad = client.put(f"{API}/preferences", '{"email_frequency": "hourly"}', JSON, **headers)
    assert bad.status_code == 422 and "detail" in bad.json()
    assert client.put(f"{API}/preferences", data, JSON).status_code == 401


def test_watch_topic_and_category(client, as_user, carol, mallory, bob, general, staff_room):
    topic = make_topic(carol, general)
    headers = as_user(mallory)
    url = f"{API}/watch/topics/{topic.pk}"
    assert client.put(url, '{"level": "muted"}', JSON, **headers).json() == {"level": "muted"}
    assert client.get(url, **headers).json() == {"level": "muted"}
    assert client.put(url, '{"level": "loud"}', JSON, **headers).status_code == 422
    cat = f"{API}/watch/categories/general"
    assert client.put(cat, '{"level": "watching"}', JSON, **headers).status_code == 200
    staff = f"{API}/watch/categories/staff-room"
    assert client.put(staff, '{"level": "watching"}', JSON, **headers).status_code == 404
    assert client.put(url, '{"level": "muted"}', JSON).status_code == 401
    assert Watch.objects.filter(user=mallory).count() == 2


def test_search(client, as_user, committed, carol, bob, mentioned, staff_room):
    start_topic(committed, bob, staff_room, title="Éléphant secret", body="rien")
    body = client.get(f"{API}/search", {"q": "elephant"}).json()
    assert body["count"] == 1 and body["items"][0]["topic_title"] == "Éléphant rose"
    assert client.get(f"{API}/search", {"q": "elephant"}, **as_user(bob)).json()["count"] == 2
    filtered = client.get(f"{API}/search", {"q": "elephant", "author": "Mallory"}).json()
    assert filtered["count"] == 0
    assert client.get(f"{API}/search", {"q": "x", "after": "nope"}).status_code == 422
    bad = client.get(f"{API}/search", {"q": "x", "after": "2024-02-02", "before": "2024-02-01"})
    assert bad.status_code == 422
    assert client.get(f"{API}/search", {"q": "x" * 300}).status_code == 422
    assert client.get(f"{API}/search", {"q": "a\x00b", "author": "\x00"}).status_code == 200


def test_read_state(client, as_user, carol, mallory, bob, general, staff_room):
    topic = make_topic(carol, general, replies=3)
    headers = as_user(mallory)
    url = f"{API}/read/topics/{topic.pk}"
    state = client.get(url, **headers).json()
    assert state["unread_count"] == 4 and state["first_unread_number"] == 1
    state = client.post(url, '{"number": 2}', JSON, **headers).json()
    assert state["last_read_number"] == 2 and state["unread_count"] == 2
    assert TopicRead.objects.get(user=mallory).last_read_number == 2
    assert client.post(url, '{"number": 0}', JSON, **headers).status_code == 422
    secret = make_topic(bob, staff_room)
    assert client.get(f"{API}/read/topics/{secret.pk}", **headers).status_code == 404
    assert client.post(url, '{"number": 2}', JSON).status_code == 401


def test_members(client, carol, mallory, bob, general):
    topic = make_topic(carol, general, replies=1)
    from belvedere.forum.services import add_reaction

    add_reaction(first_post(topic), user=mallory, kind="like")
    body = client.get(f"{API}/members", {"sort": "posts"}).json()
    assert body["items"][0]["display_name"] == "Carol" and body["items"][0]["post_count"] == 2
    detail = client.get(f"{API}/members/{carol.pk}").json()
    assert detail["reactions_received"] == 1 and len(detail["recent"]) == 2
    assert client.get(f"{API}/members", {"sort": "salary"}).status_code == 422
    mallory.is_active = False
    mallory.save()
    assert client.get(f"{API}/members/{mallory.pk}").status_code == 404
    assert client.get(f"{API}/members/99999").status_code == 404


def test_feeds(client, carol, general, members_only):
    topic = make_topic(carol, general)
    links = client.get(f"{API}/feeds").json()
    assert [link["type"] for link in links] == ["application/rss+xml", "application/atom+xml"]
    assert (
        client.get(f"{API}/feeds", {"category": "general"})
        .json()[0]["url"]
        .endswith("/forum/c/general.rss")
    )
    assert (
        client.get(f"{API}/feeds", {"topic": topic.pk})
        .json()[1]["url"]
        .endswith(f"/forum/t/{topic.pk}.atom")
    )
    assert client.get(f"{API}/feeds", {"category": "members-lounge"}).status_code == 404
    assert client.get(f"{API}/feeds", {"topic": "x"}).status_code == 422
