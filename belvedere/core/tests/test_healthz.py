import pytest
from huey.contrib.djhuey import HUEY


@pytest.mark.django_db
def test_healthz_reports_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["queue"] == "ok"


@pytest.mark.django_db
def test_healthz_is_503_when_the_queue_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("queue unreachable")

    monkeypatch.setattr(HUEY.storage, "queue_size", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["queue"] == "down"


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
