"""Competitors' activity from their feeds, burst detection, trends, digests, commands."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from belvedere.listening.models import Mention
from belvedere.watch.bursts import burst, hashtags_of, terms_of
from belvedere.watch.models import Competitor, CompetitorActivity, Trend
from belvedere.watch.queries.insights import inbox_url, trend_mentions
from belvedere.watch.services.competitors import fetch_activity
from belvedere.watch.services.digest import build_digest, send_digest
from belvedere.watch.services.trends import compute_trends
from belvedere.watch.weeks import monday

FEED = """<?xml version="1.0"?><rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel><title>Rival blog</title><link>https://rival.example/</link>
<item><title>Join our webinar on community building</title><link>https://rival.example/webinar</link>
<guid>w1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>
<slash:comments>12</slash:comments></item>
<item><title>Release notes 4.2</title><link>https://rival.example/4-2</link><guid>r42</guid>
<pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Rencontre des utilisateurs à Lyon</title><link>https://rival.example/lyon</link>
<guid>l1</guid></item>
</channel></rss>"""


@pytest.mark.django_db(transaction=True)
def test_competitor_activity_is_read_from_public_feeds(page_server, dave):
    url = page_server.set("/feed.xml", FEED, kind="application/rss+xml")
    broken = page_server.set("/broken.xml", "<html>not a feed", kind="text/html")
    competitor = Competitor.objects.create(name="Rival", feed_urls=f"{url}\n{broken}")
    outcome = fetch_activity(competitor, actor=dave)
    assert outcome.created == 3 and len(outcome.errors) == 1 and "broken" in outcome.errors[0]
    assert fetch_activity(competitor).created == 0  # idempotent
    rows = {row.title: row for row in CompetitorActivity.objects.all()}
    assert rows["Join our webinar on community building"].kind == "event"
    assert rows["Join our webinar on community building"].engagement == 12
    assert rows["Rencontre des utilisateurs à Lyon"].kind == "event"
    assert rows["Release notes 4.2"].kind == "post"
    competitor.refresh_from_db()
    assert "broken" in competitor.last_error


def test_burst_formula():
    assert burst(4, [0] * 8) is None  # under the minimum count
    new = burst(6, [0] * 8)
    assert new.is_new and new.score == 6.0
    steady = [10, 12, 9, 11, 10, 12, 9, 11]
    assert burst(12, steady) is None
    assert burst(30, steady).score > 10
    assert burst(5, [0, 0, 1, 0, 0, 0, 0, 0]).score == pytest.approx(4.88, abs=0.01)


def test_terms_and_hashtags():
    text = (
        "Les #Threads de Bluesky arrivent https://bsky.app/x avec les créateurs #2026 et #BlueSky"
    )
    assert {"bluesky", "arrivent", "créateurs"} <= terms_of(text)
    assert "threads" not in terms_of(text)  # a hashtag, counted as one
    assert "avec" not in terms_of(text) and "https" not in terms_of(text)
    assert hashtags_of(text) == {"#threads", "#bluesky"}


def _mention(text, days_ago, **fields):
    return Mention.objects.create(
        text=text, published_at=timezone.now() - timedelta(days=days_ago),
        platform=fields.pop("platform", "mastodon"), **fields,
    )  # fmt: skip


@pytest.mark.django_db
def test_trends_find_bursting_terms_platforms_and_domains():
    today = timezone.localdate()
    days_in_week = (today - monday(today)).days
    for week in range(1, 9):
        _mention("nous aimons le produit", 7 * week + days_in_week)
    for i in range(7):
        _mention(f"Notre produit sur #Lemmy, vraiment {i}", days_in_week, platform="lemmy",
                 domain="lemmy.world")  # fmt: skip
    found = {(t.kind, t.key): t for t in compute_trends()}
    assert found[("hashtag", "#lemmy")].is_new
    assert ("platform", "lemmy") in found and ("domain", "lemmy.world") in found
    assert ("term", "produit") in found  # 7 this week against 1 a week before
    assert ("term", "aimons") not in found
    trend = found[("platform", "lemmy")]
    assert trend_mentions(trend).count() == 7
    assert "platform=lemmy" in inbox_url(trend)
    assert inbox_url(found[("domain", "lemmy.world")]) == ""
    compute_trends()  # replaces the week's rows
    assert Trend.objects.filter(week=monday(today)).count() == len(found)


@pytest.mark.django_db
def test_digest_collects_the_week_and_is_sent(world, dave, alice):
    digest = build_digest(monday(timezone.localdate()))
    content = digest.content
    assert content["rules"][0]["service"] == "Reddit"
    assert content["competitors"][0]["events"][0]["title"] == "Webinar next week"
    assert content["trends"][0]["key"] == "rival"
    delivery = send_digest(digest)
    assert delivery.ok
    assert {dave.email, alice.email} <= {to for m in mail.outbox for to in m.to}
    assert "Reddit · Terms of Service" in mail.outbox[0].body
    digest.refresh_from_db()
    assert digest.sent_at


@pytest.mark.django_db
def test_weekly_digest_task(world):
    from belvedere.watch.tasks import weekly_digest

    assert weekly_digest.call_local()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_import_declarations_command(tmp_path, capsys):
    call_command("watch_import_declarations")
    out = capsys.readouterr().out
    assert "Reddit: 4 added" in out and "TikTok: 7 added" in out
    (tmp_path / "Bad.json").write_text('{"name": "Bad", "terms": {"ToS": {"fetch": "ftp://x"}}}')
    with pytest.raises(Exception, match="Invalid declaration"):
        call_command("watch_import_declarations", str(tmp_path))
    with pytest.raises(Exception, match="not a directory"):
        call_command("watch_import_declarations", str(tmp_path / "missing"))
