"""Which IP addresses the guarded client may connect to.

Only public unicast addresses are allowed by default. ``classify`` names the reason an
address is not public; ``AddressPolicy`` adds the operator's exceptions (``allow_private``
and the admins' allow-list of host names and networks).
"""

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field

from belvedere.net.errors import UnsafeURLError
from belvedere.net.hosts import IPAddress, IPNetwork, ip_literal, parse_allowed_host

# Never allowed, whatever the settings: no legitimate TCP target lives there.
ALWAYS_REFUSED = frozenset({"unspecified", "multicast", "broadcast"})
# Refused even with allow_private; only an explicit allow-list entry opens them.
METADATA = "cloud metadata"

_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "100.100.100.200", "fd00:ec2::254")
)


def _table(*rows: tuple[str, str]) -> tuple[tuple[IPNetwork, str], ...]:
    return tuple((ipaddress.ip_network(net), reason) for net, reason in rows)


# First match wins, so narrow blocks come before the wide ones containing them.
_V4 = _table(
    ("0.0.0.0/8", "unspecified"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "carrier-grade NAT"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "reserved"),
    ("192.0.2.0/24", "documentation"),
    ("192.88.99.0/24", "reserved"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "benchmarking"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("224.0.0.0/4", "multicast"),
    ("255.255.255.255/32", "broadcast"),
    ("240.0.0.0/4", "reserved"),
)
_V6 = _table(
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("::/96", "reserved"),  # IPv4-compatible, deprecated
    ("64:ff9b::/96", "NAT64"),
    ("64:ff9b:1::/48", "NAT64"),
    ("100::/64", "reserved"),
    ("2001:db8::/32", "documentation"),
    ("2001::/23", "reserved"),  # protocol assignments, Teredo
    ("3fff::/20", "documentation"),
    ("fc00::/7", "private"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
)
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")


def unmap(ip: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped IPv6 address (``::ffff:a.b.c.d``), else ``ip``."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def classify(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public unicast address (e.g. ``"loopback"``), or ``None`` if it is."""
    ip = unmap(ip)
    if ip in _METADATA_ADDRESSES:
        return METADATA
    if isinstance(ip, ipaddress.IPv4Address):
        return next((reason for net, reason in _V4 if ip in net), None)
    if ip.sixtofour is not None:
        inner = classify(ip.sixtofour)
        return f"{inner} (inside 6to4)" if inner else None
    reason = next((reason for net, reason in _V6 if ip in net), None)
    if reason is None and ip not in _GLOBAL_UNICAST_V6:
        return "reserved"
    return reason


def _is_literal(host: str) -> bool:
    try:
        return ip_literal(host) is not None
    except ValueError:
        return True


@dataclass(frozen=True)
class AddressPolicy:
    """The default refusal of non-public addresses plus the operator's exceptions."""

    allow_private: bool = False
    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = field(default=())

    @classmethod
    def build(
        cls, *, allow_private: bool = False, allow_hosts: Iterable[str] = ()
    ) -> "AddressPolicy":
        """Parse allow-list entries (host names, addresses, CIDR blocks); ValueError if bad."""
        hosts: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in allow_hosts:
            parsed = parse_allowed_host(entry)
            if isinstance(parsed, str):
                hosts.add(parsed)
            else:
                networks.append(parsed)
        return cls(allow_private=allow_private, hosts=frozenset(hosts), networks=tuple(networks))

    def host_allowed(self, host: str) -> bool:
        """Whether the admins listed this host name."""
        return host.lower() in self.hosts

    def refusal(self, ip: IPAddress, host: str = "") -> str | None:
        """Why connecting to ``ip`` (reached through ``host``) is refused, or ``None``."""
        ip = unmap(ip)
        reason = classify(ip)
        if reason is None or reason in ALWAYS_REFUSED:
            return reason
        if self.host_allowed(host) or any(ip in net for net in self.networks):
            return None
        if self.allow_private and reason != METADATA:
            return None
        return reason

    def check(self, ip: IPAddress, host: str = "", *, url: str = "") -> None:
        """Raise UnsafeURLError if the policy refuses ``ip``."""
        reason = self.refusal(ip, host)
        if reason is None:
            return
        where = f"{host} resolves to {ip}" if host and not _is_literal(host) else str(ip)
        article = "an" if reason[0] in "aeiou" else "a"
        advice = (
            "" if reason in ALWAYS_REFUSED else " An administrator can add it to the allowed hosts."
        )
        raise UnsafeURLError(
            f"{where}, {article} {reason} address: Belvedere does not fetch private or internal "
            f"addresses.{advice}",
            url=url,
        )
