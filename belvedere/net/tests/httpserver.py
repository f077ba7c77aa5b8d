"""A real HTTP server on 127.0.0.1 (random port) for tests of the guarded client."""

import gzip
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MB = 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    """Routes named after what they do to the client."""

    server: "RecordingServer"

    def log_message(self, format: str, *args: object) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:
        path, _, _ = self.path.partition("?")
        self.server.paths.append(path)
        route = getattr(self, "route_" + path.strip("/").replace("-", "_"), None)
        if route is None:
            self.send_error(404)
        else:
            route()

    def do_HEAD(self) -> None:
        self.do_GET()

    def query(self, name: str) -> str:
        return parse_qs(urlsplit(self.path).query).get(name, [""])[0]

    def reply(self, body: bytes, status: int = 200, **headers: str) -> None:
        self.send_response(status)
        headers = {name.replace("_", "-"): value for name, value in headers.items()}
        headers.setdefault("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def route_ok(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        self.reply(b"hello", ETag='"v1"', Last_Modified="Tue, 25 Nov 2025 10:00:00 GMT")

    def route_echo(self) -> None:
        self.reply(json.dumps(dict(self.headers.items())).encode(), Content_Type="application/json")

    def route_redirect(self) -> None:
        self.reply(b"", status=302, Location=self.query("to"))

    def route_loop(self) -> None:
        self.reply(b"", status=302, Location="/loop")

    def route_big(self) -> None:
        """2 MB with no Content-Length: only counting the bytes can stop it."""
        self.send_response(200)
        self.end_headers()
        for _ in range(32):
            self.wfile.write(b"x" * 65536)

    def route_announced(self) -> None:
        self.reply(b"tiny", Content_Length=str(50 * MB))

    def route_lying(self) -> None:
        """Announces 100 bytes, then keeps sending."""
        self.send_response(200)
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _ in range(32):
            self.wfile.write(b"y" * 65536)

    def route_bomb(self) -> None:
        """300 KB of gzip that inflates to 3 MB."""
        self.reply(gzip.compress(b"\0" * (3 * MB)), Content_Encoding="gzip")

    def route_slow(self) -> None:
        time.sleep(float(self.query("s") or 2))
        self.reply(b"late")

    def route_trickle(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b"z")
            self.wfile.flush()
            time.sleep(0.05)


class RecordingServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.paths: list[str] = []

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hanging up on a capped body is expected

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/ok", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@contextmanager
def running_server() -> Iterator[RecordingServer]:
    """A RecordingServer answering in a background thread until the block ends."""
    httpd = RecordingServer()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
