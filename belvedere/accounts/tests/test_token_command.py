from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run_token(*args: str) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_token_create_prints_a_working_token_on_the_last_line(carol, client):
    raw = run_token("create", carol.email, "--name", "Zapier").splitlines()[-1]
    response = client.get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["email"] == carol.email
    assert carol.api_tokens.get().name == "Zapier"


def test_token_create_refuses_an_unknown_email(db):
    with pytest.raises(CommandError, match="No member has the email address"):
        run_token("create", "nobody@example.com")


def test_token_create_refuses_a_deactivated_member(carol):
    carol.is_active = False
    carol.save(update_fields=["is_active"])
    with pytest.raises(CommandError, match="deactivated"):
        run_token("create", carol.email)


def test_token_list_and_revoke(carol, client):
    raw = run_token("create", carol.email).splitlines()[-1]
    assert raw[:12] in run_token("list", carol.email)
    assert "Revoked" in run_token("revoke", carol.email, raw[:12])
    assert "revoked" in run_token("list", carol.email)
    response = client.get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401


def test_token_revoke_refuses_an_unknown_prefix(carol):
    with pytest.raises(CommandError, match="No active token"):
        run_token("revoke", carol.email, "bvd_nothing")
