"""Mastodon, Bluesky, Reddit, Hacker News and web-page connectors on recorded payloads."""

from datetime import timedelta

from django.utils import timezone

from belvedere.listening.models import Mention, Source
from belvedere.listening.services.sources import run_source
from belvedere.listening.tests.conftest import Route

TAG = "/api/v1/timelines/tag/brand"


def mastodon_pages(server, path):
    """Page 1 links to page 2 (max_id), page 2 to an empty last page, as the cassette does."""
    if "max_id=117020581178804515" in path:
        return Route(body=b"[]")
    if "max_id=117020581339834938" in path:
        link = f'<{server.url(TAG)}?limit=40&max_id=117020581178804515>; rel="next"'
        return Route(body=server.page2, headers={"Link": link})
    link = f'<{server.url(TAG)}?limit=40&max_id=117020581339834938>; rel="next"'
    return Route(body=server.page1, headers={"Link": link, "X-RateLimit-Remaining": "295"})


def test_mastodon_hashtag_follows_link_pagination(remote, make_source):
    from belvedere.listening.tests.conftest import FIXTURES

    remote.page1 = (FIXTURES / "mastodon/api_v1_timelines_tag.json").read_bytes()
    remote.page2 = (FIXTURES / "mastodon/api_v1_timelines_tag_page2.json").read_bytes()
    remote.add(TAG, dynamic=mastodon_pages)
    config = {"instance": remote.base, "mode": "hashtag", "term": "brand", "max_pages": 5}
    source = make_source("mastodon", config=config)
    outcome = run_source(source)
    assert outcome.ok, outcome.error
    assert outcome.created == 20
    assert [p for p, _ in remote.requests][-1].endswith("max_id=117020581178804515")
    mention = Mention.objects.get(extra__id="117020581413876942")
    assert mention.text.startswith("Toot number 29!") and "<" not in mention.text
    assert mention.author_handle == "@mastodonpy_test_2" and mention.community == "127.0.0.1"
    assert mention.reach == 0 and not mention.reach_is_estimate
    assert set(mention.engagement) == {"likes", "shares", "replies"}
    source.refresh_from_db()
    assert source.cursor == "117020581413876942"
    seen = len(remote.requests)
    assert run_source(source).created == 0
    assert "since_id=117020581413876942" in remote.requests[seen][0]


def test_mastodon_search_reads_statuses(remote, make_source):
    remote.add("/api/v2/search", "mastodon/api_v2_search_statuses_derived.json")
    config = {"instance": remote.base, "mode": "search", "term": "toot"}
    outcome = run_source(make_source("mastodon", config=config))
    assert outcome.ok and outcome.created == 10
    assert "type=statuses" in remote.requests[0][0]


def test_mastodon_empty_search_is_a_success(remote, make_source):
    remote.add("/api/v2/search", "mastodon/api_v2_search_type_statuses.json")
    config = {"instance": remote.base, "mode": "search", "term": "nothing"}
    outcome = run_source(make_source("mastodon", config=config))
    assert outcome.ok and outcome.fetched == 0


def test_mastodon_rate_limit_pushes_the_next_run_back(remote, make_source):
    remote.add(
        TAG, body=b'{"error": "Too many requests"}', status=429, headers={"Retry-After": "7200"}
    )
    source = make_source("mastodon", config={"instance": remote.base, "term": "brand"})
    outcome = run_source(source)
    source.refresh_from_db()
    assert not outcome.ok and "429" in source.last_error
    assert source.next_run_at > timezone.now() + timedelta(minutes=110)


def test_mastodon_malformed_answer_marks_unhealthy(remote, make_source):
    remote.add(TAG, body=b'{"not": "a list"}')
    source = make_source("mastodon", config={"instance": remote.base, "term": "brand"})
    assert not run_source(source).ok
    source.refresh_from_db()
    assert source.health == "failing"


def test_failures_back_off_exponentially_with_a_cap(remote, make_source):
    source = make_source(config={"url": remote.url("/nowhere")}, interval_minutes=30)
    delays = []
    for _ in range(8):
        before = timezone.now()
        run_source(source)
        source.refresh_from_db()
        delays.append(round((source.next_run_at - before).total_seconds() / 60))
    assert delays[:4] == [60, 120, 240, 480]
    assert max(delays) == 24 * 60 and source.consecutive_failures == 8


def test_bluesky_search_posts(remote, make_source):
    remote.add("/xrpc/app.bsky.feed.searchPosts", "bluesky/app.bsky.feed.searchPosts.json")
    source = make_source("bluesky", config={"base_url": remote.base, "query": "python"})
    outcome = run_source(source)
    assert outcome.ok and outcome.created == 1
    mention = Mention.objects.get()
    assert mention.url == "https://bsky.app/profile/test.marshal.dev/post/3kaheyt6vpc22"
    assert mention.author_handle == "@test.marshal.dev" and mention.language.startswith("en")
    assert mention.reach_is_estimate
    source.refresh_from_db()
    assert source.cursor == "2023-09-28T12:49:36.735Z"


def test_reddit_search_and_subreddit_listings(remote, make_source):
    remote.add("/search.json", "reddit/search.json")
    remote.add("/r/askreddit/new.json", "reddit/r_new.json")
    search = make_source(
        "reddit", config={"base_url": remote.base, "mode": "search", "query": "praw"}
    )
    sub = make_source(
        "reddit", config={"base_url": remote.base, "mode": "subreddit", "subreddit": "askreddit"}
    )
    assert run_source(search).created == 6
    assert run_source(sub).created == 100
    mention = Mention.objects.get(external_id="t3_3gpbiu")
    assert mention.community == "r/redditdev" and mention.engagement["replies"] == 21
    assert mention.canonical_url.endswith("/prawoauth2util_problem_using_get_banned_raise/")
    assert "reddit.com" not in remote.requests[0][1].get("User-Agent", "x")
    assert remote.requests[0][1]["User-Agent"].startswith("Belvedere/")


def test_reddit_comments_listing(remote, make_source):
    remote.add("/r/askreddit/new.json", "reddit/r_comments.json")
    config = {"base_url": remote.base, "mode": "subreddit", "subreddit": "askreddit"}
    assert run_source(make_source("reddit", config=config)).created == 100
    assert Mention.objects.filter(community="r/AskReddit").count() == 100


def test_hackernews_stories_and_comments(remote, make_source):
    remote.add("/api/v1/search_by_date", "hackernews/search_by_date_comment.json")
    source = make_source("hackernews", config={"base_url": remote.base, "query": "fibonacci"})
    outcome = run_source(source)
    assert outcome.ok and outcome.created == 1
    mention = Mention.objects.get()
    assert mention.url == "https://news.ycombinator.com/item?id=7919431"
    assert mention.title == "Fibonacci Flim-Flam" and "<p>" not in mention.text
    source.refresh_from_db()
    assert source.cursor == "1403235595"
    run_source(source)
    assert "created_at_i%3E1403235595" in remote.requests[-1][0]
    assert "tags=%28story%2Ccomment%29" in remote.requests[-1][0]


PAGE = """<html><head><meta charset="utf-8"></head><body>
<article class="review"><h3>Super</h3><p>J'adore la marque Belvédère !</p>
<span class="by">Chloé</span><a href="/avis/1">lien</a></article>
<article class="review"><h3>Bof</h3><p>Service client lent.</p><span class="by">Sam</span></article>
<article class="review"></article></body></html>"""


def test_webpage_extracts_items_by_selector(remote, make_source):
    url = remote.add("/avis", body=PAGE.encode(), content_type="text/html; charset=utf-8")
    config = {
        "url": url,
        "item_selector": "article.review",
        "title_selector": "h3",
        "author_selector": ".by",
    }
    source = make_source("webpage", config=config)
    outcome = run_source(source)
    assert outcome.ok and outcome.created == 2
    first = Mention.objects.get(title="Super")
    assert first.author_name == "Chloé" and first.url == remote.url("/avis/1")
    source.refresh_from_db()
    assert run_source(source).not_modified


def test_unknown_kind_and_broken_config_mark_unhealthy(make_source):
    source = make_source("rss", config={})
    assert not run_source(source).ok
    assert Source.objects.get().health == "failing"
