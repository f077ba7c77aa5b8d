"""Members flag content: weights, hiding above the threshold, telling the author, revising."""

import pytest
from django.core import mail

from belvedere.moderation.models import Flag, QueueItem, Standing
from belvedere.moderation.services.flags import flag_weight
from belvedere.moderation.services.settings import update_settings
from belvedere.moderation.tests.conftest import make_members


@pytest.fixture
def post(forum, carol):
    response = forum.topic(carol, body="Mon avis sur le nouveau thermostat connecté")
    QueueItem.objects.all().delete()  # the first-post review item
    return forum.first_post(response)


def flag_url(post):
    return f"/moderation/flag/forum.post/{post.pk}/"


def test_flag_button_shown_to_members_on_others_posts(login_as, mallory, carol, post):
    page = login_as(mallory).get(f"/forum/t/{post.topic_id}/").content.decode()
    assert flag_url(post) in page
    page = login_as(carol).get(f"/forum/t/{post.topic_id}/").content.decode()
    assert flag_url(post) not in page


def test_flag_creates_item_with_weight(login_as, mallory, post):
    response = login_as(mallory).post(
        flag_url(post), {"reason": "harassment", "text": "insulte"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    flag = Flag.objects.get()
    assert flag.weight == 1.0 and flag.item.flag_count == 1
    assert flag.item.score == 2.0 + 1.0  # base score of a flagged item + the flag
    assert flag.item.clause == "harassment"


def test_flag_refusals(client, login_as, carol, mallory, post):
    assert client.post(flag_url(post), {"reason": "spam"}).status_code == 302  # to login
    client = login_as(carol)
    response = client.post(flag_url(post), {"reason": "spam"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400  # own post
    client = login_as(mallory)
    assert (
        client.post(flag_url(post), {"reason": "nope"}, HTTP_HX_REQUEST="true").status_code == 400
    )
    assert (
        client.post(flag_url(post), {"reason": "other"}, HTTP_HX_REQUEST="true").status_code == 400
    )
    assert (
        client.post(flag_url(post), {"reason": "spam"}, HTTP_HX_REQUEST="true").status_code == 200
    )
    assert (
        client.post(flag_url(post), {"reason": "spam"}, HTTP_HX_REQUEST="true").status_code == 400
    )
    assert client.post("/moderation/flag/forum.post/999/", {"reason": "spam"}).status_code == 404
    assert client.post("/moderation/flag/auth.group/1/", {"reason": "spam"}).status_code == 404
    assert Flag.objects.count() == 1


@pytest.mark.django_db
def test_flag_weight_by_trust_and_accuracy(carol, bob):
    assert flag_weight(carol) == 1.0
    Standing.objects.create(member=carol, trust_level=2, flags_agreed=9, flags_disagreed=1)
    assert flag_weight(carol) == 1 + 2 + 2.0
    Standing.objects.filter(member=carol).update(flags_agreed=0, flags_disagreed=10)
    assert flag_weight(carol) == 0.5
    assert flag_weight(bob) == 5.0  # staff count as level 4


def test_flags_hide_above_threshold_and_tell_the_author(
    login_as, post, dave, django_capture_on_commit_callbacks
):
    update_settings(actor=dave, flag_hide_score=3)
    flaggers = make_members(3)
    with django_capture_on_commit_callbacks(execute=True):
        for flagger in flaggers[:2]:
            login_as(flagger).post(flag_url(post), {"reason": "spam"})
    post.refresh_from_db()
    assert not post.is_hidden
    with django_capture_on_commit_callbacks(execute=True):
        login_as(flaggers[2]).post(flag_url(post), {"reason": "spam"})
    post.refresh_from_db()
    item = QueueItem.objects.get()
    assert post.is_hidden and item.auto_hidden and item.score == 2 + 3
    assert mail.outbox[-1].to == ["carol@example.com"]
    assert f"/moderation/items/{item.pk}/revise/" in mail.outbox[-1].body


def test_author_revises_hidden_post_for_a_new_review(login_as, carol, post, dave, mallory, forum):
    update_settings(actor=dave, flag_hide_score=1)
    login_as(mallory).post(flag_url(post), {"reason": "spam"})
    item = QueueItem.objects.get()
    client = login_as(carol)
    assert client.get(f"/moderation/items/{item.pk}/revise/").status_code == 200
    with forum.committed():
        response = client.post(f"/moderation/items/{item.pk}/revise/", {"text": "Version corrigée"})
    assert response.status_code == 302
    item.refresh_from_db()
    post.refresh_from_db()
    assert post.body == "Version corrigée" and post.is_hidden
    assert item.is_open and item.review_requested


def test_revise_denied_to_others(login_as, mallory, post, dave):
    update_settings(actor=dave, flag_hide_score=1)
    login_as(mallory).post(flag_url(post), {"reason": "spam"})
    item = QueueItem.objects.get()
    assert login_as(mallory).get(f"/moderation/items/{item.pk}/revise/").status_code == 404


def test_approving_a_flagged_post_restores_it_and_counts_flags_wrong(
    login_as, post, dave, bob, mallory
):
    update_settings(actor=dave, flag_hide_score=1)
    login_as(mallory).post(flag_url(post), {"reason": "spam"})
    item = QueueItem.objects.get()
    login_as(bob).post(f"/moderation/items/{item.pk}/act/", {"action": "approve"})
    post.refresh_from_db()
    assert not post.is_hidden
    assert Standing.objects.get(member=mallory).flags_disagreed == 1
    assert Flag.objects.get().status == "disagreed"


def test_flag_without_htmx_redirects_only_to_this_site(login_as, mallory, post):
    client = login_as(mallory)
    response = client.post(flag_url(post), {"reason": "spam", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert Flag.objects.count() == 1
