import json

import pytest

from belvedere.activity.models import Entry

URL = "/api/v1/accounts/me"


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def patch(client, data, **extra):
    return client.patch(URL, json.dumps(data), content_type="application/json", **extra)


def test_me_with_a_session(login_as, carol):
    response = login_as(carol).get(URL)
    assert response.status_code == 200
    assert response.json()["email"] == "carol@example.com"
    assert response.json()["role"] == "member"


def test_me_with_a_token(client, carol, token_for):
    response = client.get(URL, **bearer(token_for(carol)))
    assert response.status_code == 200
    assert response.json()["display_name"] == "Carol"


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_AUTHORIZATION": "Bearer bvd_nope"}, {"HTTP_AUTHORIZATION": "Basic abc"}],
)
def test_me_refuses_anonymous_requests_with_json_401(client, db, headers):
    response = client.get(URL, **headers)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_me_refuses_a_revoked_token(client, carol, token_for):
    from belvedere.accounts.models import ApiToken
    from belvedere.accounts.tokens import revoke_token

    raw = token_for(carol)
    revoke_token(ApiToken.objects.get(), actor=carol)
    assert client.get(URL, **bearer(raw)).status_code == 401


def test_patch_me_updates_the_profile(client, carol, token_for):
    response = patch(
        client, {"bio": "Bonjour", "time_zone": "Europe/Paris"}, **bearer(token_for(carol))
    )
    assert response.status_code == 200
    assert response.json()["time_zone"] == "Europe/Paris"
    carol.refresh_from_db()
    assert carol.bio == "Bonjour"
    assert Entry.objects.filter(actor=carol, verb="member.update_profile").exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"time_zone": "Mars/Olympus"},
        {"language": "xx"},
        {"display_name": "B"},
        {"display_name": "Bob"},
    ],
)
def test_patch_me_refuses_bad_values_with_422(client, carol, bob, token_for, payload):
    response = patch(client, payload, **bearer(token_for(carol)))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail[0]["loc"][0] == "body"
    carol.refresh_from_db()
    assert carol.display_name == "Carol" and carol.time_zone == ""


def test_patch_me_refuses_a_body_that_is_not_json(client, carol, token_for):
    response = client.patch(
        URL, "{not json", content_type="application/json", **bearer(token_for(carol))
    )
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_patch_me_needs_authentication(client, db):
    assert patch(client, {"bio": "x"}).status_code == 401


def test_session_writes_need_the_csrf_token(csrf_client, carol):
    csrf_client.force_login(carol)
    response = patch(csrf_client, {"bio": "forged"})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    carol.refresh_from_db()
    assert carol.bio == ""
    csrf_client.get("/accounts/profile/")  # sets the CSRF cookie
    token = csrf_client.cookies["csrftoken"].value
    response = patch(csrf_client, {"bio": "mine"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_token_writes_need_no_csrf_token(csrf_client, carol, token_for):
    assert patch(csrf_client, {"bio": "ok"}, **bearer(token_for(carol))).status_code == 200


def test_openapi_schema_is_served(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/accounts/me" in response.json()["paths"]
