"""AsyncGuardedClient: the async twin of GuardedClient (same rules, same errors)."""

import time
from collections.abc import Iterable, Mapping
from typing import Any

import httpx

from belvedere.net.client import build_httpx_options
from belvedere.net.limits import BodyCap, Limits, check_redirect, readable_errors
from belvedere.net.policy import AddressPolicy
from belvedere.net.transport import AsyncGuardedTransport
from belvedere.net.urls import check_url


class AsyncGuardedClient:
    """Async guarded fetching; see GuardedClient for the rules."""

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
        self._client = httpx.AsyncClient(
            transport=AsyncGuardedTransport(self.policy, verify=verify),
            **build_httpx_options(self.limits, user_agent),
        )

    async def request(
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
            response = await self._send_following(request, follow_redirects)
            try:
                return await self._read(response, started)
            finally:
                await response.aclose()
                self._client.cookies.clear()

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def head(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("HEAD", url, **kwargs)

    async def _send_following(self, request: httpx.Request, follow: bool) -> httpx.Response:
        history: list[httpx.Response] = []
        while True:
            response = await self._client.send(request, stream=True)
            if not follow or response.next_request is None:
                response.history = history
                return response
            await response.aclose()
            history.append(response)
            check_redirect(response, self.policy, len(history), self.limits.max_redirects)
            request = response.next_request

    async def _read(self, response: httpx.Response, started: float) -> httpx.Response:
        cap = BodyCap(self.limits, str(response.url), started)
        cap.check_headers(response)
        async for chunk in response.aiter_bytes():
            cap.add(chunk)
        return cap.finish(response)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> "AsyncGuardedClient":
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


async def afetch(
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    content: bytes | None = None,
    **client_options: Any,
) -> httpx.Response:
    """One guarded async request with a client of its own; options as for AsyncGuardedClient."""
    async with AsyncGuardedClient(**client_options) as client:
        return await client.request(method, url, headers=headers, content=content)
