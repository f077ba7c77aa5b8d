"""Declarative filters (Python equivalents of OTA's JS filters) on pages served on 127.0.0.1."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from belvedere.core.http import guarded_client
from belvedere.watch.extract import ExtractionError, extract_text
from belvedere.watch.filters import normalise_dates, plan
from belvedere.watch.models import DocumentVersion, TrackedDocument
from belvedere.watch.services.fetching import document_text, fetch_document, record_version
from belvedere.watch.services.terms import import_declaration
from belvedere.watch.tests.conftest import VERSIONS, reddit_page
from belvedere.watch.validation import check_filters, filters_from_text

PATH = "/policies/user-agreement"
FILTERS = [
    "keepLinks",
    {"removeQueryParams": ["h", "utm_*"]},
    "cleanUrls",
    "removeReturnToTopButtons",
    "removeEmptyLinks",
    "normaliseDates",
    {"removeElementsWithText": {"selector": "p", "pattern": r"^\s*Page views"}},
    {"removeText": r"\(build \w+\)"},
]


def noisy_page(version: str, *, visit: int, fetched: datetime, target: str = "/policies") -> str:
    """A real version of Reddit's terms with the noise a live page carries on each visit:
    tracking parameters, a per-visit redirect hash, "updated N days ago", a view counter, a
    "back to top" button, an empty icon link and a date written another way."""
    updated = (fetched.date() - datetime(2026, 4, 1).date()).days
    date = "April 1, 2026" if visit % 2 else "1 April 2026"
    extra = (
        f"<p>Last updated {updated} days ago ({date}).</p>"
        f"<p>See <a href='https://www.redditinc.com{target}?utm_source=nav{visit}&lang=en'>"
        "our policies</a> and <a href='https://l.facebook.com/l.php?u=https%3A%2F%2Fhelp."
        f"example%2Fads&h=AT{visit}x'>the ads help</a> (build {visit}a).</p>"
        f"<p>Page views: {1000 + visit}</p><a class='_t3o' href='#top'>Back to top</a>"
        "<a href='/share'><img src='share.png'></a>"
    )
    return reddit_page(version).replace("<main id='content'>", f"<main id='content'>{extra}")


@pytest.fixture
def filtered(reddit_terms):
    reddit_terms.filters = FILTERS
    reddit_terms.save(update_fields=["filters"])
    return reddit_terms


def text_at(document, page_server, *, visit, fetched, version=VERSIONS[1], **kwargs):
    page_server.set(PATH, noisy_page(version, visit=visit, fetched=fetched, **kwargs))
    with guarded_client() as client:
        return document_text(document, client, now=fetched)


@pytest.mark.django_db(transaction=True)
def test_filters_remove_per_visit_noise_but_keep_real_link_changes(filtered, page_server):
    day = timezone.make_aware(datetime(2026, 4, 3, 9))
    first = text_at(filtered, page_server, visit=1, fetched=day)
    assert "Last updated 2026-04-01 (2026-04-01)." in first
    assert "[our policies](https://www.redditinc.com/policies?lang=en)" in first
    assert "[the ads help](https://help.example/ads)" in first
    assert "Page views" not in first and "Back to top" not in first and "(build" not in first
    assert "[](/share)" not in first
    assert record_version(filtered, first, at=day)

    later = day + timedelta(days=1, hours=5)
    again = text_at(filtered, page_server, visit=2, fetched=later)
    assert again == first
    assert record_version(filtered, again, at=later) is None  # no version for the noise

    moved = text_at(filtered, page_server, visit=3, fetched=later, target="/policies/v2")
    version = record_version(filtered, moved, at=later)
    assert version is not None and version.changed == 1  # a changed link target is a change


@pytest.mark.django_db(transaction=True)
def test_without_filters_the_same_noise_makes_versions(reddit_terms, page_server):
    day = timezone.make_aware(datetime(2026, 4, 3, 9))
    first = text_at(reddit_terms, page_server, visit=1, fetched=day)
    again = text_at(reddit_terms, page_server, visit=2, fetched=day + timedelta(days=1))
    assert first != again  # "2 days ago" → "3 days ago", the counter, the date's form


@pytest.mark.django_db(transaction=True)
def test_fetch_runs_the_declared_filters_and_reports_the_missing_ones(filtered, page_server):
    page_server.set(PATH, noisy_page(VERSIONS[0], visit=1, fetched=timezone.now()))
    assert fetch_document(filtered).changed
    page_server.set(PATH, noisy_page(VERSIONS[0], visit=2, fetched=timezone.now()))
    assert not fetch_document(filtered).changed
    assert DocumentVersion.objects.filter(document=filtered).count() == 1
    filtered.filters = [*FILTERS, "numberListCorrectly", {"someJsFilter": [1]}]
    assert filtered.filters_not_run() == ["numberListCorrectly", "someJsFilter"]


def test_shipped_declarations_filters_all_have_an_equivalent():
    folder = Path("belvedere/watch/data/declarations")
    for path in folder.glob("*.json"):
        for terms in json.loads(path.read_text())["terms"].values():
            pages = [terms, *terms.get("combine", [])]
            for page in pages:
                assert plan(page.get("filter", [])).not_run == [], (path.name, page)


def test_named_ota_filters_map_to_operations():
    html = (
        "<div><a href='https://l.facebook.com/l.php?u=https%3A%2F%2Fx.example%2Fa%3Fb%3D1&h=Z'>"
        "x</a> <a href='#'>nowhere</a> <span class='_t3o'>Top</span><span class='_vpi'>img</span>"
        "<img src='https://static/851547_537948159656190_540847388_n.png?x=1'> Note</div>"
    )
    names = ["keepLinks", "cleanUrls", "removeReturnToTopButtons", "removeImgFromCookiesPolicy",
             "replaceInfoImageWithEmoji", "removeScripts"]  # fmt: skip
    assert extract_text(html, filters=names) == "[x](https://x.example/a?b=1) nowhere ℹ️ Note"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Effective March 3rd, 2026.", "Effective 2026-03-03."),
        ("Effective Sept. 30 2025", "Effective 2025-09-30"),
        ("En vigueur le 1er mars 2026", "En vigueur le 2026-03-01"),
        ("Mis à jour le 14 juillet 2025", "Mis à jour le 2025-07-14"),
        ("Le 31 février 2026", "Le 31 février 2026"),  # not a date: unchanged
        ("Updated 5 hours ago", "Updated 2026-03-09"),
        ("Mis à jour il y a 3 jours", "Mis à jour 2026-03-07"),
        ("Updated a day ago", "Updated 2026-03-09"),
        ("Updated 2 weeks ago", "Updated 2 weeks ago"),  # drifts daily: left as written
        ("On 03/04/2026", "On 03/04/2026"),  # numeric dates only when asked
    ],
)
def test_normalise_dates_in_french_and_english(text, expected):
    assert normalise_dates(text, now=datetime(2026, 3, 10, 2)) == expected


def test_normalise_numeric_dates_when_asked():
    assert normalise_dates("On 03/04/2026", numeric="dmy") == "On 2026-04-03"
    assert normalise_dates("On 03/04/2026", numeric="mdy") == "On 2026-03-04"
    html = "<p>Le 03/04/2026</p>"
    assert extract_text(html, filters=[{"normaliseDates": {"numeric": "dmy"}}]) == "Le 2026-04-03"


@pytest.mark.parametrize(
    "bad",
    [
        [{"removeElements": "p["}],
        [{"removeText": "(a+)+$"}],
        [{"removeElementsWithText": {"selector": "p"}}],
        [{"removeQueryParams": [1, 2]}],
        [{"normaliseDates": {"numeric": "ymd"}}],
        [{"keepLinks": True}],
        [{"a": 1, "b": 2}],
        [42],
        "x" * 101,
    ],
)
def test_check_filters_refuses_bad_filters(bad):
    with pytest.raises(ValidationError):
        check_filters(bad)


def test_filters_from_text_reads_names_json_lines_or_a_list():
    assert filters_from_text('keepLinks\n{"removeQueryParams": ["h"]}') == [
        "keepLinks", {"removeQueryParams": ["h"]},
    ]  # fmt: skip
    assert filters_from_text('["cleanUrls"]') == ["cleanUrls"]
    with pytest.raises(ValidationError):
        filters_from_text("[not json")


def test_a_filter_that_cannot_run_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        extract_text("<p>x</p>", filters=[42])


@pytest.mark.django_db
def test_import_keeps_filters_and_refuses_bad_ones(dave):
    declaration = {"name": "Example", "terms": {"Terms of Service": {
        "fetch": "https://example.com/tos", "select": "main",
        "filter": ["cleanUrls", {"removeText": "Updated .* ago"}, "someJsFilter"],
    }}}  # fmt: skip
    service, created, _updated = import_declaration(declaration, actor=dave)
    document = service.documents.get()
    assert document.filters[1] == {"removeText": "Updated .* ago"}
    assert document.declaration()["filter"] == document.filters
    declaration["terms"]["Terms of Service"]["filter"] = [{"removeElements": "p["}]
    with pytest.raises(ValidationError):
        import_declaration(declaration, actor=dave)


@pytest.mark.django_db
def test_document_form_and_page_show_filters(login_as, dave, bob, reddit):
    client = login_as(dave)
    url = reverse("watch:document_create", args=[reddit.pk])
    data = {"doc_type": "Privacy Policy", "url": "https://93.184.215.14/p", "enabled": "",
            "interval_hours": 24, "select": "main", "remove": ""}  # fmt: skip
    response = client.post(url, {**data, "filters": '{"removeText": "(a+)+$"}'})
    assert response.status_code == 400 and "Nested repetitions" in response.content.decode()
    response = client.post(url, {**data, "filters": "cleanUrls\nnumberListCorrectly"})
    document = TrackedDocument.objects.get(doc_type="Privacy Policy")
    assert response.status_code == 302 and document.filters == ["cleanUrls", "numberListCorrectly"]
    page = login_as(bob).get(reverse("watch:document", args=[document.pk])).content.decode()
    assert "cleanUrls" in page and "Not run" in page and "numberListCorrectly" in page


@pytest.mark.django_db
def test_api_document_filters(client, token_for, dave, bob, reddit):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(dave)}"}
    filters = ["keepLinks", {"removeText": "x+"}]
    body = {"service_id": reddit.pk, "doc_type": "Privacy Policy",
            "url": "https://93.184.215.14/p", "filters": filters}  # fmt: skip
    bad = {**body, "filters": [{"removeElements": "p["}]}
    response = client.post("/api/v1/watch/documents", json.dumps(bad),
                           content_type="application/json", **headers)  # fmt: skip
    assert response.status_code == 422 and "filters" in response.content.decode()
    response = client.post("/api/v1/watch/documents", json.dumps(body),
                           content_type="application/json", **headers)  # fmt: skip
    assert response.status_code == 201 and response.json()["filters"][0] == "keepLinks"
    bob_headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(bob)}"}
    response = client.post("/api/v1/watch/documents", json.dumps(body),
                           content_type="application/json", **bob_headers)  # fmt: skip
    assert response.status_code == 403
