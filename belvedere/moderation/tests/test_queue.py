"""The review queue pages: who may use them, each decision, claims, bulk, edit, sanctions."""

import pytest
from django.core import mail

from belvedere.activity.models import Entry
from belvedere.moderation.models import QueueItem, Resolution, Sanction
from belvedere.moderation.tests.conftest import forum_model

TOXIC = "Espèce de connard, tu racontes que des conneries ici"


@pytest.fixture
def held(forum, carol):
    response = forum.topic(carol, body=TOXIC)
    return QueueItem.objects.get(held=True), forum.first_post(response)


def test_queue_denied_to_members_and_visitors(client, carol, held):
    assert client.get("/moderation/").status_code == 302
    client.force_login(carol)
    assert client.get("/moderation/").status_code == 403
    item, _post = held
    assert (
        client.post(f"/moderation/items/{item.pk}/act/", {"action": "approve"}).status_code == 403
    )
    item.refresh_from_db()
    assert item.is_open


def test_queue_lists_held_items_for_moderators(login_as, bob, held):
    response = login_as(bob).get("/moderation/")
    assert response.status_code == 200
    assert "connard" in response.content.decode()


def test_queue_query_count_does_not_grow(
    login_as, bob, forum, carol, mallory, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for author in (carol, mallory):
        forum.topic(author, body=TOXIC + " " + author.display_name)
    client = login_as(bob)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/moderation/").status_code == 200
    baseline = len(few.captured_queries)
    for i in range(4):
        forum.topic(carol, body=f"{TOXIC} encore {i}", title=f"Sujet numéro {i}")
    with django_assert_max_num_queries(baseline):
        response = client.get("/moderation/")
    assert response.content.decode().count('class="card queue-item"') == 6


def test_queue_approve_publishes_and_logs(login_as, bob, held):
    item, post = held
    response = login_as(bob).post(
        f"/moderation/items/{item.pk}/act/", {"action": "approve", "reason": "ok"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert response.status_code == 200 and "Approved" in response.content.decode()
    post.refresh_from_db()
    item.refresh_from_db()
    assert post.is_visible and item.resolution == Resolution.APPROVED
    entry = Entry.objects.get(verb="moderation.item.approve")
    assert entry.actor == bob and entry.reason == "ok" and entry.is_staff_action


def test_queue_reject_deletes_and_tells_the_author(
    login_as, bob, held, django_capture_on_commit_callbacks
):
    item, post = held
    with django_capture_on_commit_callbacks(execute=True):
        login_as(bob).post(
            f"/moderation/items/{item.pk}/act/", {"action": "reject", "reason": "insulte"}
        )
    post.refresh_from_db()
    assert post.is_deleted
    assert mail.outbox and mail.outbox[-1].to == ["carol@example.com"]
    assert "insulte" in mail.outbox[-1].body


@pytest.mark.parametrize("action,check", [("hide", "is_hidden"), ("delete", "is_deleted")])
def test_queue_hide_and_delete(login_as, bob, forum, carol, word, action, check):
    word("arnaque", "flag")
    response = forum.topic(carol, body="Ce vendeur est une arnaque selon moi")
    item = QueueItem.objects.get()
    login_as(bob).post(f"/moderation/items/{item.pk}/act/", {"action": action, "reason": "r"})
    assert getattr(forum.first_post(response), check)


def test_queue_edit_replaces_text_and_approves(login_as, bob, held):
    item, post = held
    login_as(bob).post(
        f"/moderation/items/{item.pk}/act/",
        {"action": "edit", "text": "Je ne suis pas d'accord avec toi.", "reason": "reformulé"},
    )
    post.refresh_from_db()
    item.refresh_from_db()
    assert post.body == "Je ne suis pas d'accord avec toi." and post.is_visible
    assert item.resolution == Resolution.EDITED


def test_queue_bad_input_is_400_not_500(login_as, bob, held):
    item, _post = held
    client = login_as(bob)
    assert (
        client.post(
            f"/moderation/items/{item.pk}/act/", {"action": "explode"}, HTTP_HX_REQUEST="true"
        ).status_code
        == 400
    )
    assert (
        client.post(
            f"/moderation/items/{item.pk}/act/",
            {"action": "edit", "text": " "},
            HTTP_HX_REQUEST="true",
        ).status_code
        == 400
    )
    assert client.post("/moderation/items/999/act/", {"action": "approve"}).status_code == 404


def test_queue_decided_item_cannot_be_decided_again(login_as, bob, held):
    item, _post = held
    client = login_as(bob)
    client.post(f"/moderation/items/{item.pk}/act/", {"action": "approve"})
    response = client.post(
        f"/moderation/items/{item.pk}/act/", {"action": "reject"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400


def test_queue_claim_keeps_others_off(client, login_as, bob, alice, held):
    item, _post = held
    login_as(bob).post(f"/moderation/items/{item.pk}/claim/")
    item.refresh_from_db()
    assert item.claimed_by == bob
    client.force_login(alice)
    response = client.post(
        f"/moderation/items/{item.pk}/act/", {"action": "approve"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    client.force_login(bob)
    client.post(f"/moderation/items/{item.pk}/claim/", {"release": "1"})
    item.refresh_from_db()
    assert item.claimed_by is None


def test_queue_bulk_actions(login_as, bob, forum, carol, mallory):
    forum.topic(carol, body=TOXIC)
    forum.topic(mallory, body=TOXIC + " vraiment")
    ids = list(QueueItem.objects.values_list("pk", flat=True))
    response = login_as(bob).post(
        "/moderation/bulk/", {"items": ids, "action": "reject", "reason": "spam"}
    )
    assert response.status_code == 302
    assert set(QueueItem.objects.values_list("resolution", flat=True)) == {"rejected"}
    assert forum_model("Post").objects.filter(deleted_at__isnull=False).count() == 2


def test_queue_bulk_bad_input(login_as, bob, held):
    response = login_as(bob).post("/moderation/bulk/", {"items": ["x"], "action": "approve"})
    assert response.status_code == 302
    assert QueueItem.objects.get().is_open


def test_queue_sanction_author_from_item(login_as, bob, held):
    item, _post = held
    response = login_as(bob).post(
        f"/moderation/items/{item.pk}/sanction/", {"kind": "next", "reason": "insulte"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert response.status_code == 200
    sanction = Sanction.objects.get()
    assert sanction.kind == "warning" and sanction.item == item and sanction.created_by == bob


def test_queue_csv_export(login_as, bob, held):
    response = login_as(bob).get("/moderation/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "connard" in b"".join(response.streaming_content).decode()


def test_staff_decision_on_the_forum_page_closes_the_item(login_as, bob, held, committed):
    item, post = held
    with committed():
        response = login_as(bob).post(
            f"/forum/p/{post.pk}/moderate/", {"action": "approve", "reason": "vu"}
        )
    assert response.status_code in (200, 302)
    item.refresh_from_db()
    assert item.resolution == Resolution.APPROVED and item.resolved_by == bob
