"""The census: impact on hand-computed data, suggestions, pages and API."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.listening.models import Community, DismissedSuggestion
from belvedere.listening.queries_census import community_stats, impact_score, list_suggestions

pytestmark = pytest.mark.django_db
API = "/api/v1/listening"


def recent():
    return timezone.now() - timedelta(days=1)


def test_impact_score_formula():
    # 4 × log10(1000) × (1 + 0.25) × (1 + 0.5) = 4 × 3 × 1.25 × 1.5
    assert impact_score(4, 999, 0.25, -0.5) == 22.5
    assert impact_score(5, 0, 1.0, 1.0) == 0.0
    assert impact_score(1, 9, 0.0, None) == 1.0


def test_community_stats_from_its_mentions(put_mentions):
    community = Community.objects.create(
        name="Smart home",
        kind="subreddit",
        match_platform="reddit",
        match_key="r/smarthome",
        size=999,
        relevance=4,
    )
    rows = [(recent(), "positive"), (recent(), "positive"), (recent(), "negative")]
    put_mentions(rows, platform="reddit", community="r/SmartHome", author_handle="a")
    put_mentions([(recent(), "neutral")], platform="reddit", community="r/other")
    put_mentions(
        [(timezone.now() - timedelta(days=40), "negative")],
        platform="reddit",
        community="r/smarthome",
    )
    stats = community_stats([community])[0]
    assert (stats.mentions, stats.authors, stats.activity_share) == (3, 1, 0.75)
    assert stats.sentiment_balance == pytest.approx(1 / 3, abs=1e-3)
    assert stats.per_week == 0.8
    # 4 × 3 × 1.75 × (1 + 1/3) = 28
    assert stats.impact == pytest.approx(28.0, abs=0.01)


def test_size_falls_back_to_distinct_authors(put_mentions):
    community = Community.objects.create(name="Blog", kind="blog", match_key="blog.example")
    put_mentions([(recent(), "")], domain="blog.example", author_handle="x")
    put_mentions([(recent(), "")], domain="blog.example", author_handle="y")
    stats = community_stats([community])[0]
    assert stats.size == 2 and stats.size_is_estimate


def test_suggestions_skip_known_dismissed_and_small_places(put_mentions):
    put_mentions([(recent(), "")] * 5, platform="reddit", community="r/Helios")
    put_mentions([(recent(), "")] * 6, platform="rss", domain="news.example")
    put_mentions([(recent(), "")] * 4, platform="reddit", community="r/tiny")
    put_mentions([(recent(), "")] * 7, platform="mastodon", community="known.social")
    Community.objects.create(name="Known", kind="mastodon_instance", match_key="known.social")
    found = {(s.platform, s.key, s.kind, s.mentions) for s in list_suggestions()}
    assert found == {("reddit", "r/helios", "subreddit", 5), ("rss", "news.example", "blog", 6)}
    DismissedSuggestion.objects.create(platform="rss", key="news.example")
    assert [s.key for s in list_suggestions()] == ["r/helios"]
    assert list_suggestions()[0].url == "https://www.reddit.com/r/helios/"


def form(**changes):
    data = {
        "name": "Forum",
        "kind": "forum",
        "url": "https://forum.example.org/",
        "match_key": "forum.example.org",
        "relevance": 4,
        "size": 1200,
    }
    return data | changes


def test_census_pages(client, dave, put_mentions):
    put_mentions([(recent(), "")] * 5, platform="reddit", community="r/helios")
    client.force_login(dave)
    page = client.get(reverse("listening:communities"))
    assert page.status_code == 200 and b"r/helios" in page.content and b"log10" in page.content
    assert client.post(reverse("listening:community_create"), form()).status_code == 302
    community = Community.objects.get(name="Forum")
    assert community.url == "https://forum.example.org/"
    edit = reverse("listening:community_edit", args=[community.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, form(relevance=5, owner=dave.pk)).status_code == 302
    community.refresh_from_db()
    assert (community.relevance, community.owner) == (5, dave)
    csv = client.get(reverse("listening:communities"), {"format": "csv"})
    assert b"Forum" in b"".join(csv.streaming_content)
    accept = {"platform": "reddit", "key": "r/helios"}
    assert client.post(reverse("listening:suggestion_accept"), accept).status_code == 302
    assert Community.objects.get(match_key="r/helios").kind == "subreddit"
    assert client.post(reverse("listening:suggestion_accept"), accept).status_code == 404
    assert (
        client.post(reverse("listening:community_delete", args=[community.pk])).status_code == 302
    )
    assert Entry.objects.filter(verb="listening.community_deleted", actor=dave).exists()


def test_dismissing_a_suggestion(client, dave, put_mentions):
    put_mentions([(recent(), "")] * 5, platform="reddit", community="r/helios")
    client.force_login(dave)
    data = {"platform": "reddit", "key": "r/helios"}
    assert client.post(reverse("listening:suggestion_dismiss"), data).status_code == 302
    assert DismissedSuggestion.objects.filter(key="r/helios").exists()
    assert b"r/helios" not in client.get(reverse("listening:communities")).content


def test_census_refuses_outsiders_and_bad_input(client, bob, carol, dave, settings):
    client.force_login(carol)
    assert client.get(reverse("listening:communities")).status_code == 403
    client.force_login(bob)
    assert client.get(reverse("listening:communities")).status_code == 200
    assert client.post(reverse("listening:community_create"), form()).status_code == 403
    client.force_login(dave)
    settings.ALLOW_PRIVATE_TARGETS = False
    bad = client.post(
        reverse("listening:community_create"), form(url="http://10.0.0.1/", relevance=9)
    )
    assert bad.status_code == 400 and not Community.objects.exists()
    assert set(bad.context["form"].errors) == {"url", "relevance"}
    carol_owner = client.post(reverse("listening:community_create"), form(owner=carol.pk))
    assert "owner" in carol_owner.context["form"].errors


def test_census_api(client, dave, bob, carol, put_mentions, settings):
    put_mentions([(recent(), "positive")] * 5, platform="reddit", community="r/helios")
    client.force_login(dave)
    created = client.post(
        f"{API}/communities",
        form(match_key="R/Helios", kind="subreddit", match_platform="reddit", owner_id=dave.pk),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["mentions"] == 5 and body["sentiment_balance"] == 1.0 and body["impact"] > 0
    cid = body["id"]
    patched = client.patch(
        f"{API}/communities/{cid}", {"relevance": 1, "size": None}, content_type="application/json"
    )
    assert patched.json()["relevance"] == 1 and patched.json()["size_is_estimate"]
    assert [c["id"] for c in client.get(f"{API}/communities").json()] == [cid]
    assert client.get(f"{API}/communities/suggestions").json() == []
    bad = client.post(f"{API}/communities", form(relevance=0), content_type="application/json")
    assert bad.status_code == 422
    settings.ALLOW_PRIVATE_TARGETS = False
    bad_url = client.patch(
        f"{API}/communities/{cid}", {"url": "http://127.0.0.1/"}, content_type="application/json"
    )
    assert bad_url.status_code == 422
    wrong_owner = client.patch(
        f"{API}/communities/{cid}", {"owner_id": carol.pk}, content_type="application/json"
    )
    assert wrong_owner.status_code == 422
    client.force_login(bob)
    assert client.get(f"{API}/communities/{cid}").status_code == 200
    assert client.delete(f"{API}/communities/{cid}").status_code == 403
    client.force_login(carol)
    assert client.get(f"{API}/communities").status_code == 403
    client.force_login(dave)
    assert client.delete(f"{API}/communities/{cid}").status_code == 204


def test_suggestion_api(client, dave, put_mentions):
    put_mentions([(recent(), "")] * 5, platform="reddit", community="r/helios")
    put_mentions([(recent(), "")] * 5, platform="reddit", community="r/nimbus")
    client.force_login(dave)
    listed = client.get(f"{API}/communities/suggestions").json()
    assert {s["key"] for s in listed} == {"r/helios", "r/nimbus"}
    one = {"platform": "reddit", "key": "r/helios"}
    accepted = client.post(
        f"{API}/communities/suggestions/accept", one, content_type="application/json"
    )
    assert accepted.status_code == 201 and accepted.json()["kind"] == "subreddit"
    other = {"platform": "reddit", "key": "r/nimbus"}
    path = f"{API}/communities/suggestions/dismiss"
    assert client.post(path, other, content_type="application/json").status_code == 204
    assert client.post(path, other, content_type="application/json").status_code == 404
    assert client.get(f"{API}/communities/suggestions").json() == []
