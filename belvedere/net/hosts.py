"""Host names and IP literals: normalisation and the odd forms we refuse to guess about."""

import ipaddress
import re

import idna

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
# A label that inet_aton() would read as a number: 127, 0177, 0x7f, 0x.
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")


def normalize_hostname(name: str) -> str:
    """Lower-case ASCII (IDNA) form of a host name; ValueError with a reason if it is not one."""
    name = name.strip().lower()
    if not name:
        raise ValueError("the host name is empty")
    if name.endswith("."):
        raise ValueError(f"the host name {name!r} ends with a dot; remove it")
    if not name.isascii():
        try:
            name = idna.encode(name, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise ValueError(f"{name!r} is not a valid international host name ({exc})")
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise ValueError(f"{name!r} is not a valid host name")
    return name


def ip_literal(host: str) -> IPAddress | None:
    """The address when ``host`` is an IP literal, ``None`` when it is a name.

    Raises ValueError for IPv4 written in decimal, octal, hex or short forms
    (``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``127.1``): resolvers disagree on them,
    so only the ordinary dotted quad is accepted. IPv6 zone ids (``fe80::1%eth0``) are refused.
    """
    host = host.strip().lower().removeprefix("[").removesuffix("]")
    if ":" in host:
        if "%" in host:
            raise ValueError(f"the IPv6 address {host!r} carries a zone id; remove it")
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            raise ValueError(f"{host!r} is not a valid IPv6 address")
    last_label = host.rstrip(".").rsplit(".", 1)[-1]
    if not _NUMERIC_LABEL.match(last_label):
        return None
    try:
        return ipaddress.IPv4Address(host)
    except ValueError:
        raise ValueError(
            f"{host!r} looks like an IPv4 address written in an unusual form; "
            "write it as four decimal numbers such as 203.0.113.7"
        )


def parse_allowed_host(entry: str) -> str | IPNetwork:
    """An allow-list entry as a normalised host name or an IP network (CIDR or single address)."""
    entry = entry.strip().lower()
    if "/" in entry:
        try:
            return ipaddress.ip_network(entry, strict=True)
        except ValueError as exc:
            raise ValueError(f"{entry!r} is not a valid network in CIDR notation ({exc})")
    address = ip_literal(entry)
    if address is not None:
        return ipaddress.ip_network(address)
    return normalize_hostname(entry)
