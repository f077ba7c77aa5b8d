"""The address checked is the address connected to: DNS answers cannot change in between."""

import ipaddress

import pytest

from belvedere.net import GuardedClient, UnsafeURLError, check_url, fetch
from belvedere.net import resolve as resolver

PUBLIC = ipaddress.ip_address("93.184.216.34")
LOOPBACK = ipaddress.ip_address("127.0.0.1")


class Answers(list):
    """Answers the fake resolver gives in turn (the last one repeats), and who asked."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list:
        self.calls.append(host)
        return self.pop(0) if len(self) > 1 else self[0]


@pytest.fixture
def answers(monkeypatch):
    fake = Answers()
    monkeypatch.setattr(resolver, "resolve", fake)
    return fake


def test_rebinding_to_loopback_after_the_check_is_refused(server, answers):
    answers.extend([[PUBLIC], [LOOPBACK]])
    url = server.url(host="rebind.example")
    assert check_url(url, resolve=True)  # first answer: a public address
    with pytest.raises(UnsafeURLError, match="rebind.example resolves to 127.0.0.1, a loopback"):
        fetch(url)
    assert server.paths == []


def test_every_resolved_address_must_be_allowed(server, answers):
    answers.append([PUBLIC, LOOPBACK])
    with pytest.raises(UnsafeURLError, match="loopback"):
        fetch(server.url(host="mixed.example"))
    with pytest.raises(UnsafeURLError, match="loopback"):
        check_url(server.url(host="mixed.example"), resolve=True)
    assert server.paths == []


def test_ipv4_mapped_answer_is_judged_as_ipv4(server, answers):
    answers.append([ipaddress.ip_address("::ffff:127.0.0.1")])
    with pytest.raises(UnsafeURLError, match="loopback"):
        fetch(server.url(host="mapped.example"))


def test_connection_goes_to_the_checked_address_with_the_host_name(server, answers):
    answers.append([LOOPBACK])
    url = server.url("/echo", host="intranet.example")
    echoed = fetch(url, allow_hosts=["intranet.example"]).json()
    assert echoed["Host"] == f"intranet.example:{server.port}"
    assert answers.calls == ["intranet.example"]


def test_each_new_connection_resolves_and_checks_again(server, answers):
    answers.extend([[LOOPBACK], [ipaddress.ip_address("10.0.0.1")]])
    client = GuardedClient(allow_hosts=["127.0.0.0/8"])
    assert client.get(server.url(host="flip.example")).text == "hello"
    client.close()
    client = GuardedClient(allow_hosts=["127.0.0.0/8"])
    with pytest.raises(UnsafeURLError, match="10.0.0.1, a private"):
        client.get(server.url(host="flip.example"))
