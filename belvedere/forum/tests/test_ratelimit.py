def test_posting_too_fast_gets_429_and_keeps_the_text(client, carol, topic, settings):
    settings.FORUM_POSTS_PER_MINUTE = 2
    client.force_login(carol)
    for n in range(2):
        assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": f"Reply {n}"}).status_code == 302
    response = client.post(f"/forum/t/{topic.pk}/reply/", {"body": "My precious third reply"})
    assert response.status_code == 429
    assert b"posting too fast" in response.content
    assert b"My precious third reply" in response.content
    assert topic.posts.count() == 3


def test_new_topic_rate_limit_per_ip(client, carol, mallory, general, settings):
    settings.FORUM_POSTS_PER_MINUTE_PER_IP = 1
    client.force_login(carol)
    data = {"category": general.pk, "title": "First topic", "body": "Hello"}
    assert client.post("/forum/new/", data).status_code == 302
    client.force_login(mallory)  # same address
    response = client.post("/forum/new/", {**data, "body": "Kept body"})
    assert response.status_code == 429 and b"Kept body" in response.content


def test_staff_is_not_limited(client, bob, topic, settings):
    settings.FORUM_POSTS_PER_MINUTE = 1
    client.force_login(bob)
    for n in range(3):
        assert client.post(f"/forum/t/{topic.pk}/reply/", {"body": f"Note {n}"}).status_code == 302


def test_api_rate_limit_is_429_json(client, carol, topic, token_for, settings):
    settings.FORUM_POSTS_PER_MINUTE = 1
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(carol)}"}
    url = f"/api/v1/forum/topics/{topic.pk}/posts"
    assert (
        client.post(url, {"body": "One"}, content_type="application/json", **auth).status_code
        == 201
    )
    response = client.post(url, {"body": "Two"}, content_type="application/json", **auth)
    assert response.status_code == 429 and "too fast" in response.json()["detail"]
