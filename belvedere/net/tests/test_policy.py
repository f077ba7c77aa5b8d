"""The IP policy: property tests over IPv4 and IPv6 with hypothesis."""

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from belvedere.net import AddressPolicy, UnsafeURLError, classify

REFUSED_BLOCKS = [
    ("10.0.0.0/8", "private"),
    ("172.16.0.0/12", "private"),
    ("192.168.0.0/16", "private"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local"),
    ("100.64.0.0/10", "carrier-grade NAT"),
    ("0.0.0.0/8", "unspecified"),
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/5", "reserved"),
    ("fc00::/7", "private"),
    ("fe80::/10", "link-local"),
    ("ff00::/8", "multicast"),
    ("64:ff9b::/96", "NAT64"),
    ("2001:db8::/32", "documentation"),
]


@pytest.mark.parametrize(("block", "reason"), REFUSED_BLOCKS)
@given(data=st.data())
def test_classify_refuses_every_address_of_internal_blocks(block, reason, data):
    network = ipaddress.ip_network(block)
    address = data.draw(st.ip_addresses(network=network))
    if address == ipaddress.ip_address("169.254.169.254"):
        reason = "cloud metadata"
    assert classify(address) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("255.255.255.255", "broadcast"),
        ("2002:7f00:1::", "loopback (inside 6to4)"),
        ("::127.0.0.1", "reserved"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_classify_known_addresses(text, reason):
    assert classify(ipaddress.ip_address(text)) == reason


@given(st.ip_addresses())
def test_allowed_addresses_are_global(address):
    """We may refuse more than Python's is_global, never less."""
    if classify(address) is None:
        assert address.is_global
        assert not address.is_multicast


@given(st.ip_addresses(v=4))
def test_ipv4_mapped_form_is_judged_like_ipv4(address):
    mapped = ipaddress.IPv6Address(f"::ffff:{address}")
    assert classify(mapped) == classify(address)


@given(st.ip_addresses())
def test_allow_private_opens_all_but_metadata_and_non_unicast(address):
    reason = AddressPolicy(allow_private=True).refusal(address)
    assert reason in (None, "cloud metadata", "unspecified", "multicast", "broadcast")


@given(st.ip_addresses(network="10.20.0.0/16"))
def test_allow_listed_network_opens_its_addresses_only(address):
    policy = AddressPolicy.build(allow_hosts=["10.20.0.0/16"])
    assert policy.refusal(address) is None
    assert policy.refusal(ipaddress.ip_address("10.21.0.1")) == "private"


def test_allow_listed_name_opens_its_addresses():
    policy = AddressPolicy.build(allow_hosts=["Intranet.Example"])
    address = ipaddress.ip_address("192.168.1.10")
    assert policy.refusal(address, "intranet.example") is None
    assert policy.refusal(address, "other.example") == "private"


def test_allow_list_never_opens_unspecified_or_multicast():
    policy = AddressPolicy.build(allow_hosts=["0.0.0.0/0"], allow_private=True)
    assert policy.refusal(ipaddress.ip_address("0.0.0.0"))  # noqa: S104 == "unspecified"
    assert policy.refusal(ipaddress.ip_address("224.0.0.1")) == "multicast"
    assert policy.refusal(ipaddress.ip_address("169.254.169.254")) is None


def test_check_message_is_readable():
    with pytest.raises(UnsafeURLError) as caught:
        AddressPolicy().check(ipaddress.ip_address("10.0.0.1"), "nas.lan")
    assert str(caught.value) == (
        "nas.lan resolves to 10.0.0.1, a private address: Belvedere does not fetch private "
        "or internal addresses. An administrator can add it to the allowed hosts."
    )


@pytest.mark.parametrize("entry", ["10.0.0.1/8", "not a host", "exa_mple..com", "host.", "0x7f.1"])
def test_bad_allow_list_entries_are_refused(entry):
    with pytest.raises(ValueError):
        AddressPolicy.build(allow_hosts=[entry])
