"""Publishing terms that require re-acceptance stops posting (pages and API) until accepted;
reading stays open, and members who accepted post as before."""

import pytest
from django.urls import reverse

from belvedere.forum.models import Post, Topic
from belvedere.forum.services import create_reply
from belvedere.forum.tests.conftest import make_topic
from belvedere.terms.services import TermsNotAccepted, accept_versions
from belvedere.terms.tests.factories import HARASSMENT, SPAM, make_document, publish

JSON = "application/json"


def _accept(user, document):
    document.refresh_from_db()
    accept_versions(user, [document.current_version])


@pytest.fixture
def rules(dave, carol, bob, topic):
    """Rules v1 accepted by carol and bob, then v2 that requires re-acceptance; bob accepts v2."""
    document = make_document(actor=dave)
    _accept(carol, document)
    _accept(bob, document)
    publish(document, [HARASSMENT, SPAM], actor=dave, reaccept=True)
    _accept(bob, document)
    return document


def test_reply_page_sends_to_accept_and_back(client, carol, topic, rules):
    client.force_login(carol)
    page = reverse("forum:topic", args=[topic.pk])
    response = client.post(
        reverse("forum:reply", args=[topic.pk]), {"body": "Hello"}, HTTP_REFERER=page
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("terms:accept"))
    assert Post.objects.filter(topic=topic).count() == 1
    assert client.get(page).status_code == 200  # reading stays open
    _accept(carol, rules)
    response = client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Hello"})
    assert response.status_code == 302 and Post.objects.filter(topic=topic).count() == 2


def test_new_topic_page_asks_first(client, carol, general, rules):
    client.force_login(carol)
    response = client.get(reverse("forum:new_topic"))
    assert response.status_code == 302
    assert response["Location"] == reverse("terms:accept") + "?next=%2Fforum%2Fnew%2F"


def test_htmx_gets_a_redirect_header(client, carol, topic, rules):
    client.force_login(carol)
    response = client.get(reverse("forum:reply", args=[topic.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"].startswith("/terms/accept/")


def test_api_answers_403_with_code(client, carol, topic, general, rules, token_for):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(carol)}"}
    url = f"/api/v1/forum/topics/{topic.pk}/posts"
    response = client.post(url, {"body": "Hello"}, content_type=JSON, **headers)
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "terms_not_accepted" and body["url"] == "/terms/accept/"
    data = {"category": "general", "title": "A new topic", "body": "Hello"}
    response = client.post("/api/v1/forum/topics", data, content_type=JSON, **headers)
    assert response.status_code == 403 and response.json()["code"] == "terms_not_accepted"
    assert Topic.objects.count() == 1
    _accept(carol, rules)
    response = client.post(url, {"body": "Hello"}, content_type=JSON, **headers)
    assert response.status_code == 201


def test_members_who_accepted_post_as_before(client, bob, topic, rules):
    client.force_login(bob)
    response = client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Still here"})
    assert response.status_code == 302 and Post.objects.filter(author=bob).exists()


def test_staff_are_not_exempt(dave, topic, rules):
    with pytest.raises(TermsNotAccepted):
        create_reply(topic, author=dave, body="Staff reply")


def test_no_terms_no_gate(carol, general, db):
    assert make_topic(carol, general).pk
