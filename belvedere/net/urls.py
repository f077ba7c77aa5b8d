"""URL checks done before any connection: scheme, credentials, host form, literal addresses."""

import ipaddress
from collections.abc import Iterable

import httpx

from belvedere.net import resolve as resolver
from belvedere.net.errors import UnsafeURLError
from belvedere.net.hosts import ip_literal, normalize_hostname
from belvedere.net.policy import AddressPolicy

ALLOWED_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 4096
_LOOPBACK = ipaddress.IPv4Address("127.0.0.1")


def check_url(
    url: str | httpx.URL,
    *,
    allow_private: bool = False,
    allow_hosts: Iterable[str] = (),
    policy: AddressPolicy | None = None,
    resolve: bool = False,
) -> httpx.URL:
    """The parsed URL if the guarded client may fetch it; UnsafeURLError with a reason otherwise.

    Checks the scheme, credentials, port and host form, and the address when the host is an
    IP literal. With ``resolve=True`` it also resolves the name and checks every address: a
    useful early answer in forms, but the client checks again at connect time regardless.
    ``policy`` replaces ``allow_private`` and ``allow_hosts`` when given.
    """
    if policy is None:
        policy = AddressPolicy.build(allow_private=allow_private, allow_hosts=allow_hosts)
    text = str(url)
    parsed = _parse(text)
    host = _check_host(parsed, text)
    address = _host_address(host, text)
    if address is not None:
        policy.check(address, host, url=text)
    elif host == "localhost" or host.endswith(".localhost"):
        policy.check(_LOOPBACK, host, url=text)
    elif resolve:
        for found in resolver.resolve(host, parsed.port or _default_port(parsed)):
            policy.check(found, host, url=text)
    return parsed


def _parse(text: str) -> httpx.URL:
    if len(text) > MAX_URL_LENGTH:
        raise UnsafeURLError(f"the URL is longer than {MAX_URL_LENGTH} characters", url=text[:200])
    try:
        parsed = httpx.URL(text.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise UnsafeURLError(f"{text!r} is not a valid URL ({exc})", url=text)
    if not parsed.scheme:
        raise UnsafeURLError(f"{text!r} has no scheme; start it with https://", url=text)
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise UnsafeURLError(
            f"only http:// and https:// URLs can be fetched, not {parsed.scheme}://", url=text
        )
    if parsed.userinfo:
        raise UnsafeURLError(
            "the URL contains a user name or password; remove the part before '@'", url=text
        )
    if parsed.port == 0:
        raise UnsafeURLError("port 0 is not a valid port", url=text)
    return parsed


def _check_host(parsed: httpx.URL, text: str) -> str:
    host = parsed.raw_host.decode("ascii", errors="replace").lower()
    if not host:
        raise UnsafeURLError(f"{text!r} has no host name", url=text)
    if host.endswith("."):
        raise UnsafeURLError(f"the host name {host!r} ends with a dot; remove it", url=text)
    return host


def _host_address(host: str, text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ip_literal(host)
        if address is None:
            normalize_hostname(host)
    except ValueError as exc:
        raise UnsafeURLError(str(exc), url=text)
    return address


def _default_port(parsed: httpx.URL) -> int:
    return 443 if parsed.scheme == "https" else 80
