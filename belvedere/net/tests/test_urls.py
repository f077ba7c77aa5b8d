"""check_url: schemes, credentials, host forms and literal addresses."""

import ipaddress
import socket

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from belvedere.net import UnsafeURLError, check_url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("gopher://example.com/", "only http:// and https://"),
        ("example.com/page", "has no scheme"),
        ("http:///path", "has no host"),
        ("http://user:secret@example.com/", "user name or password"),
        ("http://example.com@127.0.0.1/", "user name or password"),
        ("http://example.com:0/", "port 0"),
        ("http://localhost/", "loopback"),
        ("http://app.localhost/", "loopback"),
        ("http://example.com./", "ends with a dot"),
        ("http://localhost./", "ends with a dot"),
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1/", "unusual form"),
        ("http://2130706433/", "unusual form"),
        ("http://0x7f000001/", "unusual form"),
        ("http://0x7f.1/", "unusual form"),
        ("http://0177.0.0.1/", "not a valid URL"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:a9fe:a9fe]/", "cloud metadata"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[fe80::1%25eth0]/", "zone id"),
        ("http://[64:ff9b::7f00:1]/", "NAT64"),
        ("http://0.0.0.0:8000/", "unspecified"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://exa mple.com/", "not a valid host name"),
        ("http://" + "a" * 5000 + ".com/", "longer than"),
    ],
)
def test_check_url_refuses(url, message):
    with pytest.raises(UnsafeURLError, match=message):
        check_url(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/feed?x=1", "https://example.com/feed?x=1"),
        ("HTTP://Example.COM:8080/a", "http://example.com:8080/a"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("http://8.8.8.8/", "http://8.8.8.8/"),
        ("http://[2606:4700:4700::1111]/", "http://[2606:4700:4700::1111]/"),
        ("  https://example.com/  ", "https://example.com/"),
    ],
)
def test_check_url_accepts_public_urls(url, expected):
    assert str(check_url(url)) == expected


def test_check_url_returns_an_httpx_url():
    assert isinstance(check_url("https://example.com/"), httpx.URL)


def test_allow_private_and_allow_hosts_open_literal_addresses():
    assert check_url("http://10.0.0.5/", allow_private=True)
    assert check_url("http://localhost:8000/", allow_hosts=["localhost"])
    assert check_url("http://[fd12::1]/", allow_hosts=["fd12::/16"])
    with pytest.raises(UnsafeURLError):
        check_url("http://10.0.0.5/", allow_hosts=["localhost"])


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_numeric_ipv4_forms_are_refused(number):
    for host in (str(number), hex(number), f"0x{number:x}.0"):
        with pytest.raises(UnsafeURLError):
            check_url(f"http://{host}/")


@given(st.ip_addresses(v=4))
def test_short_dotted_forms_are_refused(address):
    a, b, c, d = address.packed
    with pytest.raises(UnsafeURLError):
        check_url(f"http://{a}.{(b << 16) + (c << 8) + d}/")


@given(st.ip_addresses(v=4))
def test_dotted_quad_follows_the_policy(address):
    refused = not address.is_global or address.is_multicast
    try:
        check_url(f"http://{address}/")
    except UnsafeURLError:
        return
    assert not refused


@given(st.text(max_size=60))
def test_check_url_only_ever_raises_unsafe_url_error(text):
    for url in (text, "http://" + text, "https://" + text + "/x"):
        try:
            parsed = check_url(url)
        except UnsafeURLError:
            continue
        assert parsed.scheme in ("http", "https")
        assert not parsed.userinfo
        host = parsed.raw_host.decode()
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            with pytest.raises(OSError):
                socket.inet_aton(host)  # a name: never an odd IPv4 spelling
        else:
            assert address.is_global
