"""/api/v1/watch: success, permission denied and bad input for each endpoint."""

import json
from pathlib import Path

import pytest

from belvedere.watch.models import ComplianceStatus, PageWatch, Platform

pytestmark = pytest.mark.django_db
API = "/api/v1/watch"


@pytest.fixture
def as_user(client, token_for):
    def call(user, method, path, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"} if user else {}
        data = json.dumps(body) if body is not None else None
        return getattr(client, method)(API + path, data, content_type="application/json", **headers)

    return call


READS = [
    "/services", "/documents", "/documents/{document}", "/documents/{document}/versions",
    "/changes", "/versions/{version}", "/versions/{version}/diff", "/pages", "/pages/{watch}",
    "/pages/{watch}/snapshots", "/snapshots/{snapshot}/diff", "/compliance",
    "/compliance/{item}", "/compliance/{item}/reviews", "/competitors",
    "/competitors/comparison", "/competitors/{competitor}", "/competitors/{competitor}/activity",
    "/trends", "/trends/{trend}/mentions", "/platforms", "/digests", "/digests/{week}",
]  # fmt: skip


def fill(path, world):
    ids = {
        "document": world["document"].pk, "version": world["versions"][1].pk,
        "watch": world["watch"].pk, "snapshot": world["watch"].snapshots.order_by("-id")[0].pk,
        "item": world["item"].pk, "competitor": world["competitor"].pk,
        "trend": world["trend"].pk, "week": world["digest"].week.isoformat(),
    }  # fmt: skip
    return path.format(**ids)


@pytest.mark.parametrize("path", READS)
def test_api_reads_for_moderators_not_members(as_user, bob, carol, world, path):
    assert as_user(bob, "get", fill(path, world)).status_code == 200
    assert as_user(carol, "get", fill(path, world)).status_code == 403
    assert as_user(None, "get", fill(path, world)).status_code == 401


def test_api_version_diff_rows(as_user, dave, world):
    body = as_user(dave, "get", fill("/versions/{version}/diff?context=1", world)).json()
    assert body["changed"] == 3
    parts = [p for row in body["rows"] for p in row["parts"]]
    assert ["+", "(automated, including via bots, or otherwise)"] in parts


def test_api_import_declaration(as_user, dave, bob):
    declaration = json.loads(Path("belvedere/watch/data/declarations/Reddit.json").read_text())
    assert as_user(bob, "post", "/services", declaration).status_code == 403
    response = as_user(dave, "post", "/services", declaration)
    assert response.status_code == 201
    assert response.json()["created"] == 4
    again = as_user(dave, "post", "/services", declaration).json()
    assert (again["created"], again["updated"]) == (0, 0)
    bad = {"name": "X", "terms": {"Terms of Service": {"fetch": "ftp://x", "select": "p[["}}}
    assert as_user(dave, "post", "/services", bad).status_code == 422


def test_api_documents_create_and_bad_input(as_user, dave, bob, world):
    body = {"service_id": world["service"].pk, "doc_type": "Privacy Policy",
            "url": "https://93.184.215.14/privacy", "select": ["main"]}  # fmt: skip
    assert as_user(bob, "post", "/documents", body).status_code == 403
    created = as_user(dave, "post", "/documents", body)
    assert created.status_code == 201 and created.json()["select"] == ["main"]
    body = {**body, "doc_type": "Other", "select": ["p[["]}
    assert as_user(dave, "post", "/documents", body).status_code == 422
    body = {**body, "select": [], "url": "http://127.0.0.1/admin"}
    assert as_user(dave, "post", "/documents", body).status_code == 422


def test_api_page_watches(as_user, dave, bob, world):
    body = {"name": "Prices", "url": "https://93.184.215.14/", "ignore_patterns": r"\d+ visitors"}
    assert as_user(bob, "post", "/pages", body).status_code == 403
    created = as_user(dave, "post", "/pages", body)
    assert created.status_code == 201
    watch_id = created.json()["id"]
    patched = as_user(dave, "patch", f"/pages/{watch_id}", {"trigger_text": "sold out"})
    assert patched.json()["trigger_text"] == "sold out"
    assert (
        as_user(dave, "patch", f"/pages/{watch_id}", {"ignore_patterns": "(a+)+"}).status_code
        == 422
    )
    assert as_user(dave, "post", "/pages", {**body, "selector": "p[["}).status_code == 422
    assert as_user(bob, "delete", f"/pages/{watch_id}").status_code == 403
    assert as_user(dave, "delete", f"/pages/{watch_id}").status_code == 204
    assert not PageWatch.objects.filter(pk=watch_id).exists()


def test_api_compliance_review_and_assign(as_user, dave, bob, alice, world):
    item = world["item"]
    item.status = ComplianceStatus.REVIEW
    item.save()
    path = f"/compliance/{item.pk}"
    assert as_user(bob, "post", path + "/review", {"outcome": "compliant"}).status_code == 403
    assert as_user(dave, "post", path + "/review", {"outcome": "maybe"}).status_code == 422
    review = as_user(dave, "post", path + "/review", {"outcome": "compliant", "note": "ok"})
    assert review.status_code == 201 and review.json()["reviewer_name"] == "Dave"
    assert as_user(dave, "get", path).json()["status"] == "ok"
    assert (
        as_user(dave, "post", path + "/assign", {"owner_id": alice.pk}).json()["owner_id"]
        == alice.pk
    )
    assert as_user(dave, "post", path + "/assign", {"owner_id": bob.pk}).status_code == 422


def test_api_compliance_create(as_user, dave, bob, world):
    body = {"title": "Giveaways", "category": "contest",
            "links": [{"document_id": world["document"].pk, "clause": "§ 7"}]}  # fmt: skip
    assert as_user(bob, "post", "/compliance", body).status_code == 403
    created = as_user(dave, "post", "/compliance", body)
    assert created.status_code == 201 and created.json()["links"][0]["clause"] == "§ 7"
    body["links"] = [{"document_id": 999999}]
    assert as_user(dave, "post", "/compliance", body).status_code == 422
    assert as_user(dave, "post", "/compliance", {**body, "category": "x"}).status_code == 422


def test_api_competitors(as_user, dave, bob, world):
    body = {"name": "Nimbus", "feed_urls": ["https://93.184.215.14/feed"],
            "query_ids": [world["query"].pk]}  # fmt: skip
    assert as_user(bob, "post", "/competitors", body).status_code == 403
    created = as_user(dave, "post", "/competitors", body)
    assert created.status_code == 201 and created.json()["query_ids"] == [world["query"].pk]
    bad = {**body, "feed_urls": ["file:///etc/passwd"]}
    assert as_user(dave, "post", "/competitors", bad).status_code == 422
    assert as_user(dave, "post", "/competitors", {**body, "is_company": True}).status_code == 422
    rows = as_user(dave, "get", "/competitors/comparison?days=30").json()
    rival = next(row for row in rows if row["name"] == "Rival")
    assert rival["mentions"] == 1 and rival["positive"] == 100.0 and rival["events"] == 1


def test_api_trends_and_platforms(as_user, dave, bob, world):
    trends = as_user(bob, "get", "/trends").json()
    assert trends[0]["key"] == "rival" and "/listening/" in trends[0]["inbox_url"]
    assert as_user(bob, "get", "/trends?week=nope").status_code == 422
    assert as_user(bob, "post", "/trends/compute").status_code == 403
    assert as_user(dave, "post", "/trends/compute").status_code == 200
    assert as_user(bob, "post", "/platforms", {"name": "Lemmy"}).status_code == 403
    assert as_user(dave, "post", "/platforms", {"name": "Lemmy"}).status_code == 201
    assert as_user(dave, "post", "/platforms", {"name": "lemmy"}).status_code == 422
    assert as_user(dave, "post", "/platforms", {"name": "X", "status": "?"}).status_code == 422
    assert Platform.objects.filter(name="Lemmy").exists()


def test_api_unknown_ids_are_404(as_user, dave, world):
    for path in ("/documents/999999", "/versions/999999/diff", "/compliance/999999",
                 "/digests/1999-01-04", "/pages/999999"):  # fmt: skip
        assert as_user(dave, "get", path).status_code == 404
