"""httpx transports whose TCP connections only reach addresses the policy allows.

httpcore asks its network backend to ``connect_tcp(host, port)``. Our backend resolves the
host once, checks every address it gets, then connects to a checked *address*, so a DNS
answer that changes between a check and the connection (rebinding) cannot slip through.
TLS (SNI, certificate check) and the Host header still use the host name: httpcore takes
them from the request's origin, not from the socket.
"""

import functools
from collections.abc import Iterable
from typing import Any

import anyio.to_thread
import httpcore
import httpx

from belvedere.net import resolve as resolver
from belvedere.net.errors import UnsafeURLError
from belvedere.net.hosts import IPAddress
from belvedere.net.policy import AddressPolicy, unmap

_POOL = {"max_connections": 20, "max_keepalive_connections": 10, "keepalive_expiry": 5.0}


def checked_addresses(policy: AddressPolicy, host: str, port: int) -> list[IPAddress]:
    """Resolve ``host`` and return its addresses; UnsafeURLError if any one of them is refused."""
    addresses = [unmap(address) for address in resolver.resolve(host, port)]
    for address in addresses:
        policy.check(address, host)
    return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """A sync network backend that checks the resolved address before connecting to it."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in checked_addresses(self.policy, host, port):
            try:
                return self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise UnsafeURLError("Unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class AsyncGuardedBackend(httpcore.AsyncNetworkBackend):
    """The async twin of GuardedBackend; resolution runs in a worker thread."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        check = functools.partial(checked_addresses, self.policy, host, port)
        error: Exception | None = None
        for address in await anyio.to_thread.run_sync(check):
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise UnsafeURLError("Unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with the guarded backend plugged into its connection pool."""

    def __init__(self, policy: AddressPolicy, *, verify: Any = True) -> None:
        super().__init__(verify=verify, trust_env=False)
        # HTTPTransport offers no network_backend argument: rebuild its pool with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            network_backend=GuardedBackend(policy),
            **_POOL,
        )


class AsyncGuardedTransport(httpx.AsyncHTTPTransport):
    """The async twin of GuardedTransport."""

    def __init__(self, policy: AddressPolicy, *, verify: Any = True) -> None:
        super().__init__(verify=verify, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            network_backend=AsyncGuardedBackend(policy),
            **_POOL,
        )
