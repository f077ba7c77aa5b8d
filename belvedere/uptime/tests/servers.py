"""Real servers on 127.0.0.1 for the uptime tests: a web site that can go down and come
back, a TCP port, a TLS port with a chosen certificate, and an API that records requests."""

import contextlib
import datetime
import json
import socket
import socketserver
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SiteHandler(BaseHTTPRequestHandler):
    server: "SiteServer"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        site = self.server.site
        site.hits += 1
        if site.delay:
            time.sleep(site.delay)
        body = site.body.encode()
        self.send_response(site.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass


class Site:
    """An HTTP site on a fixed port; `stop()` closes the port, `start()` opens it again."""

    def __init__(self):
        self.status, self.body, self.delay, self.hits = 200, "<h1>Welcome</h1>", 0.0, 0
        self.port = _free_port()
        self._server = None

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self):
        self._server = SiteServer(("127.0.0.1", self.port), SiteHandler)
        self._server.site = self
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Quiet(socketserver.BaseRequestHandler):
    def handle(self):
        with contextlib.suppress(OSError):
            self.request.recv(1)


class TcpPort:
    """A TCP listener on a fixed port that can be closed and reopened."""

    def __init__(self, tls_context: ssl.SSLContext | None = None):
        self.port = _free_port()
        self.tls_context = tls_context
        self._server = None

    def start(self):
        server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), _Quiet, False)
        server.allow_reuse_address = True
        server.daemon_threads = True
        server.server_bind()
        server.server_activate()
        if self.tls_context is not None:
            server.socket = self.tls_context.wrap_socket(server.socket, server_side=True)
        self._server = server
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def self_signed(tmp_path, *, days: float) -> ssl.SSLContext:
    """A server context whose certificate for 127.0.0.1 expires in `days` days."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context


class RecorderHandler(BaseHTTPRequestHandler):
    server: "Recorder"

    def log_message(self, format, *args):
        pass

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode(errors="replace")
        path = self.path
        self.server.requests.append(
            {"method": self.command, "path": path, "headers": dict(self.headers), "json": body}
        )
        status, answer = self.server.answer(self.command, path.partition("?")[0])
        data = json.dumps(answer).encode() if answer is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = _handle


class Recorder(ThreadingHTTPServer):
    """Records each request; answers from `routes` {(METHOD, path): (status, json)}."""

    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RecorderHandler)
        self.requests: list[dict] = []
        self.routes: dict[tuple[str, str], tuple[int, object]] = {}

    def answer(self, method, path):
        return self.routes.get((method, path), (200, {}))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self):
        threading.Thread(target=self.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()
