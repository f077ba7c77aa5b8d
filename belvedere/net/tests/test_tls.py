"""HTTPS through the guarded backend: SNI and the certificate check use the host name."""

import ipaddress
import shutil
import ssl
import subprocess
import threading

import pytest

from belvedere.net import FetchConnectionError, fetch
from belvedere.net import resolve as resolver
from belvedere.net.tests.httpserver import RecordingServer

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for tls.example."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=tls.example", "-addext", "subjectAltName=DNS:tls.example",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    seen_names: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: seen_names.append(name)
    httpd = RecordingServer()
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True).start()
    yield httpd, ssl.create_default_context(cafile=str(cert)), seen_names
    httpd.shutdown()
    httpd.server_close()


def test_https_uses_host_name_for_sni_and_certificate(tls_server, monkeypatch):
    httpd, client_context, seen_names = tls_server
    monkeypatch.setattr(resolver, "resolve", lambda host, port: [ipaddress.ip_address("127.0.0.1")])
    url = f"https://tls.example:{httpd.port}/ok"
    response = fetch(url, allow_hosts=["tls.example"], verify=client_context)
    assert response.text == "hello"
    assert seen_names == ["tls.example"]


def test_https_certificate_for_another_name_fails_readably(tls_server, monkeypatch):
    httpd, client_context, _ = tls_server
    monkeypatch.setattr(resolver, "resolve", lambda host, port: [ipaddress.ip_address("127.0.0.1")])
    with pytest.raises(FetchConnectionError, match="could not connect"):
        fetch(f"https://other.example:{httpd.port}/ok", allow_private=True, verify=client_context)
