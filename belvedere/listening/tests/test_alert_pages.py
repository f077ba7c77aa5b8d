"""Alert pages and API: success, permission denied, bad input."""

import pytest
from django.urls import reverse

from belvedere.activity.models import Entry
from belvedere.listening.models import Alert, AlertEvent, AlertKind

pytestmark = pytest.mark.django_db
API = "/api/v1/listening"


def form_data(**changes):
    data = {
        "name": "Spike",
        "kind": "volume_spike",
        "period": "hour",
        "baseline_periods": 24,
        "sigma": 3,
        "min_count": 10,
        "negative_rise": 20,
        "reach_threshold": 10000,
        "cooldown_minutes": 360,
        "enabled": "on",
    }
    return data | changes


@pytest.fixture
def alert(db):
    alert = Alert.objects.create(name="VIP", kind=AlertKind.INFLUENTIAL_AUTHOR)
    AlertEvent.objects.create(alert=alert, key="k", summary="Big voice spoke", figures={"n": 1})
    return alert


def test_alert_pages_for_managers(client, dave, alert):
    client.force_login(dave)
    assert b"Big voice spoke" in client.get(reverse("listening:alerts")).content
    detail = client.get(reverse("listening:alert_detail", args=[alert.pk]))
    assert detail.status_code == 200 and b"Big voice spoke" in detail.content
    csv = client.get(reverse("listening:alert_detail", args=[alert.pk]), {"format": "csv"})
    assert b"Big voice spoke" in b"".join(csv.streaming_content)
    assert client.get(reverse("listening:alert_create")).status_code == 200
    response = client.post(reverse("listening:alert_create"), form_data(emails="a@example.com"))
    created = Alert.objects.get(name="Spike")
    assert response.status_code == 302 and created.email_list == ["a@example.com"]
    assert Entry.objects.filter(verb="listening.alert_created", actor=dave).exists()


def test_edit_check_and_delete_an_alert(client, dave, alert):
    client.force_login(dave)
    url = reverse("listening:alert_edit", args=[alert.pk])
    assert client.get(url).status_code == 200
    data = form_data(name="VIP 2", kind="influential_author", reach_threshold=5)
    assert client.post(url, data).status_code == 302
    alert.refresh_from_db()
    assert (alert.name, alert.reach_threshold) == ("VIP 2", 5)
    assert client.post(reverse("listening:alert_check", args=[alert.pk])).status_code == 302
    assert client.post(reverse("listening:alert_delete", args=[alert.pk])).status_code == 302
    assert not Alert.objects.exists()


def test_alert_pages_refuse_members_and_moderators_writing(client, bob, carol, alert):
    client.force_login(carol)
    assert client.get(reverse("listening:alerts")).status_code == 403
    assert client.get(reverse("listening:alert_detail", args=[alert.pk])).status_code == 403
    client.force_login(bob)
    assert client.get(reverse("listening:alert_detail", args=[alert.pk])).status_code == 200
    assert client.post(reverse("listening:alert_create"), form_data()).status_code == 403
    assert client.post(reverse("listening:alert_delete", args=[alert.pk])).status_code == 403
    assert client.post(reverse("listening:alert_check", args=[alert.pk])).status_code == 403
    assert client.get(reverse("listening:alert_detail", args=[999])).status_code == 404


def test_alert_form_refuses_bad_input(client, dave, settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    client.force_login(dave)
    bad = form_data(
        kind="keyword",
        expression="(helios",
        emails="not-an-email",
        apprise_urls="json://10.0.0.1/hook",
        baseline_periods=1,
    )
    response = client.post(reverse("listening:alert_create"), bad)
    assert response.status_code == 400 and not Alert.objects.exists()
    for field in ("expression", "emails", "apprise_urls", "baseline_periods"):
        assert response.context["form"].errors[field], field
    no_query = client.post(reverse("listening:alert_create"), form_data(kind="keyword"))
    assert "expression" in no_query.context["form"].errors


def test_alert_api(client, dave, bob, alert, make_query, recorder):
    query = make_query("helios")
    client.force_login(dave)
    port = recorder.server_address[1]
    payload = {
        "name": "K",
        "kind": "keyword",
        "expression": "helios",
        "query_id": query.pk,
        "emails": ["cm@example.com"],
        "apprise_urls": [f"json://127.0.0.1:{port}/"],
    }
    created = client.post(f"{API}/alerts", payload, content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["emails"] == ["cm@example.com"] and body["apprise_url_count"] == 1
    assert "apprise_urls" not in body and body["query_id"] == query.pk
    alert_id = body["id"]
    patched = client.patch(
        f"{API}/alerts/{alert_id}",
        {"sigma": 2.5, "query_id": None},
        content_type="application/json",
    )
    assert patched.json()["sigma"] == 2.5 and patched.json()["query_id"] is None
    assert len(client.get(f"{API}/alerts").json()) == 2
    events = client.get(f"{API}/alerts/{alert.pk}/events").json()
    assert events["count"] == 1 and events["items"][0]["summary"] == "Big voice spoke"
    assert client.post(f"{API}/alerts/{alert_id}/check").status_code == 200
    client.force_login(bob)
    assert client.get(f"{API}/alerts/{alert_id}").status_code == 200
    assert client.delete(f"{API}/alerts/{alert_id}").status_code == 403
    client.force_login(dave)
    assert client.delete(f"{API}/alerts/{alert_id}").status_code == 204


def test_alert_api_refuses_bad_input_and_outsiders(client, dave, carol):
    client.force_login(dave)
    bad = {"name": "K", "kind": "keyword", "expression": "a AND", "emails": ["x"]}
    response = client.post(f"{API}/alerts", bad, content_type="application/json")
    assert response.status_code == 422
    fields = {tuple(e["loc"])[-1] for e in response.json()["detail"]}
    assert fields == {"expression", "emails"}
    wrong = client.post(
        f"{API}/alerts", {"name": "K", "kind": "nope"}, content_type="application/json"
    )
    assert wrong.status_code == 422
    client.force_login(carol)
    assert client.get(f"{API}/alerts").status_code == 403
    payload = {"name": "K", "kind": "volume_spike"}
    assert client.post(f"{API}/alerts", payload, content_type="application/json").status_code == 403
