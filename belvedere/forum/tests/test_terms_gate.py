"""Publishing terms that require re-acceptance stops posting (pages and API) until accepted;
reading stays open, and members who accepted post as before."""

from urllib.parse import urlencode

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


def test_new_topic_page_shows_the_notice_instead_of_the_form(client, carol, general, rules):
    client.force_login(carol)
    response = client.get(reverse("forum:new_topic"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("terms:accept") + "?next=%2Fforum%2Fnew%2F" in html
    assert "<textarea" not in html


def test_topic_page_shows_the_notice_instead_of_the_reply_form(client, carol, bob, topic, rules):
    client.force_login(carol)
    html = client.get(reverse("forum:topic", args=[topic.pk])).content.decode()
    next_url = urlencode({"next": f"/forum/t/{topic.pk}/#reply"})
    assert f"/terms/accept/?{next_url}" in html and "<textarea" not in html
    client.force_login(bob)  # accepted the new version
    html = client.get(reverse("forum:topic", args=[topic.pk])).content.decode()
    assert "/terms/accept/" not in html and "<textarea" in html


def _accept_through_the_page(client, location):
    page = client.get(location)
    versions = page.context["form"].fields["versions"].initial
    return client.post(location, {"versions": versions, "confirm": "on"})


def test_refused_reply_is_kept_and_restored_after_acceptance(client, carol, topic, rules):
    client.force_login(carol)
    first = topic.posts.get(number=1)
    data = {"body": "Mon brouillon <b>précieux</b>", "reply_to": first.pk}
    response = client.post(reverse("forum:reply", args=[topic.pk]), data)
    assert response.status_code == 302
    assert Post.objects.filter(topic=topic).count() == 1
    back = _accept_through_the_page(client, response["Location"])
    assert back.status_code == 302 and back["Location"] == f"/forum/t/{topic.pk}/#reply"
    html = client.get(back["Location"]).content.decode()
    assert "Mon brouillon &lt;b&gt;précieux&lt;/b&gt;</textarea>" in html
    assert f'name="reply_to" value="{first.pk}"' in html
    again = client.get(back["Location"]).content.decode()
    assert "Mon brouillon" not in again  # restored once, then gone


def test_refused_new_topic_is_kept_per_category(client, carol, general, rules):
    client.force_login(carol)
    data = {
        "category": general.pk,
        "title": "Un sujet important",
        "body": "Long texte",
        "tags": "wifi",
    }
    response = client.post(reverse("forum:new_topic"), data)
    assert response.status_code == 302 and not Topic.objects.filter(title=data["title"]).exists()
    back = _accept_through_the_page(client, response["Location"])
    assert back["Location"] == "/forum/new/?category=general"
    assert client.get("/forum/new/").context["form"].initial.get("title") is None
    form = client.get(back["Location"]).context["form"]
    assert form.initial["title"] == data["title"] and form.initial["body"] == "Long texte"
    assert form.initial["tags"] == "wifi"


def test_drafts_are_only_restored_to_their_owner(client, carol, bob, topic, rules):
    client.force_login(carol)
    client.post(reverse("forum:reply", args=[topic.pk]), {"body": "Carol's secret draft"})
    client.force_login(bob)
    html = client.get(reverse("forum:topic", args=[topic.pk])).content.decode()
    assert "secret draft" not in html


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
