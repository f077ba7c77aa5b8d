import pytest

from belvedere.activity.models import Entry
from belvedere.terms import services
from belvedere.terms.models import Acceptance

BASE = "/api/v1/terms"
JSON = "application/json"


@pytest.fixture
def as_user(token_for):
    def headers(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}

    return headers


def test_list_documents(client, rules):
    body = client.get(f"{BASE}/documents").json()
    assert [d["slug"] for d in body] == ["rules"]
    assert body[0]["current_version"]["number"] == 1
    assert body[0]["current_version"]["url"] == "/terms/rules/v/1/"


def test_read_current_and_old_versions(client, rules_v2):
    current = client.get(f"{BASE}/documents/rules").json()
    assert current["number"] == 2 and [c["number"] for c in current["clauses"]] == ["1", "3"]
    old = client.get(f"{BASE}/documents/rules/versions/1").json()
    assert old["clauses"][1]["key"] == "harassment"
    assert old["clauses"][1]["url"] == "/terms/rules/v/1/#clause-2"
    assert "<strong>kind</strong>" in old["clauses"][1]["body_html"]


def test_read_unknown_is_404_json(client, rules):
    for url in (f"{BASE}/documents/nope", f"{BASE}/documents/rules/versions/7"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["detail"]
    assert client.get(f"{BASE}/documents/rules/versions/x").status_code == 422


def test_drafts_are_not_in_the_api(client, rules, dave, as_user):
    services.create_draft(rules, actor=dave)
    assert client.get(f"{BASE}/documents/rules/versions/2", **as_user(dave)).status_code == 404


def test_clause_lookup_by_key_and_number(client, rules):
    assert client.get(f"{BASE}/clauses/harassment").json()["number"] == "2"
    assert client.get(f"{BASE}/clauses/2").json()["key"] == "harassment"
    assert client.get(f"{BASE}/clauses/nothing").status_code == 404


def test_pending_and_accept(client, carol, rules, as_user):
    pending = client.get(f"{BASE}/pending", **as_user(carol)).json()
    assert [p["document"] for p in pending] == ["rules"] and pending[0]["diff_url"] is None
    payload = {"versions": [pending[0]["version_id"]]}
    response = client.post(f"{BASE}/accept", payload, content_type=JSON, **as_user(carol))
    assert response.status_code == 200
    assert response.json() == {"accepted": 1, "pending": []}
    assert Acceptance.objects.filter(user=carol).count() == 1


def test_pending_needs_authentication(client, rules):
    assert client.get(f"{BASE}/pending").status_code == 401
    assert client.post(f"{BASE}/accept", {"versions": [1]}, content_type=JSON).status_code == 401


def test_accept_bad_input(client, carol, rules_v2, rules, as_user):
    old = rules.versions.get(number=1)
    post = lambda body: client.post(f"{BASE}/accept", body, content_type=JSON, **as_user(carol))  # noqa: E731
    stale = post({"versions": [old.pk]})
    assert stale.status_code == 422 and stale.json()["code"] == "not_current"
    assert post({"versions": [99999]}).status_code == 404
    assert post({"versions": []}).status_code == 422
    assert post({"versions": "all"}).status_code == 422
    assert not Acceptance.objects.exists()


def test_publish_by_manager(client, dave, rules, as_user):
    draft = services.create_draft(rules, actor=dave)
    body = {"requires_reacceptance": True, "reason": "Material change"}
    response = client.post(
        f"{BASE}/versions/{draft.pk}/publish", body, content_type=JSON, **as_user(dave)
    )
    assert response.status_code == 200 and response.json()["number"] == 2
    assert Entry.objects.filter(verb="terms.version.publish", reason="Material change").exists()


def test_publish_refused_to_members(client, carol, dave, rules, as_user):
    draft = services.create_draft(rules, actor=dave)
    url = f"{BASE}/versions/{draft.pk}/publish"
    response = client.post(url, {}, content_type=JSON, **as_user(carol))
    assert response.status_code == 403 and response.json()["detail"]


def test_publish_bad_input(client, dave, rules, as_user):
    url = f"{BASE}/versions/{rules.current_version_id}/publish"
    again = client.post(url, {}, content_type=JSON, **as_user(dave))
    assert again.status_code == 422 and again.json()["code"] == "published"
    missing = client.post(f"{BASE}/versions/999/publish", {}, content_type=JSON, **as_user(dave))
    assert missing.status_code == 404
    bad = client.post(url, {"requires_reacceptance": "maybe"}, content_type=JSON, **as_user(dave))
    assert bad.status_code == 422
