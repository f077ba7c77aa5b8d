"""RSS/Atom sources against recorded feeds served on 127.0.0.1."""

import re

import pytest

from belvedere.listening.models import Mention, Source
from belvedere.listening.services.sources import run_source
from belvedere.listening.tasks import fetch_due_sources
from belvedere.listening.tests.conftest import FIXTURES

REAL = sorted(p.name for p in (FIXTURES / "feeds/real").iterdir())
ODD = sorted(
    str(p.relative_to(FIXTURES / "feeds"))
    for folder in ("illformed", "encoding")
    for p in (FIXTURES / "feeds" / folder).rglob("*.xml")
)


def declared_content_type(path: str) -> str:
    """The Content-Type that feedparser's own test server sends with a sample."""
    head = (FIXTURES / "feeds" / path).read_bytes()[:2000]
    found = re.search(rb"Header:\s*Content-type:\s*([^\n]*?)\s*(?:-->|\n)", head, re.IGNORECASE)
    return found.group(1).decode() if found else "application/xml"


@pytest.mark.parametrize("name", REAL)
def test_rss_reads_real_feeds(remote, make_source, name):
    url = remote.add(f"/{name}", f"feeds/real/{name}", content_type="application/xml")
    source = make_source(config={"url": url})
    outcome = run_source(source)
    assert outcome.ok, outcome.error
    assert outcome.created == outcome.fetched > 0
    mention = Mention.objects.filter(source=source).first()
    assert mention.platform == "rss" and mention.text and mention.canonical_url
    source.refresh_from_db()
    assert source.health == "ok" and source.items_fetched == outcome.fetched


def test_rss_decodes_undeclared_latin1_and_keeps_accents(remote, make_source):
    name = "fr_cercle_psy_rss2_undeclared_iso-8859-1.xml"
    url = remote.add("/psy", f"feeds/real/{name}", content_type="text/xml")
    run_source(make_source(config={"url": url}))
    texts = " ".join(Mention.objects.values_list("title", flat=True))
    assert "é" in texts and "\ufffd" not in texts


def test_rss_sends_etag_and_treats_304_as_not_modified(remote, make_source):
    url = remote.add("/korben", "feeds/real/fr_korben_rss2.xml", content_type="application/xml")
    source = make_source(config={"url": url})
    first = run_source(source)
    source.refresh_from_db()
    assert source.etag and source.last_modified
    second = run_source(source)
    assert second.ok and second.not_modified and second.fetched == 0
    assert remote.requests[-1][1]["If-None-Match"] == source.etag
    assert Mention.objects.count() == first.created


def test_rss_rerun_without_etag_stores_no_duplicates(remote, make_source):
    url = remote.add("/g", "feeds/real/en_guardian_rss2.xml", content_type="application/rss+xml")
    source = make_source(config={"url": url})
    first = run_source(source)
    Source.objects.filter(pk=source.pk).update(etag="", last_modified="")
    source.refresh_from_db()
    second = run_source(source)
    assert second.ok and second.fetched == first.fetched and second.created == 0
    assert Mention.objects.count() == first.created


@pytest.mark.parametrize("path", ODD)
def test_rss_odd_feeds_parse_or_mark_the_source_unhealthy(remote, make_source, path):
    url = remote.add("/odd", f"feeds/{path}", content_type=declared_content_type(path))
    source = make_source(config={"url": url})
    outcome = run_source(source)
    source.refresh_from_db()
    if outcome.ok:
        assert source.health == "ok"
    else:
        assert source.health == "failing" and source.last_error and source.consecutive_failures == 1
        assert source.next_run_at is not None


def test_rss_broken_sources_never_stop_the_others(remote, make_source):
    good = remote.add("/good", "feeds/real/en_dustri_atom.xml", content_type="application/atom+xml")
    bad = remote.add("/bad", "feeds/illformed/rss_empty_document.xml", content_type="text/xml")
    missing = remote.url("/missing")
    sources = [
        make_source(name=n, config={"url": u})
        for n, u in (("bad", bad), ("missing", missing), ("good", good))
    ]
    Source.objects.update(next_run_at="2000-01-01T00:00:00Z")
    claimed = fetch_due_sources.call_local()
    assert sorted(claimed) == sorted(s.pk for s in sources)
    health = dict(Source.objects.values_list("name", "consecutive_failures"))
    assert health == {"bad": 1, "missing": 1, "good": 0}
    assert "404" in Source.objects.get(name="missing").last_error
    assert Mention.objects.count() == 25


def test_rss_html_page_is_not_a_feed(remote, make_source):
    url = remote.add(
        "/page", body=b"<html><body><p>Hello</p></body></html>", content_type="text/html"
    )
    outcome = run_source(make_source(config={"url": url}))
    assert not outcome.ok
