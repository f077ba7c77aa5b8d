"""GuardedClient: the one way Belvedere fetches a URL somebody typed (sync)."""

import time
from collections.abc import Iterable, Mapping
from typing import Any

import httpx

from belvedere.net.limits import BodyCap, Limits, check_redirect, readable_errors, user_agent
from belvedere.net.policy import AddressPolicy
from belvedere.net.transport import GuardedTransport
from belvedere.net.urls import check_url


def build_httpx_options(limits: Limits, agent: str | None) -> dict[str, Any]:
    """Options shared by the sync and async httpx clients."""
    return {
        "timeout": limits.httpx_timeout(),
        "follow_redirects": False,  # we follow them ourselves, checking each target
        "trust_env": False,  # no proxy or netrc from the environment
        "headers": {"User-Agent": agent or user_agent()},
    }


class GuardedClient:
    """Fetch http(s) URLs with timeouts, a size cap, checked redirects and an SSRF guard.

    Responses come back fully read (``.content``, ``.text``, ``.json()``); redirects are
    followed up to ``max_redirects`` and every hop is checked. Pass conditional headers
    (``If-None-Match``, ``If-Modified-Since``) in ``headers``; a 304 is returned as is.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        allow_hosts: Iterable[str] = (),
        user_agent: str | None = None,
        verify: Any = True,
        **limits: Any,
    ) -> None:
        self.policy = AddressPolicy.build(allow_private=allow_private, allow_hosts=allow_hosts)
        self.limits = Limits(**limits)
        self._client = httpx.Client(
            transport=GuardedTransport(self.policy, verify=verify),
            **build_httpx_options(self.limits, user_agent),
        )

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
        follow_redirects: bool = True,
    ) -> httpx.Response:
        """Send one request (following redirects) and return the response with its body read."""
        started = time.monotonic()
        checked = check_url(url, policy=self.policy)
        with readable_errors(url):
            request = self._client.build_request(method, checked, headers=headers, content=content)
            response = self._send_following(request, follow_redirects)
            try:
                return self._read(response, started)
            finally:
                response.close()
                self._client.cookies.clear()

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def head(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("HEAD", url, **kwargs)

    def _send_following(self, request: httpx.Request, follow: bool) -> httpx.Response:
        history: list[httpx.Response] = []
        while True:
            response = self._client.send(request, stream=True)
            if not follow or response.next_request is None:
                response.history = history
                return response
            response.close()
            history.append(response)
            check_redirect(response, self.policy, len(history), self.limits.max_redirects)
            request = response.next_request

    def _read(self, response: httpx.Response, started: float) -> httpx.Response:
        cap = BodyCap(self.limits, str(response.url), started)
        cap.check_headers(response)
        for chunk in response.iter_bytes():
            cap.add(chunk)
        return cap.finish(response)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "GuardedClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    content: bytes | None = None,
    **client_options: Any,
) -> httpx.Response:
    """One guarded request with a client of its own; options as for GuardedClient."""
    with GuardedClient(**client_options) as client:
        return client.request(method, url, headers=headers, content=content)
