"""/api/v1/listening: success, permission denied and bad input per endpoint."""

import pytest

from belvedere.listening.models import Mention, Query, Source

API = "/api/v1/listening"


@pytest.fixture
def as_user(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def test_sources_crud_and_run(as_user, dave, remote):
    url = remote.add("/feed", "feeds/real/en_dustri_atom.xml", content_type="application/atom+xml")
    api = as_user(dave)
    body = {"kind": "rss", "name": "Blog", "config": {"url": url}}
    created = api.post(f"{API}/sources", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["health"] == "never"
    source_id = created.json()["id"]
    run = api.post(f"{API}/sources/{source_id}/run")
    assert run.status_code == 200 and run.json()["created"] == 25
    patch = api.patch(
        f"{API}/sources/{source_id}", {"enabled": False}, content_type="application/json"
    )
    assert patch.json()["enabled"] is False and patch.json()["health"] == "disabled"
    assert api.get(f"{API}/sources").json()[0]["items_fetched"] == 25
    assert api.delete(f"{API}/sources/{source_id}").status_code == 204
    assert not Source.objects.exists() and Mention.objects.count() == 25


def test_sources_bad_input(as_user, dave, settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    api = as_user(dave)
    bad_url = {"kind": "rss", "name": "x", "config": {"url": "http://10.0.0.1/feed"}}
    response = api.post(f"{API}/sources", bad_url, content_type="application/json")
    assert response.status_code == 422 and "cannot be fetched" in response.text
    unknown = {"kind": "myspace", "name": "x", "config": {}}
    assert api.post(f"{API}/sources", unknown, content_type="application/json").status_code == 422
    assert api.get(f"{API}/sources/999").status_code == 404


def test_webhook_source_returns_its_address(as_user, dave):
    api = as_user(dave)
    body = {"kind": "webhook", "name": "Zap", "config": {}}
    created = api.post(f"{API}/sources", body, content_type="application/json").json()
    assert "/listening/hooks/" in created["hook_url"]
    assert api.post(f"{API}/sources/{created['id']}/run").status_code == 409


def test_permissions(client, as_user, carol, bob, make_source, make_query, make_mentions):
    source, query = make_source(), make_query("a")
    mention = make_mentions("a")[0]
    assert client.get(f"{API}/sources").status_code == 401
    api = as_user(carol)
    for path in ("/sources", "/queries", "/mentions", f"/mentions/{mention.pk}"):
        assert api.get(API + path).status_code == 403
    api = as_user(bob)
    assert api.get(f"{API}/mentions").status_code == 200
    assert api.post(f"{API}/sources/{source.pk}/run").status_code == 403
    assert api.delete(f"{API}/queries/{query.pk}").status_code == 403
    body = {"status": "done"}
    patch = api.patch(f"{API}/mentions/{mention.pk}", body, content_type="application/json")
    assert patch.status_code == 403


def test_queries_crud_and_test(as_user, dave, make_mentions):
    make_mentions("Belvédère rocks", "nothing")
    api = as_user(dave)
    body = {"name": "Brand", "text": "belvedere", "kind": "brand"}
    created = api.post(f"{API}/queries", body, content_type="application/json")
    assert created.status_code == 201
    query_id = created.json()["id"]
    bad = api.patch(f"{API}/queries/{query_id}", {"text": "a OR"}, content_type="application/json")
    assert bad.status_code == 422 and bad.json()["detail"][0]["position"] == 2
    ok = api.patch(f"{API}/queries/{query_id}", {"active": False}, content_type="application/json")
    assert ok.json()["active"] is False
    test = api.post(f"{API}/queries/test", {"text": "belvedere"}, content_type="application/json")
    assert test.json()["count"] == 1 and test.json()["examples"][0]["text"] == "Belvédère rocks"
    error = api.post(f"{API}/queries/test", {"text": '"x'}, content_type="application/json")
    assert error.status_code == 422 and "never closed" in error.text
    assert api.get(f"{API}/queries").json()[0]["name"] == "Brand"
    assert api.delete(f"{API}/queries/{query_id}").status_code == 204
    assert not Query.objects.exists()


def test_mentions_list_filters_and_triage(
    as_user, dave, alice, carol, make_mentions, django_assert_max_num_queries
):
    make_mentions(*[f"fr {i}" for i in range(5)], language="fr")
    make_mentions("en one", language="en")
    api = as_user(dave)
    with django_assert_max_num_queries(8):
        listed = api.get(f"{API}/mentions", {"language": "fr"}).json()
    assert listed["count"] == 5
    assert api.get(f"{API}/mentions", {"since": "nope"}).status_code == 422
    mention = Mention.objects.get(text="en one")
    body = {"status": "done", "assignee_id": alice.pk, "tags": ["vip"], "note": "ok"}
    patched = api.patch(f"{API}/mentions/{mention.pk}", body, content_type="application/json")
    assert patched.status_code == 200
    assert (patched.json()["status"], patched.json()["tags"]) == ("done", ["vip"])
    wrong = api.patch(
        f"{API}/mentions/{mention.pk}", {"assignee_id": carol.pk}, content_type="application/json"
    )
    assert wrong.status_code == 422
    bad = api.patch(
        f"{API}/mentions/{mention.pk}", {"status": "x"}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert api.get(f"{API}/mentions", {"tag": "vip"}).json()["count"] == 1
