"""Name resolution, in one place so the address we check is the address we connect to.

Tests replace ``resolve`` (``monkeypatch.setattr(belvedere.net.resolve, "resolve", ...)``);
callers look it up on this module at call time for that reason.
"""

import ipaddress
import socket

from belvedere.net.errors import FetchConnectionError
from belvedere.net.hosts import IPAddress, ip_literal


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to for a TCP connection, in the resolver's order."""
    literal = ip_literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchConnectionError(f"could not resolve the host name {host!r} ({exc})")
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchConnectionError(f"the host name {host!r} has no address")
    return addresses
