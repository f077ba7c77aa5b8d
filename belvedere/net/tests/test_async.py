"""The async client keeps the same rules as the sync one."""

import asyncio
import ipaddress

import pytest

from belvedere.net import (
    AsyncGuardedClient,
    FetchTimeout,
    ResponseTooLarge,
    UnsafeURLError,
    afetch,
)
from belvedere.net import resolve as resolver


def run(coro):
    return asyncio.run(coro)


def test_afetch_refuses_loopback_by_default(server):
    with pytest.raises(UnsafeURLError, match="loopback"):
        run(afetch(server.url()))
    assert server.paths == []


def test_afetch_allows_allow_listed_host(server):
    response = run(afetch(server.url(), allow_hosts=["127.0.0.1"]))
    assert (response.status_code, response.text) == (200, "hello")


def test_async_redirect_to_refused_address_is_refused(server):
    start = server.url(f"/redirect?to={server.url()}", host="localhost")
    with pytest.raises(UnsafeURLError, match="which is refused"):
        run(afetch(start, allow_hosts=["localhost"]))
    assert server.paths == ["/redirect"]


def test_async_size_cap_and_timeout(server):
    async def both():
        async with AsyncGuardedClient(allow_private=True, max_bytes=1000, read_timeout=0.3) as c:
            with pytest.raises(ResponseTooLarge):
                await c.get(server.url("/big"))
            with pytest.raises(FetchTimeout):
                await c.get(server.url("/slow?s=2"))
            return await c.get(server.url("/ok"), headers={"If-None-Match": '"v1"'})

    assert run(both()).status_code == 304


def test_async_rebinding_is_refused_at_connect_time(server, monkeypatch):
    monkeypatch.setattr(resolver, "resolve", lambda host, port: [ipaddress.ip_address("::1")])
    with pytest.raises(UnsafeURLError, match="rebind.example resolves to ::1"):
        run(afetch(server.url(host="rebind.example")))
