"""The sync client against a real server on 127.0.0.1."""

import json

import pytest

from belvedere.net import (
    FetchTimeout,
    GuardedClient,
    ResponseTooLarge,
    TooManyRedirects,
    UnsafeURLError,
    fetch,
)

KB = 1024


def test_fetch_refuses_loopback_by_default(server):
    with pytest.raises(UnsafeURLError, match="loopback"):
        fetch(server.url())
    assert server.paths == []


def test_fetch_refuses_localhost_by_name(server):
    with pytest.raises(UnsafeURLError, match="localhost resolves to 127.0.0.1"):
        fetch(server.url(host="localhost"))
    assert server.paths == []


def test_fetch_allows_loopback_with_allow_private(server):
    response = fetch(server.url(), allow_private=True)
    assert response.status_code == 200
    assert response.text == "hello"


@pytest.mark.parametrize("entry", ["127.0.0.1", "127.0.0.0/8", "localhost"])
def test_fetch_allows_allow_listed_host(server, entry):
    host = "localhost" if entry == "localhost" else "127.0.0.1"
    response = fetch(server.url(host=host), allow_hosts=[entry])
    assert response.content == b"hello"


def test_allow_list_entry_opens_only_that_host(server):
    with pytest.raises(UnsafeURLError):
        fetch(server.url(), allow_hosts=["10.0.0.0/8", "intranet.example"])


def test_client_sends_user_agent_and_conditional_headers(server):
    with GuardedClient(allow_private=True, user_agent="Belvedere/9 (+https://b.example)") as c:
        echoed = c.get(server.url("/echo"), headers={"If-None-Match": '"v1"'}).json()
        not_modified = c.get(server.url("/ok"), headers={"If-None-Match": '"v1"'})
    assert echoed["User-Agent"] == "Belvedere/9 (+https://b.example)"
    assert echoed["If-None-Match"] == '"v1"'
    assert echoed["Host"] == f"127.0.0.1:{server.port}"
    assert not_modified.status_code == 304
    assert not_modified.headers["ETag"] == '"v1"'


def test_default_user_agent_names_belvedere(server):
    echoed = fetch(server.url("/echo"), allow_private=True).json()
    assert echoed["User-Agent"].startswith("Belvedere/")


def test_head_request_works(server):
    response = GuardedClient(allow_private=True).head(server.url())
    assert response.status_code == 200
    assert response.content == b""


def test_redirect_is_followed_and_recorded(server):
    response = fetch(server.url(f"/redirect?to={server.url('/ok')}"), allow_private=True)
    assert response.text == "hello"
    assert [r.status_code for r in response.history] == [302]
    assert str(response.url) == server.url("/ok")


def test_redirect_from_allowed_host_to_refused_address_is_refused(server):
    target = server.url("/ok")  # 127.0.0.1: not on the allow-list, unlike "localhost"
    start = server.url(f"/redirect?to={target}", host="localhost")
    with pytest.raises(UnsafeURLError, match="redirects to .* which is refused"):
        fetch(start, allow_hosts=["localhost"])
    assert server.paths == ["/redirect"]


@pytest.mark.parametrize(
    "target",
    ["http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "http://[::1]:80/"],
)
def test_redirect_to_internal_target_is_refused(server, target):
    with pytest.raises(UnsafeURLError, match="refused"):
        fetch(server.url(f"/redirect?to={target}"), allow_hosts=["127.0.0.1"])


def test_redirect_to_metadata_is_refused_even_with_allow_private(server):
    with pytest.raises(UnsafeURLError, match="cloud metadata"):
        fetch(server.url("/redirect?to=http://169.254.169.254/"), allow_private=True)


def test_too_many_redirects(server):
    with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
        fetch(server.url("/loop"), allow_private=True, max_redirects=3)
    assert server.paths == ["/loop"] * 4


def test_redirect_not_followed_when_asked(server):
    client = GuardedClient(allow_private=True)
    response = client.get(server.url("/loop"), follow_redirects=False)
    assert response.status_code == 302


def test_streamed_body_over_cap_is_refused(server):
    with pytest.raises(ResponseTooLarge, match="larger than the limit of 512 KB"):
        fetch(server.url("/big"), allow_private=True, max_bytes=512 * KB)


def test_streamed_body_under_cap_is_read(server):
    assert len(fetch(server.url("/big"), allow_private=True).content) == 2 * 1024 * KB


def test_announced_length_over_cap_is_refused_before_reading(server):
    with pytest.raises(ResponseTooLarge, match="announces 52428800 bytes"):
        fetch(server.url("/announced"), allow_private=True)


def test_lying_content_length_never_yields_more_than_announced(server):
    response = fetch(server.url("/lying"), allow_private=True, max_bytes=1000)
    assert len(response.content) == 100


def test_decompressed_size_counts_against_cap(server):
    with pytest.raises(ResponseTooLarge):
        fetch(server.url("/bomb"), allow_private=True, max_bytes=1024 * KB)


def test_slow_server_raises_readable_timeout(server):
    with pytest.raises(FetchTimeout, match="took too long to send its answer"):
        fetch(server.url("/slow?s=2"), allow_private=True, read_timeout=0.3)


def test_trickling_body_hits_total_timeout(server):
    with pytest.raises(FetchTimeout, match=r"longer than 0.5 s"):
        fetch(server.url("/trickle"), allow_private=True, read_timeout=2, total_timeout=0.5)


def test_connection_refused_is_readable():
    from belvedere.net import FetchConnectionError

    with pytest.raises(FetchConnectionError, match="could not connect"):
        fetch("http://127.0.0.1:1/", allow_private=True, connect_timeout=1)


def test_env_proxy_is_ignored(server, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://10.255.255.1:3128")
    monkeypatch.setenv("ALL_PROXY", "http://10.255.255.1:3128")
    assert fetch(server.url(), allow_private=True, connect_timeout=1).text == "hello"


def test_cookies_do_not_leak_between_fetches(server):
    client = GuardedClient(allow_private=True)
    client.get(server.url())
    assert json.loads(client.get(server.url("/echo")).text).get("Cookie") is None
