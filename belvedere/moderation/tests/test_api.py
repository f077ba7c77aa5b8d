"""The moderation API under /api/v1/moderation."""

import pytest

from belvedere.moderation.models import QueueItem, Sanction, WatchedWord
from belvedere.moderation.services import sanctions

API = "/api/v1/moderation"
JSON = "application/json"


@pytest.fixture
def auth(token_for):
    def headers(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}

    return headers


@pytest.fixture
def held(forum, carol):
    forum.topic(carol, body="Espèce de connard, tu racontes que des conneries ici")
    return QueueItem.objects.get()


def test_api_queue_list_and_act(client, auth, bob, carol, held):
    assert client.get(f"{API}/queue").status_code == 401
    assert client.get(f"{API}/queue", **auth(carol)).status_code == 403
    data = client.get(f"{API}/queue", **auth(bob)).json()
    assert (
        data["count"] == 1
        and data["items"][0]["held"]
        and data["items"][0]["content"] == "forum.post"
    )
    url = f"{API}/queue/{held.pk}"
    assert (
        client.post(f"{url}/claim", {}, content_type=JSON, **auth(bob)).json()["claimed_by"]["id"]
        == bob.pk
    )
    assert (
        client.post(f"{url}/act", {"action": "nope"}, content_type=JSON, **auth(bob)).status_code
        == 422
    )
    response = client.post(
        f"{url}/act", {"action": "approve", "reason": "ok"}, content_type=JSON, **auth(bob)
    )
    assert response.status_code == 200 and response.json()["resolution"] == "approved"
    assert client.get(f"{API}/queue/999", **auth(bob)).status_code == 404


def test_api_bulk(client, auth, bob, held):
    response = client.post(
        f"{API}/queue/bulk", {"ids": [held.pk], "action": "reject"}, content_type=JSON, **auth(bob)
    )
    assert response.json() == {"done": 1, "errors": []}
    assert (
        client.post(
            f"{API}/queue/bulk",
            {"ids": [held.pk], "action": "edit"},
            content_type=JSON,
            **auth(bob),
        ).status_code
        == 422
    )


def test_api_flags(client, auth, forum, carol, mallory):
    response = forum.topic(carol, body="Un avis tout à fait ordinaire sur le produit")
    post = forum.first_post(response)
    payload = {"content": "forum.post", "object_id": str(post.pk), "reason": "spam"}
    assert (
        client.post(f"{API}/flags", payload, content_type=JSON, **auth(mallory)).status_code == 201
    )
    assert (
        client.post(f"{API}/flags", payload, content_type=JSON, **auth(mallory)).status_code == 422
    )
    assert (
        client.post(
            f"{API}/flags", {**payload, "object_id": "x"}, content_type=JSON, **auth(mallory)
        ).status_code
        == 404
    )
    assert client.post(f"{API}/flags", payload, content_type=JSON).status_code == 401


def test_api_words_crud_import_export(client, auth, dave, bob):
    assert client.get(f"{API}/words", **auth(bob)).status_code == 403
    h = auth(dave)
    created = client.post(
        f"{API}/words", {"pattern": "connard", "action": "block"}, content_type=JSON, **h
    )
    assert created.status_code == 201
    word_id = created.json()["id"]
    bad = client.post(
        f"{API}/words",
        {"pattern": "(a*)*", "action": "block", "is_regex": True},
        content_type=JSON,
        **h,
    )
    assert bad.status_code == 422 and "pattern" in bad.json()["errors"]
    patched = client.patch(f"{API}/words/{word_id}", {"action": "censor"}, content_type=JSON, **h)
    assert patched.json()["action"] == "censor"
    imported = client.post(
        f"{API}/words/import", {"csv": "pattern,action\nabruti,flag\n"}, content_type=JSON, **h
    )
    assert imported.json() == {"created": 1, "updated": 0, "errors": []}
    assert (
        client.post(f"{API}/words/import", {"csv": "nothing"}, content_type=JSON, **h).status_code
        == 422
    )
    export = client.get(f"{API}/words/export", **h)
    assert "abruti,flag" in b"".join(export.streaming_content).decode()
    assert len(client.get(f"{API}/words", **h).json()) == 2
    assert client.delete(f"{API}/words/{word_id}", **h).status_code == 204
    assert client.get(f"{API}/words/{word_id}", **h).status_code == 404
    assert WatchedWord.objects.count() == 1


def test_api_settings(client, auth, dave, carol):
    assert client.get(f"{API}/settings", **auth(carol)).status_code == 403
    h = auth(dave)
    assert client.get(f"{API}/settings", **h).json()["flag_hide_score"] == 6.0
    response = client.patch(
        f"{API}/settings",
        {"flag_hide_score": 4, "ladder": [{"kind": "ban"}]},
        content_type=JSON,
        **h,
    )
    assert response.status_code == 200 and response.json()["ladder"] == [{"kind": "ban"}]
    bad = client.patch(f"{API}/settings", {"ladder": [{"kind": "silence"}]}, content_type=JSON, **h)
    assert bad.status_code == 422


def test_api_sanctions_standing_and_appeals(client, auth, bob, alice, carol, mallory):
    url = f"{API}/members/{carol.pk}/sanctions"
    assert (
        client.post(
            url, {"kind": "warning", "reason": "x"}, content_type=JSON, **auth(mallory)
        ).status_code
        == 403
    )
    assert (
        client.post(
            url, {"kind": "silence", "reason": "x"}, content_type=JSON, **auth(bob)
        ).status_code
        == 422
    )
    created = client.post(
        url, {"kind": "next", "reason": "insulte"}, content_type=JSON, **auth(bob)
    )
    assert created.status_code == 201 and created.json()["kind"] == "warning"
    sanction_id = created.json()["id"]
    standing = client.get(f"{API}/standing", **auth(carol)).json()
    assert standing["sanctions"][0]["id"] == sanction_id
    assert client.get(f"{API}/members/{carol.pk}/standing", **auth(carol)).status_code == 403
    appeal = client.post(
        f"{API}/sanctions/{sanction_id}/appeal",
        {"text": "Je citais quelqu'un."},
        content_type=JSON,
        **auth(carol),
    )
    assert appeal.status_code == 201
    again = client.post(
        f"{API}/sanctions/{sanction_id}/appeal",
        {"text": "Je citais quelqu'un."},
        content_type=JSON,
        **auth(carol),
    )
    assert again.status_code == 422
    appeal_id = appeal.json()["id"]
    decide = f"{API}/appeals/{appeal_id}/decide"
    assert (
        client.post(
            decide, {"decision": "overturn", "note": "ok"}, content_type=JSON, **auth(bob)
        ).status_code
        == 403
    )
    assert (
        client.post(
            decide, {"decision": "maybe", "note": "ok"}, content_type=JSON, **auth(alice)
        ).status_code
        == 422
    )
    done = client.post(
        decide, {"decision": "overturn", "note": "Citation."}, content_type=JSON, **auth(alice)
    )
    assert done.json()["status"] == "overturned"
    assert Sanction.objects.get().is_lifted
    assert (
        client.get(f"{API}/appeals?status=overturned", **auth(alice)).json()[0]["id"] == appeal_id
    )


def test_api_lift_and_trust(client, auth, dave, carol, mallory):
    sanction = sanctions.sanction_member(carol, "silence", actor=dave, reason="x", days=2)
    assert (
        client.post(
            f"{API}/sanctions/{sanction.pk}/lift", {}, content_type=JSON, **auth(mallory)
        ).status_code
        == 403
    )
    lifted = client.post(
        f"{API}/sanctions/{sanction.pk}/lift", {"reason": "ok"}, content_type=JSON, **auth(dave)
    )
    assert lifted.json()["lifted_at"]
    trust = client.post(
        f"{API}/members/{carol.pk}/trust", {"level": 4}, content_type=JSON, **auth(dave)
    )
    assert trust.json()["trust_level"] == 4 and trust.json()["trust_locked"]
    assert (
        client.post(
            f"{API}/members/{carol.pk}/trust", {"level": 7}, content_type=JSON, **auth(dave)
        ).status_code
        == 422
    )


def test_api_stats(client, auth, bob, carol, held):
    data = client.get(f"{API}/stats?start=2020-01-01", **auth(bob)).json()
    assert data["queue_size"] == 1 and data["items_opened"] == 1
    assert (
        client.get(f"{API}/stats?start=2030-01-01&end=2020-01-01", **auth(bob)).status_code == 422
    )
    assert client.get(f"{API}/stats?start=nope", **auth(bob)).status_code == 422
    assert client.get(f"{API}/stats", **auth(carol)).status_code == 403
