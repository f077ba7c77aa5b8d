import json

from belvedere.accounts.models import ApiToken
from belvedere.accounts.tokens import CREATE_LIMIT
from belvedere.activity.models import Entry

URL = "/api/v1/accounts/me/tokens"


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def create(client, name, raw):
    return client.post(
        URL, json.dumps({"name": name}), content_type="application/json", **bearer(raw)
    )


def test_list_my_tokens(client, carol, bob, token_for):
    raw = token_for(carol)
    token_for(bob)
    response = client.get(URL, **bearer(raw))
    assert response.status_code == 200
    assert [t["name"] for t in response.json()] == ["test"]
    assert "digest" not in response.json()[0] and "token" not in response.json()[0]


def test_create_returns_the_token_once_and_it_works(client, carol, token_for):
    response = create(client, "deploy bot", token_for(carol))
    assert response.status_code == 201
    new = response.json()["token"]
    assert new.startswith("bvd_") and response.json()["prefix"] == new[:12]
    me = client.get("/api/v1/accounts/me", **bearer(new))
    assert me.status_code == 200 and me.json()["email"] == carol.email
    assert all("token" not in t for t in client.get(URL, **bearer(new)).json())


def test_create_refuses_a_bad_name_with_422(client, carol, token_for):
    raw = token_for(carol)
    for body in ({"name": ""}, {"name": "x" * 81}, {}):
        response = client.post(
            URL, json.dumps(body), content_type="application/json", **bearer(raw)
        )
        assert response.status_code == 422
        assert isinstance(response.json()["detail"], list)
    assert ApiToken.objects.count() == 1


def test_create_is_rate_limited(client, carol, token_for):
    raw = token_for(carol)
    for n in range(CREATE_LIMIT):
        assert create(client, f"t{n}", raw).status_code == 201
    response = create(client, "more", raw)
    assert response.status_code == 429
    assert "Wait an hour" in response.json()["detail"]


def test_tokens_need_authentication(client, db):
    assert client.get(URL).status_code == 401
    assert client.post(URL, "{}", content_type="application/json").status_code == 401


def test_delete_revokes_and_the_token_is_then_refused(client, carol, token_for):
    keep, doomed = token_for(carol), token_for(carol)
    doomed_id = ApiToken.objects.get(prefix=doomed[:12]).pk
    response = client.delete(f"{URL}/{doomed_id}", **bearer(keep))
    assert response.status_code == 204
    assert client.get(URL, **bearer(doomed)).status_code == 401
    assert Entry.objects.filter(verb="token.revoke", actor=carol).exists()


def test_delete_someone_elses_token_is_404(client, carol, mallory, token_for):
    token_for(carol)
    theirs = ApiToken.objects.get(user=carol).pk
    response = client.delete(f"{URL}/{theirs}", **bearer(token_for(mallory)))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert ApiToken.objects.get(pk=theirs).revoked_at is None


def test_delete_with_a_bad_id_is_422(client, carol, token_for):
    assert client.delete(f"{URL}/abc", **bearer(token_for(carol))).status_code in (404, 422)
