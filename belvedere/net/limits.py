"""Limits, the User-Agent and the translation of httpx errors into readable FetchErrors."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata

import httpx

from belvedere.net.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeout,
    ResponseTooLarge,
    TooManyRedirects,
    UnsafeURLError,
)
from belvedere.net.policy import AddressPolicy
from belvedere.net.urls import check_url

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take. Timeouts are in seconds."""

    connect_timeout: float = 10.0
    read_timeout: float = 10.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * MB
    max_redirects: int = 5

    def httpx_timeout(self) -> httpx.Timeout:
        return httpx.Timeout(
            connect=self.connect_timeout,
            read=self.read_timeout,
            write=self.read_timeout,
            pool=self.connect_timeout,
        )


def human_size(size: int) -> str:
    """``10 MB``, ``512 KB`` or ``300 bytes``."""
    if size >= MB:
        return f"{size / MB:.3g} MB"
    return f"{size / 1024:.3g} KB" if size >= 1024 else f"{size} bytes"


def version() -> str:
    """Installed version of Belvedere, ``"dev"`` when running from a plain checkout."""
    try:
        return metadata.version("belvedere")
    except metadata.PackageNotFoundError:
        return "dev"


def user_agent(base_url: str = "") -> str:
    """``Belvedere/<version> (+<base url>)``: says who fetches and where to learn more."""
    suffix = f" (+{base_url})" if base_url else ""
    return f"Belvedere/{version()}{suffix}"


_TIMEOUT_WHAT = {
    httpx.ConnectTimeout: "to accept the connection",
    httpx.ReadTimeout: "to send its answer",
    httpx.WriteTimeout: "to receive the request",
    httpx.PoolTimeout: "to free a connection",
}


@contextmanager
def readable_errors(url: str) -> Iterator[None]:
    """Turn httpx exceptions raised inside the block into FetchError subclasses."""
    try:
        yield
    except FetchError:
        raise
    except httpx.TimeoutException as exc:
        what = _TIMEOUT_WHAT.get(type(exc), "to answer")
        raise FetchTimeout(f"{url}: the server took too long {what}", url=url)
    except httpx.TooManyRedirects:
        raise TooManyRedirects(f"{url}: too many redirects", url=url)
    except (httpx.ConnectError, httpx.NetworkError) as exc:
        raise FetchConnectionError(
            f"{url}: could not connect ({exc or type(exc).__name__})", url=url
        )
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {exc or type(exc).__name__}", url=url)


def check_redirect(response: httpx.Response, policy: AddressPolicy, hops: int, limit: int) -> None:
    """Refuse the redirect ``response`` points to if it is one too many or its URL is unsafe."""
    source = str(response.request.url)
    if hops > limit:
        raise TooManyRedirects(f"{source}: more than {limit} redirects", url=source)
    assert response.next_request is not None
    target = str(response.next_request.url)
    try:
        check_url(target, policy=policy)
    except UnsafeURLError as exc:
        raise UnsafeURLError(f"{source} redirects to {target}, which is refused: {exc}", url=target)


class BodyCap:
    """Counts body bytes against the size cap and the total deadline of one fetch."""

    def __init__(self, limits: Limits, url: str, started: float) -> None:
        self.limits = limits
        self.url = url
        self.deadline = started + limits.total_timeout
        self.size = 0
        self.chunks: list[bytes] = []

    def check_headers(self, response: httpx.Response) -> None:
        """Refuse early when the server announces a body above the cap."""
        announced = response.headers.get("content-length", "")
        if announced.isdigit() and int(announced) > self.limits.max_bytes:
            self._too_large(f"announces {int(announced)} bytes")

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limits.max_bytes:
            self._too_large("sent more")
        if time.monotonic() > self.deadline:
            raise FetchTimeout(
                f"{self.url}: the download took longer than {self.limits.total_timeout:g} s",
                url=self.url,
            )
        self.chunks.append(chunk)

    def finish(self, response: httpx.Response) -> httpx.Response:
        """Store the body on the response so ``.content``, ``.text`` and ``.json()`` work."""
        response._content = b"".join(self.chunks)  # what httpx's own read() stores
        return response

    def _too_large(self, detail: str) -> None:
        raise ResponseTooLarge(
            f"{self.url}: the response is larger than the limit of "
            f"{human_size(self.limits.max_bytes)} (the server {detail})",
            url=self.url,
        )
