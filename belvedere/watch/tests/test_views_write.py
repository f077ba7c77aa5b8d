"""Writes through the pages: success, permission denied, bad input."""

import pytest
from django.urls import reverse

from belvedere.activity.models import Entry
from belvedere.watch.models import (
    Competitor,
    ComplianceItem,
    ComplianceReview,
    PageWatch,
    Platform,
    Service,
    TrackedDocument,
)

pytestmark = pytest.mark.django_db


def test_service_and_document_forms(login_as, dave, bob):
    client = login_as(dave)
    response = client.post(reverse("watch:service_create"), {"name": "Mastodon"})
    service = Service.objects.get(name="Mastodon")
    assert response.status_code == 302
    data = {"doc_type": "Terms of Service", "url": "https://93.184.215.14/terms",
            "select": 'main\n{"startBefore": "h1", "endBefore": "footer"}', "remove": "nav",
            "enabled": "on", "interval_hours": 24}  # fmt: skip
    client.post(reverse("watch:document_create", args=[service.pk]), data)
    document = TrackedDocument.objects.get(service=service)
    assert document.select == ["main", {"startBefore": "h1", "endBefore": "footer"}]
    bad = {**data, "doc_type": "Other", "select": "p[[", "url": "http://localhost/"}
    response = client.post(reverse("watch:document_create", args=[service.pk]), bad)
    assert response.status_code == 400
    assert "not a valid CSS selector" in response.content.decode()
    assert "cannot be fetched" in response.content.decode()
    assert login_as(bob).post(reverse("watch:service_create"), {"name": "X"}).status_code == 403
    assert Entry.objects.filter(verb="watch.document_created", is_staff_action=True).exists()


def test_declaration_import_form(login_as, dave):
    client = login_as(dave)
    with open("belvedere/watch/data/declarations/TikTok.json", "rb") as handle:
        response = client.post(reverse("watch:declaration_import"), {"file": handle})
    assert response.status_code == 302
    community = TrackedDocument.objects.get(service__name="TikTok", doc_type="Community Guidelines")
    assert len(community.combine) == 12
    response = client.post(reverse("watch:declaration_import"), {"text": "{not json"})
    assert response.status_code == 400
    response = client.post(reverse("watch:declaration_import"), {"text": '{"name": "X"}'})
    assert response.status_code == 400


def test_subscribe_toggle(login_as, bob, world):
    service = world["service"]
    login_as(bob).post(reverse("watch:service_subscribe", args=[service.pk]), {"on": "1"})
    assert service.subscribers.filter(pk=bob.pk).exists()
    login_as(bob).post(reverse("watch:service_subscribe", args=[service.pk]), {"on": "0"})
    assert not service.subscribers.filter(pk=bob.pk).exists()


def test_page_watch_form_validates_patterns(login_as, dave, bob):
    data = {"name": "P", "url": "https://93.184.215.14/", "selector": "", "enabled": "on",
            "interval_minutes": 60, "ignore_patterns": "(a+)+$"}  # fmt: skip
    response = login_as(dave).post(reverse("watch:page_create"), data)
    assert response.status_code == 400 and "forever" in response.content.decode()
    response = login_as(dave).post(
        reverse("watch:page_create"), {**data, "ignore_patterns": "[0-9"}
    )
    assert response.status_code == 400
    response = login_as(dave).post(
        reverse("watch:page_create"), {**data, "ignore_patterns": r"\d+"}
    )
    assert response.status_code == 302 and PageWatch.objects.count() == 1
    assert login_as(bob).post(reverse("watch:page_create"), data).status_code == 403


def test_compliance_flow_review_assign(login_as, dave, alice, bob, world):
    item = world["item"]
    ComplianceItem.objects.filter(pk=item.pk).update(status="review")
    client = login_as(dave)
    url = reverse("watch:item_review", args=[item.pk])
    assert client.post(url, {"outcome": "nope"}).status_code == 400
    assert client.post(url, {"outcome": "compliant", "note": "Still fine"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "ok" and item.last_reviewed_at
    review = ComplianceReview.objects.get(item=item)
    assert (review.reviewer, review.note) == (dave, "Still fine")
    assign = reverse("watch:item_assign", args=[item.pk])
    assert client.post(assign, {"owner": alice.pk}).status_code == 302
    assert client.post(assign, {"owner": bob.pk}).status_code == 400
    assert login_as(bob).post(url, {"outcome": "compliant"}).status_code == 403
    verbs = set(Entry.objects.filter(target_id=str(item.pk)).values_list("verb", flat=True))
    assert {"watch.compliance_reviewed", "watch.compliance_assigned"} <= verbs


def test_compliance_item_form(login_as, dave, world):
    data = {"title": "Sponsored posts", "category": "advertising",
            "documents": [world["document"].pk],
            "clause": "Branded content must be labelled"}  # fmt: skip
    assert login_as(dave).post(reverse("watch:item_create"), data).status_code == 302
    item = ComplianceItem.objects.get(title="Sponsored posts")
    assert item.links.get().clause == "Branded content must be labelled"
    assert login_as(dave).post(reverse("watch:item_create"), {"title": ""}).status_code == 400


def test_competitor_and_platform_forms(login_as, dave, world):
    client = login_as(dave)
    data = {"name": "Nimbus", "feed_urls": "https://93.184.215.14/feed.xml"}
    assert client.post(reverse("watch:competitor_create"), data).status_code == 302
    bad = {"name": "Bad", "feed_urls": "file:///etc/passwd"}
    assert client.post(reverse("watch:competitor_create"), bad).status_code == 400
    two = {"name": "Also us", "is_company": "on"}
    assert client.post(reverse("watch:competitor_create"), two).status_code == 400
    assert Competitor.objects.filter(name="Nimbus").exists()
    platform = {"name": "Lemmy", "status": "evaluating", "notes": "Federated forums"}
    assert client.post(reverse("watch:platform_create"), platform).status_code == 302
    assert client.post(reverse("watch:platform_create"), platform).status_code == 400  # unique
    lemmy = Platform.objects.get(name="Lemmy")
    edit = reverse("watch:platform_edit", args=[lemmy.pk])
    assert client.post(edit, {**platform, "status": "adopted"}).status_code == 302
    lemmy.refresh_from_db()
    assert lemmy.status == "adopted"


@pytest.mark.parametrize(
    "name", ["service_delete", "document_delete", "page_delete", "item_delete",
             "competitor_delete", "platform_delete"],
)  # fmt: skip
def test_deletes_need_a_manager(login_as, dave, bob, world, name):
    key = {"service_delete": "service", "document_delete": "document", "page_delete": "watch",
           "item_delete": "item", "competitor_delete": "competitor",
           "platform_delete": "platform"}[name]  # fmt: skip
    url = reverse(f"watch:{name}", args=[world[key].pk])
    assert login_as(bob).post(url).status_code == 403
    assert login_as(dave).get(url).status_code == 405
    assert login_as(dave).post(url).status_code == 302
    assert not type(world[key]).objects.filter(pk=world[key].pk).exists()


def test_digest_build_and_settings(login_as, dave, bob, mailoutbox, world):
    client = login_as(dave)
    response = client.post(reverse("watch:digest_build"), {"week": "2026-01-07", "send": "1"})
    assert response.status_code == 302 and response.url.endswith("/2026-01-05/")
    assert any(dave.email in m.to for m in mailoutbox)
    assert client.post(reverse("watch:digest_build"), {"week": "nope"}).status_code == 302
    assert login_as(bob).post(reverse("watch:digest_build")).status_code == 403
    client = login_as(dave)
    settings_url = reverse("watch:settings")
    bad = client.post(settings_url, {"digest_emails": "not-an-email"})
    assert bad.status_code == 400
    ok = client.post(settings_url, {"digest_emails": "boss@example.com", "digest_to_team": ""})
    assert ok.status_code == 302
