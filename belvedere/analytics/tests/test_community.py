"""Community health on a hand-computed set (docs/analytics.md): member actions recorded by
real logins and searches, active members, new vs returning, questions, levels over time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.analytics.queries import community, levels
from belvedere.analytics.queries.periods import period_of
from belvedere.conftest import PASSWORD
from belvedere.forum.models import Post, Topic
from belvedere.forum.tests.conftest import committed, make_category, post_as, start_topic  # noqa: F401


def backdate(topic, *hours_ago):
    """Topic (and its posts, in order) written `hours_ago` hours ago."""
    now = timezone.now()
    Topic.objects.filter(pk=topic.pk).update(created_at=now - timedelta(hours=hours_ago[0]))
    for post, hours in zip(topic.posts.order_by("number"), hours_ago, strict=True):
        Post.objects.filter(pk=post.pk).update(created_at=now - timedelta(hours=hours))


@pytest.fixture
def small_community(client, committed, carol, mallory, fresh_cache):  # noqa: F811
    mallory.date_joined = timezone.now() - timedelta(days=100)
    mallory.save(update_fields=["date_joined"])
    for member in (carol, mallory):
        client.logout()
        client.post("/accounts/login/", {"username": member.email, "password": PASSWORD})
    client.get("/forum/search/", {"q": "thermostat"})  # mallory, still signed in
    general = make_category("general")
    answered = start_topic(committed, carol, general, title="Thermostat", body="Help?")
    post_as(committed, answered, mallory, "Reset it.")
    backdate(answered, 3, 1)  # first reply 2 hours after the question
    alone = start_topic(committed, carol, general, title="Boiler", body="Anyone?")
    post_as(committed, alone, carol, "Still here.")  # the author's own reply does not count
    return period_of(days=2)


def test_member_actions_count_logins_and_searches(small_community):
    actions = community.member_actions(small_community)
    assert (actions["logins"], actions["searches"]) == (2, 1)
    assert (actions["topics"], actions["posts"]) == (2, 2)  # posts = replies


def test_active_new_returning_and_questions(small_community):
    assert community.active_members(small_community) == 2
    assert community.new_and_returning(small_community) == {"new": 1, "returning": 1}
    assert community.questions(small_community) == {
        "topics": 2, "answered": 1, "answered_share": 50.0, "first_reply_hours": 2.0
    }  # fmt: skip


def test_levels_over_time_are_measured_daily_then_weekly(db):
    assert len(levels.level_days(period_of(days=31))) == 31
    days = levels.level_days(period_of(days=90))
    assert len(days) == 13 and days[-1] == timezone.now().date()
    assert {(d - days[0]).days % 7 for d in days} == {0}


def test_levels_in_page_csv_and_api(small_community, login_as, dave, token_for, client):
    from belvedere.engagement.services.people import sync_people

    sync_people()
    page = login_as(dave).get("/analytics/community/")
    assert "Engagement levels over time" in page.content.decode()
    csv = login_as(dave).get("/analytics/community/", {"format": "csv", "table": "levels"})
    header = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert header == "day,observer,participant,contributor,champion"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(dave)}"}
    rows = client.get("/api/v1/analytics/community", **auth).json()["levels"]
    assert rows[-1]["day"] == timezone.now().date().isoformat()
    assert sum(rows[-1][level] for level in levels.LEVELS) >= 2  # carol and mallory


def test_sentiment_over_time_by_hand(db):
    from datetime import UTC, datetime, time

    from belvedere.analytics.queries.content import sentiment_series
    from belvedere.listening.models import Mention

    period = period_of(days=2)
    first = datetime.combine(period.first, time(12), tzinfo=UTC)
    for days, sentiment in ((0, "positive"), (0, "positive"), (0, "negative"), (1, "neutral")):
        Mention.objects.create(platform="mastodon", author_handle="a", author_name="a",
                               text="Hélios", sentiment=sentiment,
                               published_at=first + timedelta(days=days))  # fmt: skip
    rows = sentiment_series(period)
    assert [(r["mentions"], r["mention_net"], r["mention_positive"], r["mention_negative"])
            for r in rows] == [(3, 33.3, 66.7, 33.3), (1, 0.0, 0.0, 0.0)]  # fmt: skip
    assert rows[0]["post_net"] is None and rows[0]["posts"] == 0
    assert len(sentiment_series(period_of(days=30))) == 5  # weekly beyond 14 days
