"""A real HTTP server on 127.0.0.1 serving pages built from real terms versions; factories."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.utils import timezone
from markdown_it import MarkdownIt

from belvedere.watch.models import Service, TrackedDocument

FIXTURES = Path(__file__).parent / "fixtures"
REDDIT = FIXTURES / "reddit-terms"
VERSIONS = ["2025-12-10", "2026-04-01", "2026-05-27"]


def reddit_markdown(version: str) -> str:
    return (REDDIT / f"{version}.md").read_text()


def reddit_page(version: str, *, variant: int = 0) -> str:
    """The version as Reddit's page would serve it: the terms in ``#content`` among a menu,
    a filter box and a footer. ``variant`` 1 changes only formatting and removed parts."""
    body = MarkdownIt("commonmark").render(reddit_markdown(version))
    if variant:
        body = body.replace("<p>", '<p class="para  v2" data-track="x1">\n  ')
        body = body.replace("<li>", "<li   style='margin:0'>").replace("</h5>", " </h5>\n\n")
        body = body.replace("<strong>", "<b>").replace("</strong>", "</b>")
        body = f'<div class="wrapper"><section>{body}</section></div>'
    return (
        "<!doctype html><html><head><title>User Agreement</title>"
        f"<script>window.build = {variant * 42};</script><style>p {{ margin: {variant}px }}</style>"
        "</head><body><nav><a href='/'>Home</a> <a href='/policies'>Policies</a></nav>"
        f"<main id='content'><div class='filter-holder'>Filter by date {variant}</div>{body}</main>"
        f"<footer>© Reddit, Inc. {2025 + variant} · build {variant}</footer></body></html>"
    )


class PageServer:
    """Serves whatever HTML is set for a path; counts requests."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, str]] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.hits.append(self.path)
                status, body, kind = server.pages.get(self.path, (404, "not found", "text/plain"))
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def set(self, path: str, body: str, *, status: int = 200, kind: str = "text/html") -> str:
        self.pages[path] = (status, body, kind)
        return self.base + path


@pytest.fixture
def page_server(settings):
    settings.ALLOW_PRIVATE_TARGETS = True
    server = PageServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def reddit(db):
    return Service.objects.create(name="Reddit")


@pytest.fixture
def reddit_terms(reddit, page_server):
    """Reddit's Terms of Service declared as in OTA, served locally at its first version."""
    url = page_server.set("/policies/user-agreement", reddit_page(VERSIONS[0]))
    return TrackedDocument.objects.create(
        service=reddit,
        doc_type="Terms of Service",
        url=url,
        select=["#content"],
        remove=[".filter-holder"],
        next_fetch_at=timezone.now(),
    )


@pytest.fixture
def world(db, dave):
    """One of everything: a changed document, a flagged item, a changed page, a competitor
    with activity, a trend, a platform and a digest."""
    from datetime import timedelta

    from belvedere.listening.models import Mention, MentionMatch, Query, QueryKind
    from belvedere.watch.extract import extract_text
    from belvedere.watch.models import (
        Competitor,
        CompetitorActivity,
        ComplianceItem,
        ComplianceLink,
        Platform,
        Trend,
    )
    from belvedere.watch.services import pages
    from belvedere.watch.services.digest import build_digest
    from belvedere.watch.services.fetching import record_version
    from belvedere.watch.weeks import monday

    service = Service.objects.create(name="Reddit")
    document = TrackedDocument.objects.create(
        service=service, doc_type="Terms of Service", url="https://www.redditinc.com/policies/ua"
    )
    item = ComplianceItem.objects.create(title="Contest on r/ourbrand", category="contest")
    ComplianceLink.objects.create(item=item, document=document, clause="Contests must…")
    texts = [extract_text(reddit_page(v), "#content", ".filter-holder") for v in VERSIONS[:2]]
    first = record_version(document, texts[0], at=timezone.now() - timedelta(days=3))
    second = record_version(document, texts[1])
    watch = pages.create_watch(actor=dave, name="Pricing", url="https://example.com/pricing")
    pages.record_snapshot(watch, "Plan A 10 €")
    pages.record_snapshot(watch, "Plan A 12 €")
    query = Query.objects.create(name="Rival", text="rival", kind=QueryKind.COMPETITOR)
    mention = Mention.objects.create(platform="reddit", text="rival is great", sentiment="positive")
    MentionMatch.objects.create(mention=mention, query=query)
    competitor = Competitor.objects.create(name="Rival", feed_urls="https://rival.example/feed")
    competitor.queries.add(query)
    Competitor.objects.create(name="Us", is_company=True)
    CompetitorActivity.objects.create(
        competitor=competitor, external_id="a1", title="Webinar next week", kind="event"
    )
    week = monday(timezone.localdate())
    trend = Trend.objects.create(
        week=week, kind="term", key="rival", count=6, baseline=0.5, score=5.5
    )
    platform = Platform.objects.create(name="Bluesky")
    digest = build_digest(week)
    return {
        "service": service, "document": document, "versions": [first, second], "item": item,
        "watch": watch, "competitor": competitor, "trend": trend, "platform": platform,
        "digest": digest, "query": query,
    }  # fmt: skip
