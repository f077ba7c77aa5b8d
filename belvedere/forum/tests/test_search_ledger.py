"""Searches of signed-in members are member actions in the ledger (analytics counts them)."""

from belvedere.activity.models import Entry
from belvedere.forum.tests.conftest import start_topic


def searches():
    return list(Entry.objects.filter(verb="forum.search").values_list("actor__email", "metadata"))


def test_a_members_search_is_recorded_once(login_as, committed, carol, general):
    start_topic(committed, carol, general, title="Thermostat", body="The thermostat is broken.")
    client = login_as(carol)
    assert client.get("/forum/search/", {"q": "thermostat"}).status_code == 200
    client.get("/forum/search/", {"q": "thermostat", "page": 2})  # paging is not a new search
    assert searches() == [(carol.email, {"results": 1})]


def test_visitors_and_bad_queries_are_not_recorded(client, login_as, committed, carol):
    client.get("/forum/search/", {"q": "thermostat"})
    login_as(carol).get("/forum/search/", {"q": "x" * 500})
    assert searches() == []


def test_api_search_is_recorded(client, token_for, committed, carol):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(carol)}"}
    assert client.get("/api/v1/forum/search", {"q": "nothing"}, **headers).status_code == 200
    assert searches() == [(carol.email, {"results": 0})]
