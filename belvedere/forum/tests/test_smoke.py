from belvedere.forum.tests.conftest import make_topic


def test_topic_page_renders(client, carol, general):
    topic = make_topic(carol, general, replies=3)
    response = client.get(f"/forum/t/{topic.pk}/")
    assert response.status_code == 200
    assert b"Reply number 2" in response.content
    assert client.get("/forum/").status_code == 200
    assert client.get("/forum/c/general/").status_code == 200
