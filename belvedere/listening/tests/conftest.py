"""A real HTTP server on 127.0.0.1 serving recorded payloads, and listening factories."""

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from belvedere.listening.connectors import RawMention
from belvedere.listening.models import Mention, Query, Source
from belvedere.listening.services.ingest import ingest

FIXTURES = Path(__file__).parent / "fixtures"
LAST_MODIFIED = "Wed, 01 Jul 2026 10:00:00 GMT"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    dynamic: Callable | None = None  # (server, path, query) -> Route


class FixtureServer:
    """Routes a path (with or without its query string) to a file or a callable."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.requests.append((self.path, dict(self.headers)))
                route = server.find(self.path)
                if route is None:
                    return self._send(404, b'{"error": "not found"}', "application/json", {})
                body, etag = route.body, f'"{hashlib.sha1(route.body).hexdigest()[:16]}"'
                headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, **route.headers}
                if route.status == 200 and self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", route.content_type, headers)
                self._send(route.status, body, route.content_type, headers)

            def _send(self, status, body, content_type, headers):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def find(self, path: str) -> Route | None:
        route = self.routes.get(path) or self.routes.get(urlsplit(path).path)
        if route is not None and route.dynamic is not None:
            return route.dynamic(self, path)
        return route

    def add(self, path: str, file: str | None = None, **options) -> str:
        if file is not None:
            options["body"] = (FIXTURES / file).read_bytes()
        self.routes[path] = Route(**options)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def remote(settings):
    """The fixture server; loopback targets are allowed for the guarded client."""
    settings.ALLOW_PRIVATE_TARGETS = True
    server = FixtureServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def make_source(db):
    def make(kind="rss", name=None, config=None, **fields) -> Source:
        return Source.objects.create(
            kind=kind, name=name or f"{kind} source", config=config or {}, **fields
        )

    return make


@pytest.fixture
def make_query(db):
    def make(text, name=None, **fields) -> Query:
        return Query.objects.create(name=name or text[:40], text=text, **fields)

    return make


@pytest.fixture
def make_mentions(db):
    """``make_mentions("text one", "text two", language="fr")`` stores mentions via ingest."""

    def make(*texts, **fields) -> list[Mention]:
        raws = [
            RawMention(external_id=f"t-{i}-{hash(t)}", text=t, **fields)
            for i, t in enumerate(texts)
        ]
        ingest(raws, platform=fields.pop("platform", "test"))
        return list(Mention.objects.order_by("id"))

    return make


class Recorder(ThreadingHTTPServer):
    """A local HTTP server that records every POST (apprise json:// lands here)."""

    requests: list[dict]


@pytest.fixture
def recorder(settings):
    import json

    settings.ALLOW_PRIVATE_TARGETS = True

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
            self.server.requests.append({"path": self.path, "json": payload})
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = Recorder(("127.0.0.1", 0), Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def put_mentions(db):
    """``put_mentions([(when, sentiment), …], query=q)``: stored directly, no analysis."""
    import itertools

    counter = itertools.count()

    def put(rows, query=None, **fields) -> list[Mention]:
        from belvedere.listening.models import MentionMatch

        mentions = Mention.objects.bulk_create(
            Mention(
                platform=fields.get("platform", "test"),
                external_id=f"p-{next(counter)}-{id(rows)}",
                published_at=when,
                sentiment=sentiment,
                **{k: v for k, v in fields.items() if k != "platform"},
            )
            for when, sentiment in rows
        )
        if query is not None:
            MentionMatch.objects.bulk_create(MentionMatch(mention=m, query=query) for m in mentions)
        return mentions

    return put
