"""The guarded client wired to settings and the admins' allow-list."""

import asyncio
import ipaddress

import pytest
from django.core.exceptions import ValidationError

from belvedere.core.http import (
    allowed_hosts,
    async_guarded_client,
    check_user_url,
    guarded_client,
)
from belvedere.core.models import AllowedHost
from belvedere.net import UnsafeURLError
from belvedere.net import resolve as resolver
from belvedere.net.tests.httpserver import running_server


@pytest.fixture
def server():
    with running_server() as httpd:
        yield httpd


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    from django.core.cache import cache

    settings.ALLOW_PRIVATE_TARGETS = False
    cache.clear()


@pytest.mark.django_db
def test_guarded_client_refuses_loopback_by_default(server):
    with pytest.raises(UnsafeURLError, match="loopback"), guarded_client() as client:
        client.get(server.url())
    assert server.paths == []


@pytest.mark.django_db
def test_allowed_host_row_lets_loopback_through(server):
    AllowedHost.objects.create(host="127.0.0.1", note="local test server")
    with guarded_client() as client:
        assert client.get(server.url()).text == "hello"


@pytest.mark.django_db
def test_allowed_network_row_lets_loopback_through_async(server):
    AllowedHost.objects.create(host="127.0.0.0/8")
    client = async_guarded_client()

    async def go():
        async with client:
            return await client.get(server.url())

    assert asyncio.run(go()).text == "hello"


@pytest.mark.django_db
def test_allow_private_targets_setting_opens_private_addresses(server, settings):
    settings.ALLOW_PRIVATE_TARGETS = True
    with guarded_client() as client:
        assert client.get(server.url()).status_code == 200


@pytest.mark.django_db
def test_user_agent_names_the_install(server, settings):
    settings.ALLOW_PRIVATE_TARGETS = True
    settings.BASE_URL = "https://community.example"
    with guarded_client() as client:
        agent = client.get(server.url("/echo")).json()["User-Agent"]
    assert agent.startswith("Belvedere/")
    assert agent.endswith(" (+https://community.example)")


@pytest.mark.django_db
def test_allow_list_cache_is_forgotten_when_rows_change():
    assert allowed_hosts() == []
    row = AllowedHost.objects.create(host="Intranet.Example")
    assert allowed_hosts() == ["intranet.example"]
    row.delete()
    assert allowed_hosts() == []


@pytest.mark.django_db
def test_allowed_host_is_normalised_on_save():
    assert AllowedHost.objects.create(host=" 10.1.0.0/16 ").host == "10.1.0.0/16"
    assert AllowedHost.objects.create(host="Bücher.Example").host == "xn--bcher-kva.example"


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["10.0.0.1/8", "not a host", "http://x.example/", "a..b"])
def test_allowed_host_rejects_bad_entries(bad):
    with pytest.raises(ValidationError) as caught:
        AllowedHost(host=bad).full_clean()
    assert "host" in caught.value.message_dict
    with pytest.raises(ValidationError):
        AllowedHost.objects.create(host=bad)


@pytest.mark.django_db
def test_check_user_url_returns_normalised_url():
    url = "HTTPS://Bücher.Example/feed"
    assert check_user_url(url, resolve=False) == "https://xn--bcher-kva.example/feed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://localhost:8000/", "loopback"),
        ("ftp://files.example/", "only http:// and https://"),
        ("http://169.254.169.254/", "cloud metadata"),
        ("http://0x7f.1/", "unusual form"),
    ],
)
def test_check_user_url_refuses_with_a_clear_message(url, reason):
    with pytest.raises(ValidationError) as caught:
        check_user_url(url)
    assert caught.value.code == "unsafe_url"
    assert caught.value.messages[0].startswith("This address cannot be fetched: ")
    assert reason in caught.value.messages[0]


@pytest.mark.django_db
def test_check_user_url_resolves_names_to_catch_internal_ones(monkeypatch):
    monkeypatch.setattr(resolver, "resolve", lambda h, p: [ipaddress.ip_address("10.0.0.7")])
    with pytest.raises(ValidationError, match="nas.example resolves to 10.0.0.7"):
        check_user_url("http://nas.example/")
    AllowedHost.objects.create(host="nas.example")
    assert check_user_url("http://nas.example/") == "http://nas.example/"


@pytest.mark.django_db
def test_check_user_url_honours_allow_private_setting(settings):
    settings.ALLOW_PRIVATE_TARGETS = True
    assert check_user_url("http://192.168.1.20:8080/status") == "http://192.168.1.20:8080/status"


@pytest.mark.django_db
def test_admin_can_add_an_allowed_host(client, alice):
    client.force_login(alice)
    response = client.post(
        "/admin/core/allowedhost/add/", {"host": "Intranet.Example", "note": "x"}
    )
    assert response.status_code == 302
    row = AllowedHost.objects.get()
    assert (row.host, row.created_by) == ("intranet.example", alice)


@pytest.mark.django_db
def test_admin_form_shows_bad_entry_error(client, alice):
    client.force_login(alice)
    response = client.post("/admin/core/allowedhost/add/", {"host": "10.0.0.1/8"})
    assert response.status_code == 200
    assert "network such as 10.0.0.0/8" in response.content.decode()
    assert not AllowedHost.objects.exists()


@pytest.mark.django_db
def test_allow_list_admin_is_for_admins_only(client, bob):
    bob.is_staff = True
    bob.save(update_fields=["is_staff"])
    client.force_login(bob)
    assert client.get("/admin/core/allowedhost/").status_code == 403
